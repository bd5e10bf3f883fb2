/**
 * `cjm build --cache` into the folder its last `--cache` build wrote: the pages Astro keeps stay
 * where they are. Astro's incremental build copies every unchanged page back from its cache when
 * the folder was emptied first; at 1000 journeys that is 6,000 files deleted and copied again, 5
 * to 20 s of a rebuild. Kept, an unchanged page is not touched. The other HTML pages stay too,
 * for the search index to start on while Astro builds (src/site/search-index.ts): Astro writes
 * every page it does not key again. Everything else is deleted before the build and written by
 * it, and once the pages are written, before the search index is finished, the pages of the last
 * build that this one did not write and Astro no longer lists (a removed journey's page and
 * downloads, a page no longer built) are deleted: the site is what a full build writes.
 *
 * The folder is kept only when the last build into it was a successful `--cache` build with this
 * cache: that build records files every build writes again (their inode, time and size), and the
 * next build forgets the record as soon as it starts, so after a build without `--cache` or a
 * failed build, Astro empties the folder as before.
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The record of the folder the last `--cache` build wrote, next to Astro's caches. */
const RECORD = 'cjm-out-dir.json';
/** Astro's list of the pages its incremental build keys (an experimental feature: its format is checked). */
const ASTRO_MANIFEST = 'incremental-build.json';
const ASTRO_MANIFEST_VERSION = 1;
/** Files every build writes again, whatever changed: a build of any kind into the folder changes them. */
const REWRITTEN = ['index.html', '404.html', 'sitemap-index.xml'];
/** Written at the start of a kept build: what is older was not written by it. */
const START_MARK = '.cjm-build-started';

interface OutDirRecord {
	outDir: string;
	files: Array<[path: string, fingerprint: string]>;
}

function fingerprint(path: string): string | undefined {
	const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
	return stat?.isFile() ? `${stat.dev}:${stat.ino}:${stat.mtimeNs}:${stat.size}` : undefined;
}

/** The output files of the pages Astro's incremental build keyed, relative to the site's folder; undefined when its manifest cannot be read. */
function astroKeyedOutputs(cacheDir: string): Set<string> | undefined {
	try {
		const manifest = JSON.parse(readFileSync(join(cacheDir, ASTRO_MANIFEST), 'utf8')) as {
			version?: number;
			routes?: { [component: string]: { paths: { [pathname: string]: { outputFile: string } } } };
		};
		if (manifest.version !== ASTRO_MANIFEST_VERSION || !manifest.routes) return undefined;
		return new Set(Object.values(manifest.routes).flatMap((route) => Object.values(route.paths).map((path) => path.outputFile)));
	} catch {
		return undefined;
	}
}

/**
 * Before a `--cache` build: when `outDir` is as the last `--cache` build left it, empties it but
 * for the pages Astro may keep and the other HTML pages, and returns the build's start on the
 * folder's own clock (`folderNow`); else undefined, and Astro empties the folder. Everything else is written again by the build: some
 * writers skip a file that exists with the same name (Pagefind's fragments are named by their
 * content), so a file left in place would look older than the build and be deleted afterwards.
 * Forgets the record either way: from now on the folder is this build's, and only its success
 * records it again.
 */
export function keepOutDir(cacheDir: string, outDir: string): bigint | undefined {
	const recordFile = join(cacheDir, RECORD);
	let record: OutDirRecord;
	try {
		record = JSON.parse(readFileSync(recordFile, 'utf8')) as OutDirRecord;
	} catch {
		return undefined;
	}
	rmSync(recordFile, { force: true });
	const intact = record.outDir === outDir && record.files.length > 0 && record.files.every(([path, print]) => fingerprint(join(outDir, path)) === print);
	// Astro's list is read only for a folder that can be kept: at 1000 journeys it names 6,000 files.
	const keyed = intact ? astroKeyedOutputs(cacheDir) : undefined;
	if (!keyed) return undefined;
	removeFiles(outDir, (path) => !keyed.has(path) && !path.endsWith('.html'));
	return folderNow(outDir);
}

/** Now, on `dir`'s own clock (a file's time there, in nanoseconds): what that folder's files are compared with. */
export function folderNow(dir: string): bigint {
	const mark = join(dir, START_MARK);
	writeFileSync(mark, '');
	const now = statSync(mark, { bigint: true }).mtimeNs;
	unlinkSync(mark);
	return now;
}

/**
 * The integration of a kept build (`start` from `keepOutDir`): once Astro has written the pages,
 * and before the search index is finished from them (when the build is done), deletes what the
 * build no longer has.
 */
export function prunedOutDir(cacheDir: string, start: bigint): AstroIntegration {
	return {
		name: 'cjm:pruned-out-dir',
		hooks: {
			'astro:build:generated': ({ dir, logger }) => {
				const pruned = pruneOutDir(cacheDir, fileURLToPath(dir), start);
				if (pruned > 0) logger.info(`Deleted ${pruned} file(s) of the last build that this one no longer has.`);
			},
		},
	};
}

/**
 * After the pages of a kept build are written: deletes the pages of the last build that this one
 * neither wrote nor lists (a removed journey's page and downloads), then the folders left empty.
 * Returns how many files went.
 */
export function pruneOutDir(cacheDir: string, outDir: string, start: bigint): number {
	const keyed = astroKeyedOutputs(cacheDir);
	// Astro wrote the manifest in this build: unreadable now means a different Astro, whose list we cannot trust.
	if (!keyed) throw new Error(`Astro's list of the pages it keeps (${join(cacheDir, ASTRO_MANIFEST)}) cannot be read: build again without --cache`);
	return removeFiles(outDir, (path, modified) => !keyed.has(path) && modified() < start);
}

/** Deletes the files in `dir` that `remove` picks (by their path relative to `dir`, with `/`, and their time), then the folders left empty; returns how many files went. */
function removeFiles(dir: string, remove: (path: string, modified: () => bigint) => boolean): number {
	let removed = 0;
	const walk = (folder: string): boolean => {
		let empty = true;
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) {
				if (walk(path)) rmdirSync(path);
				else empty = false;
			} else if (remove(relative(dir, path).split(sep).join('/'), () => statSync(path, { bigint: true }).mtimeNs)) {
				unlinkSync(path);
				removed++;
			} else empty = false;
		}
		return empty;
	};
	walk(dir);
	return removed;
}

/** After a successful `--cache` build: records `outDir` as it is now, for the next build to keep. */
export function recordOutDir(cacheDir: string, outDir: string): void {
	const files = REWRITTEN.flatMap((path): OutDirRecord['files'] => {
		const print = fingerprint(join(outDir, path));
		return print ? [[path, print]] : [];
	});
	if (files.length > 0 && existsSync(cacheDir)) writeFileSync(join(cacheDir, RECORD), JSON.stringify({ outDir, files } satisfies OutDirRecord));
}
