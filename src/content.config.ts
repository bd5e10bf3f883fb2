import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { imageEntrySchema, journeyEntrySchema, personaEntrySchema } from './site/entries.ts';
import { imageLoader, journeyLoader, personaLoader } from './site/loaders.ts';

export const collections = {
	// The reference pages live in docs/ at the top, where they also read well on GitHub.
	docs: defineCollection({ loader: glob({ pattern: '**/*.md', base: './docs' }), schema: docsSchema() }),
	journeys: defineCollection({ loader: journeyLoader(), schema: journeyEntrySchema }),
	personas: defineCollection({ loader: personaLoader(), schema: personaEntrySchema }),
	images: defineCollection({ loader: imageLoader(), schema: imageEntrySchema }),
};
