/**
 * The search index step (src/site/search-index.ts) on the real built site, with real Pagefind: a
 * kept build's index, started on the last build's pages before Astro writes any, is byte for byte the index of every
 * page built afresh; when the pages it started on no longer hold, it is built afresh.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import starlight from '@astrojs/starlight';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterAll, expect, inject, test } from 'vitest';
import { folderNow } from '../../src/kept-out-dir.ts';
import { indexKeptPages, searchIndex, withoutStarlightSearchIndex, writeSearchIndex } from '../../src/site/search-index.ts';
import { expectSameSite, siteFiles } from './same-site.ts';

const work = mkdtempSync(join(tmpdir(), 'cjm-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of `site` named `name`, without its search index. */
function withoutIndex(site: string, name: string): string {
	const copy = join(work, name);
	cpSync(site, copy, { recursive: true });
	rmSync(join(copy, 'pagefind'), { recursive: true });
	return copy;
}

/** A copy of the built sample site as the last build left it, without its index, and its pages' time set back by a minute. */
function lastBuild(name: string): string {
	const site = withoutIndex(inject('siteDir'), name);
	const earlier = new Date(Date.now() - 60_000);
	for (const file of siteFiles(site)) utimesSync(join(site, file), earlier, earlier);
	return site;
}

/** What Astro does to a page it renders again: writes it, here with other words in it. */
function rewrite(site: string, page: string, from = '', to = ''): void {
	const file = join(site, page);
	const html = readFileSync(file, 'utf8');
	expect(html).toContain(from);
	writeFileSync(file, html.replaceAll(from, to));
}

/** A logger that keeps what it is told. */
function listener(): { said: string[]; logger: AstroIntegrationLogger } {
	const said: string[] = [];
	const logger = { info: (text: string) => said.push(text), error: (text: string) => said.push(text), fork: () => logger } as unknown as AstroIntegrationLogger;
	return { said, logger };
}

/** Runs the integration's hooks as `astro build` does, `between` standing for Astro writing the pages; returns what it logged. */
async function build(integration: AstroIntegration, site: string, between: () => void = () => {}): Promise<string[]> {
	const { said, logger } = listener();
	const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
	await hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${site}/`) } });
	await hooks['astro:build:start']!({ logger });
	between();
	await hooks['astro:build:done']!({ dir: pathToFileURL(`${site}/`), logger });
	return said;
}

/** The index a full build writes of `site`'s pages, in a copy of it. */
async function fullIndex(site: string, name: string): Promise<string> {
	const copy = withoutIndex(site, name);
	await build(searchIndex(), copy);
	return join(copy, 'pagefind');
}

test('a kept build indexes its kept pages first, adds again the ones it wrote, and writes what a full build writes', async () => {
	const site = lastBuild('kept');
	const start = folderNow(site);
	// Pagefind has read every page when Astro writes the first: at 1000 journeys, it is done seconds earlier.
	const early = await indexKeptPages(site, start);
	rewrite(site, 'journeys/restaurant/pizza-visit/index.html', 'stracciatella', 'zabaglione');
	rewrite(site, 'index.html', '</main>', '<p>A zyzzyva.</p></main>');
	const { said, logger } = listener();
	await writeSearchIndex(site, early, logger);
	expect(said.join('\n')).toMatch(/Indexed the \d+ pages kept from the last build while Astro built, then the 2 this build wrote\./);
	await expectSameSite(join(site, 'pagefind'), await fullIndex(site, 'kept-full'));
}, 120_000);

test('a kept build that removed a page, or wrote most of them, indexes every page afresh', async () => {
	const removed = lastBuild('removed');
	const saidRemoved = await build(searchIndex(folderNow(removed)), removed, () => rmSync(join(removed, 'journeys/restaurant/pizza-visit'), { recursive: true }));
	expect(saidRemoved.join('\n')).toMatch(/Indexing every page again: this build added or removed pages\.\nFound \d+ HTML files\./);
	await expectSameSite(join(removed, 'pagefind'), await fullIndex(removed, 'removed-full'));

	// After a change of code, say: adding every page again would take three times as long.
	const rewritten = lastBuild('rewritten');
	const start = folderNow(rewritten);
	const early = await indexKeptPages(rewritten, start);
	const pages = siteFiles(rewritten).filter((file) => file.endsWith('.html'));
	for (const page of pages.slice(0, Math.ceil(pages.length / 2) + 1)) rewrite(rewritten, page);
	const { said: saidRewritten, logger } = listener();
	await writeSearchIndex(rewritten, early, logger);
	expect(saidRewritten.join('\n')).toMatch(/Indexing every page again: this build wrote \d+ of the \d+ pages\.\nFound \d+ HTML files\./);
	await expectSameSite(join(rewritten, 'pagefind'), await fullIndex(rewritten, 'rewritten-full'));
}, 120_000);

test('Starlight runs nothing but its search index step when the build is done, which the site leaves to its own', () => {
	const integration = starlight({ title: 'Journey maps' });
	expect(String(integration.hooks['astro:build:done'])).toMatch(/^async \(options\) => \{\s*if \(!userConfig\.pagefind\) return;\s*return starlightPagefind\(options\);\s*\}$/);
	const without = withoutStarlightSearchIndex(integration);
	expect(Object.keys(without.hooks).sort()).toEqual(Object.keys(integration.hooks).filter((hook) => hook !== 'astro:build:done').sort());
});
