/**
 * The project the site is built from: loaded once per build with the core (the same parser and
 * messages as `cjm validate`), plus each file's last git commit date. Under `cjm build` the CLI
 * hands over the project it already validated (src/handoff.ts), so no file is parsed twice.
 */
import { readFileSync, type Stats } from 'node:fs';
import type { VFile } from 'vfile';
import { type Config, DEFAULT_CACHE_LOCATION, DEFAULT_CONFIG, type FileCache, fileCache, JOURNEYS_DIR, type LoadedProject, loadProject, PERSONAS_DIR, type Project } from '../core/index.ts';
import { receivedHandoff } from '../handoff.ts';
import { lastCommitDatesWhenMoved } from '../history.ts';

/** Folder with journeys/ and personas/. */
export const contentRoot = (): string => receivedHandoff().root;

export interface SiteProject {
	project: Project;
	files: VFile[];
	/** The project's settings (`cjm.config.yaml`), or the defaults. */
	config: Config;
	/** Last commit date (YYYY-MM-DD) by project-relative path. */
	updated: Map<string, string>;
}

/**
 * Reads the journey and persona files for `loadProject`, keeping them as last read, by absolute
 * path: a reload (the dev server, after a save) reads a file again only when a save of it was
 * reported since (`saved`) or its size, times or inode moved. Reading every file took 50 to 90 ms
 * of each save at 1000 journeys, and hashing them again as long (the parse cache's key is kept
 * with the bytes).
 */
export function sourceReader() {
	const lastRead = new Map<string, { stamp: string; bytes: Uint8Array }>();
	const reported = new Set<string>();
	return {
		/** The watcher reported a save of `path`: the next load reads it again, whatever `stat` says. */
		saved: (path: string): void => void reported.add(path),
		read: (path: string, info: Stats): Uint8Array => {
			const stamp = `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
			const last = lastRead.get(path);
			if (last?.stamp === stamp && !reported.has(path)) return last.bytes;
			// Before reading: a save reported from here on is read by the next load.
			reported.delete(path);
			const bytes = readFileSync(path);
			lastRead.set(path, { stamp, bytes });
			return bytes;
		},
	};
}

const sources = sourceReader();
/** The watcher reported a save of `path` (absolute). */
export const sourceSaved = sources.saved;

let loading: Promise<SiteProject> | undefined;

/**
 * The files' last commit dates by content folder, each read again from git only once its
 * repository moved. One global slot, as the hand-over has (src/handoff.ts): a build runs this
 * module twice, the loaders' copy that Node loads with astro.config.mjs and the pages' copy in
 * Vite's bundle, and each copy asked git on its own (three git processes each, started from a
 * process of over a gigabyte at 1000 journeys, and a `git log` as long as the project's history).
 */
const COMMIT_DATES: unique symbol = Symbol.for('cjm.commitDates');
const shared = globalThis as { [COMMIT_DATES]?: Map<string, () => Map<string, string>> };

function commitDatesOf(root: string): () => Map<string, string> {
	const byRoot = (shared[COMMIT_DATES] ??= new Map());
	let dates = byRoot.get(root);
	if (!dates) byRoot.set(root, (dates = lastCommitDatesWhenMoved(root, [JOURNEYS_DIR, PERSONAS_DIR])));
	return dates;
}
/** Parse results by file content, kept on disk between builds and in memory between dev-server reloads. */
let cache: FileCache | undefined;

/** Loads the project, parsing only files whose results are not in the cache. */
async function load(root: string, displayRoot: string): Promise<LoadedProject> {
	cache ??= fileCache(DEFAULT_CACHE_LOCATION);
	const loaded = await loadProject(root, { displayRoot, cache, readFile: sources.read });
	cache.save();
	return loaded;
}

/** Loads the project once and shares it between the collections; `fresh` reloads it (dev server edits). */
export function siteProject(fresh = false): Promise<SiteProject> {
	if (fresh || !loading) {
		const { root, displayRoot, validated } = receivedHandoff();
		const updated = commitDatesOf(root);
		loading =
			!fresh && validated
				? Promise.resolve({ project: validated.project, files: validated.files, config: validated.config ?? DEFAULT_CONFIG, updated: updated() })
				: load(root, displayRoot).then(({ project, files, config }) => ({ project, files, config: config ?? DEFAULT_CONFIG, updated: updated() }));
	}
	return loading;
}
