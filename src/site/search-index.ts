/**
 * The site's search index: Pagefind over the pages Astro wrote, as Starlight builds it, and the
 * same files. It replaces Starlight's own step, which starts only once every page is written: at
 * 1000 journeys, Pagefind took half of a rebuild (9.7 of 20.4 s) while one of the two cores idled.
 *
 * In a `cjm build --cache` into the folder the last build wrote (src/kept-out-dir.ts), the pages
 * kept from that build are indexed as soon as the build starts, in Pagefind's own process, while
 * Astro builds. Once the pages are written, the ones this build wrote are added again: Pagefind
 * replaces a page added twice in its place, so the index is byte for byte the one a full build
 * writes (tests/site/incremental.test.ts). A page read while Astro rewrote it is one of those, and
 * is replaced too. Pagefind cannot take a page out of an index, nor put a new one anywhere but
 * last, so a build that adds or removes a page indexes every page again after it, as a full build does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/** The HTML pages in `dir`, relative to it with `/`, sorted. */
function htmlPages(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** Pagefind answers with a list of errors instead of throwing. */
function checked<T extends { errors: string[] }>(response: T, logger: AstroIntegrationLogger): T {
	if (response.errors.length === 0) return response;
	for (const error of response.errors) logger.error(`Pagefind error: ${error}`);
	throw new Error('Pagefind response contained errors.');
}

/** An index of the pages a kept build found in place, started before Astro wrote any. */
export interface KeptPagesIndex {
	index: pagefind.PagefindIndex;
	/** When the build started, on the folder's clock (`keepOutDir` in src/kept-out-dir.ts): a page older than that was kept from the last build. */
	since: bigint;
	/** The pages found when the build started. */
	pages: string[];
	/** How many of them Pagefind read. */
	read: number;
}

/** Starts indexing the pages in `dir` (listed at once) of a kept build started `since`; undefined when Pagefind fails (the build then indexes every page after it). */
export async function indexKeptPages(dir: string, since: bigint): Promise<KeptPagesIndex | undefined> {
	const pages = htmlPages(dir);
	const { index, errors } = await pagefind.createIndex();
	if (!index || errors.length > 0) return undefined;
	const added = await index.addDirectory({ path: dir });
	return added.errors.length === 0 ? { index, since, pages, read: added.page_count } : undefined;
}

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((page, i) => page === b[i]);

/** Why the early index cannot become this build's, if it cannot. */
function whyIndexAgain(early: KeptPagesIndex, pages: string[], written: number): string | undefined {
	if (!sameList(early.pages, pages)) return 'this build added or removed pages';
	if (early.read !== pages.length) return 'Pagefind did not read every page the build kept';
	if (written * 2 > pages.length) return `this build wrote ${written} of the ${pages.length} pages`;
	return undefined;
}

/**
 * The index of the kept pages with the pages this build wrote added again, or undefined (and the
 * early index dropped) when the build added or removed a page, or wrote most of them: one page
 * added again takes about 15 ms (it crosses to Pagefind's process as JSON), three times what
 * reading it from the folder takes when indexing every page.
 */
async function updatedIndex(early: KeptPagesIndex | undefined, site: string, logger: AstroIntegrationLogger): Promise<pagefind.PagefindIndex | undefined> {
	if (!early) return undefined;
	const pages = htmlPages(site);
	const written = pages.filter((page) => statSync(join(site, page), { bigint: true }).mtimeNs >= early.since);
	const again = whyIndexAgain(early, pages, written.length);
	if (again) {
		logger.info(`Indexing every page again: ${again}.`);
		await early.index.deleteIndex();
		return undefined;
	}
	for (const page of written) checked(await early.index.addHTMLFile({ sourcePath: page, content: readFileSync(join(site, page), 'utf8') }), logger);
	logger.info(`Indexed the ${pages.length - written.length} pages kept from the last build while Astro built, then the ${written.length} this build wrote.`);
	return early.index;
}

/** An index of every page in `site`, as Starlight builds it. */
async function freshIndex(site: string, logger: AstroIntegrationLogger): Promise<pagefind.PagefindIndex> {
	const { index } = checked(await pagefind.createIndex(), logger);
	const { page_count } = checked(await index!.addDirectory({ path: site }), logger);
	logger.info(`Found ${page_count} HTML files.`);
	return index!;
}

/**
 * Writes the index of the pages in `site` into its `pagefind` folder: `early` (from
 * `indexKeptPages`) with the pages written since its build started added again, or every page afresh.
 */
export async function writeSearchIndex(site: string, early: KeptPagesIndex | undefined, logger: AstroIntegrationLogger): Promise<void> {
	const started = performance.now();
	logger.info('Building search index with Pagefind...');
	try {
		const index = (await updatedIndex(early, site, logger)) ?? (await freshIndex(site, logger));
		checked(await index.writeFiles({ outputPath: join(site, 'pagefind') }), logger);
	} catch (cause) {
		throw new Error('Failed to run Pagefind.', { cause });
	} finally {
		await pagefind.close();
	}
	logger.info(`Finished building search index in ${((performance.now() - started) / 1000).toFixed(2)}s.`);
}

/** The integration. `keptSince`: when a kept build started (`KeptPagesIndex.since`); undefined for any other build. */
export function searchIndex(keptSince?: bigint): AstroIntegration {
	let outDir = '';
	let kept: Promise<KeptPagesIndex | undefined> | undefined;
	return {
		name: 'cjm:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				// A failure here is not the build's: the index is then built after the pages, from scratch.
				if (keptSince !== undefined) kept = indexKeptPages(outDir, keptSince).catch(() => undefined);
			},
			'astro:build:done': async ({ dir, logger }) => {
				await writeSearchIndex(fileURLToPath(dir), await kept, logger.fork('cjm:search-index'));
			},
		},
	};
}

/**
 * Starlight's integration without its search index step, which `searchIndex` takes over.
 * Starlight's `astro:build:done` runs only that step (tests/site/search-index.test.ts checks the
 * installed Starlight); its `pagefind: false` would also drop its ranking settings from the search box.
 */
export function withoutStarlightSearchIndex(integration: AstroIntegration): AstroIntegration {
	const { 'astro:build:done': _searchIndex, ...hooks } = integration.hooks;
	return { ...integration, hooks };
}
