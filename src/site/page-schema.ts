/**
 * Starlight's page schema, built once. Given `docsSchema()` itself (a function of Astro's schema
 * context), Starlight calls it again for every page rendered with `<StarlightPage>` (every journey,
 * persona and listing page): each call builds the whole frontmatter schema anew, and zod compiles
 * its parser anew, about 1.5 s of Astro's thread in a build of 1000 journeys. Given a schema, it
 * builds nothing (tests/site/page-schema.test.ts checks that the installed Starlight still does so).
 * The context only gives hero images their `image()` type. No page of this site has a hero image,
 * so it is the shape of an imported image, as `<StarlightPage>` expects one; a hero image path in
 * docs/ would be refused.
 */
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

export const pageSchema = docsSchema()({
	image: () =>
		z.object({
			src: z.string(),
			width: z.number(),
			height: z.number(),
			// Astro's type for an image's `format` takes each format as a literal of its own.
			format: z.union([z.literal('png'), z.literal('jpg'), z.literal('jpeg'), z.literal('tiff'), z.literal('webp'), z.literal('gif'), z.literal('svg'), z.literal('avif'), z.literal('apng')]),
		}),
});
