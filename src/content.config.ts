import { i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { imageEntrySchema, modelEntrySchema } from './site/entries.ts';
import { imageLoader, journeyLoader, personaLoader } from './site/loaders.ts';
import { pageSchema } from './site/page-schema.ts';

export const collections = {
	// The reference pages live in docs/ at the top, where they also read well on GitHub. Their schema
	// is also the one of every page built with <StarlightPage>: built once (src/site/page-schema.ts).
	docs: defineCollection({ loader: glob({ pattern: '**/*.md', base: './docs' }), schema: pageSchema }),
	journeys: defineCollection({ loader: journeyLoader(), schema: modelEntrySchema }),
	personas: defineCollection({ loader: personaLoader(), schema: modelEntrySchema }),
	images: defineCollection({ loader: imageLoader(), schema: imageEntrySchema }),
	// Starlight reads its UI strings' overrides from this collection on every page, and Astro warns on
	// every build and dev start when a collection read is undefined or empty. One entry that overrides
	// nothing keeps the site's output free of a warning its authors cannot act on.
	i18n: defineCollection({ loader: () => [{ id: 'en' }], schema: i18nSchema() }),
};
