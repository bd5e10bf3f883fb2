/**
 * The site's folder across `cjm build --cache` builds: kept only as the last one left it, emptied
 * but for the pages Astro may keep, and pruned of what the build no longer has. (The whole path,
 * with Astro, is in tests/site/incremental.test.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keepOutDir, pruneOutDir, recordOutDir } from '../src/kept-out-dir.ts';

let work: string;
let cache: string;
let site: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'cjm-kept-'));
	cache = join(work, 'cache');
	site = join(work, 'site');
	mkdirSync(cache);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** An hour ago: what the last build wrote. */
const EARLIER = new Date(Date.now() - 3_600_000);

/**
 * Now, as the file system stamps a file it writes: the clock the build's start is read from. (A
 * `new Date()` set on the file has only milliseconds, so it could fall before the start.)
 */
const NOW = null;

function write(path: string, text = path, time: Date | null = EARLIER): void {
	const file = join(site, path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, text);
	if (time) utimesSync(file, time, time);
}

/** Astro's incremental-build manifest, listing `outputs` as the pages it keys. */
function astroManifest(outputs: string[], version = 1): void {
	const paths = Object.fromEntries(outputs.map((outputFile) => [`/${outputFile}`, { cacheKey: 'k', outputFile }]));
	writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify({ version, configHash: 'c', lockfileHash: 'l', keyDigest: 'd', routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths } } }));
}

const files = () =>
	readdirSync(site, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(site, join(entry.parentPath, entry.name)))
		.sort();

/** What the last --cache build left: two journey pages Astro keys, and what every build writes again. */
function lastBuild(): void {
	for (const path of ['index.html', '404.html', 'sitemap-index.xml', '_astro/page.abc.js', 'pagefind/fragment/en_1.pf_fragment', 'journeys/a/index.html', 'journeys/b/index.html']) write(path);
	astroManifest(['journeys/a/index.html', 'journeys/b/index.html']);
	recordOutDir(cache, site);
}

describe('keepOutDir', () => {
	test('keeps the folder the last --cache build left, with only the pages Astro may keep and the other HTML pages', () => {
		lastBuild();
		const start = keepOutDir(cache, site);
		expect(typeof start).toBe('bigint');
		// The HTML pages Astro writes again stay for the search index to start on (src/site/search-index.ts).
		expect(files()).toEqual(['404.html', 'index.html', 'journeys/a/index.html', 'journeys/b/index.html']);
		// The record is this build's now: a second look finds none.
		expect(keepOutDir(cache, site)).toBeUndefined();
	});

	test('leaves the folder to Astro when another build wrote it since, or it is another folder', () => {
		lastBuild();
		write('index.html', 'a build without --cache', NOW);
		expect(keepOutDir(cache, site)).toBeUndefined();
		expect(files()).toHaveLength(7);

		lastBuild();
		expect(keepOutDir(cache, join(work, 'elsewhere'))).toBeUndefined();
		expect(files()).toHaveLength(7);
	});

	test('leaves the folder to Astro without a record, or with an Astro list it does not know', () => {
		for (const path of ['index.html', 'journeys/a/index.html']) write(path);
		astroManifest(['journeys/a/index.html']);
		expect(keepOutDir(cache, site)).toBeUndefined();

		lastBuild();
		astroManifest(['journeys/a/index.html'], 2);
		expect(keepOutDir(cache, site)).toBeUndefined();
		expect(files()).toHaveLength(7);
	});
});

describe('pruneOutDir', () => {
	test('deletes the last build’s pages this one neither wrote nor lists, and the folders left empty', () => {
		lastBuild();
		const start = keepOutDir(cache, site)!;
		// This build: journey b is gone, journey c is new, a is unchanged, the 404 page no longer built, and the rest written again.
		for (const path of ['index.html', '_astro/page.def.js', 'journeys/c/index.html']) write(path, path, NOW);
		astroManifest(['journeys/a/index.html', 'journeys/c/index.html']);

		expect(pruneOutDir(cache, site, start)).toBe(2);
		expect(files()).toEqual(['_astro/page.def.js', 'index.html', 'journeys/a/index.html', 'journeys/c/index.html']);
		expect(existsSync(join(site, 'journeys/b'))).toBe(false);
	});

	test('refuses, rather than guess, when Astro’s list cannot be read', () => {
		lastBuild();
		const start = keepOutDir(cache, site)!;
		rmSync(join(cache, 'incremental-build.json'));
		expect(() => pruneOutDir(cache, site, start)).toThrow(/cannot be read: build again without --cache/);
		expect(files()).toEqual(['404.html', 'index.html', 'journeys/a/index.html', 'journeys/b/index.html']);
	});
});
