/**
 * The sidebar of the built site marks as the current page the page itself and nothing else, on
 * every page. Astro renders several pages at once, and Starlight marks the current page on a
 * sidebar all pages share (src/site/sidebar-current.ts): channel pages once showed "Pain points &
 * opportunities" as the page they were on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { expect, inject, test } from 'vitest';

/** Each page of the built site by its path (`/channels/web/`), with the links its sidebar marks as current. */
function markedLinks(): Map<string, string[]> {
	const site = inject('siteDir');
	const pages = new Map<string, string[]>();
	for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('index.html')) continue;
		const folder = relative(site, join(site, file, '..')).split(sep).join('/');
		const tree = fromHtml(readFileSync(join(site, file), 'utf8'));
		pages.set(folder === '' ? '/' : `/${folder}/`, selectAll('nav.sidebar a[aria-current="page"]', tree).map((link) => String(link.properties.href)));
	}
	return pages;
}

test('every page’s sidebar marks as current the page itself, when it lists it, and no other', () => {
	const pages = markedLinks();
	expect(pages.size).toBeGreaterThan(40);
	const wrong = [...pages].filter(([path, marked]) => marked.some((href) => href !== path)).map(([path, marked]) => `${path} marks ${marked.join(', ')}`);
	expect(wrong).toEqual([]);
	// The pages the sidebar lists each mark themselves, once.
	const listed = ['/', '/journeys/', '/personas/', '/backlog/', '/owners/', '/channels/', '/landscape/', '/health/', '/file-format/'];
	for (const path of listed) expect(pages.get(path), path).toEqual([path]);
});
