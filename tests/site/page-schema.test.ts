/**
 * The schema of the pages built with <StarlightPage> (src/site/page-schema.ts): built once, it
 * reads a page's frontmatter as the schema Starlight builds for each page does, and the installed
 * Starlight takes it as it is instead of building its own again for every page.
 */
import { readFileSync } from 'node:fs';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { expect, test } from 'vitest';
import { pageSchema } from '../../src/site/page-schema.ts';

test('the installed Starlight builds the schema of a page only when it is given a function', () => {
	const source = readFileSync(new URL('../../node_modules/@astrojs/starlight/dist/utils/starlight-page.js', import.meta.url), 'utf8');
	expect(source).toContain('(typeof userDocsSchema === "function" ? userDocsSchema(context) : userDocsSchema)');
	expect(source).toContain('collections?.docs?.schema ?? docsSchema()');
});

/** The schema `<StarlightPage>` builds for each page from `docsSchema()`, with its own `image()`. */
const perPage = docsSchema()({
	image: (() => z.custom((value) => typeof value === 'object' && value !== null && 'src' in value && 'width' in value && 'height' in value && 'format' in value)) as never,
});

test.each([
	['a journey page', { title: 'A Friday pizza', description: 'Eva orders.', lastUpdated: new Date('2026-10-14'), editUrl: false, tableOfContents: false }],
	['a listing page', { title: 'Journeys', template: 'doc', tableOfContents: false }],
	['a page with a hero image', { title: 'Home', hero: { title: 'Maps', image: { alt: 'A map', file: { src: '/map.png', width: 10, height: 10, format: 'png' } } } }],
	['a page with its own head and pagination', { title: 'Owners', head: [{ tag: 'meta', attrs: { name: 'robots', content: 'noindex' } }], prev: false, next: { label: 'Channels', link: '/channels/' } }],
])('%s: the same data as the schema Starlight builds for it', (_, frontmatter) => {
	expect(pageSchema.parse(frontmatter)).toEqual(perPage.parse(frontmatter));
});

test('a page whose frontmatter is wrong is refused by both', () => {
	for (const frontmatter of [{ title: 3 }, { title: 'A', template: 'wide' }, { title: 'A', hero: { image: { file: '/map.png' } } }]) {
		expect(pageSchema.safeParse(frontmatter).success).toBe(false);
		expect(perPage.safeParse(frontmatter).success).toBe(false);
	}
});
