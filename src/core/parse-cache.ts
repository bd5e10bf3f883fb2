/**
 * Per-file parse results kept between runs. A file's parse depends only on its bytes, its kind,
 * id and project-relative path, and the parser's code, so a result is found by a hash of those;
 * what is kept is the plain-data form results already take between threads (`WireResult`).
 * Checks that look beyond one file (references, avatars, file names, git dates) always rerun.
 * A cache may only ever save time: an unreadable or foreign cache file is ignored and rewritten.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParseTask, WireResult } from './parallel.ts';

/** Where parse results are kept; `get` returns an object the caller may change. */
export interface ParseCache {
	get(key: string): WireResult | undefined;
	set(key: string, result: WireResult): void;
}

/** Default folder of the cache file, under the working directory (like ESLint's and Babel's caches). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/cjm';
const CACHE_FILE = 'parse-cache.json';

let version: string | undefined;

/** The parser's version: the package version and every source file of the core, so any change to the code invalidates results. */
export function parserVersion(): string {
	if (version) return version;
	const hash = createHash('sha256');
	const here = dirname(new URL(import.meta.url).pathname);
	const pkg = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string };
	hash.update(pkg.version);
	for (const name of readdirSync(here).sort()) {
		if (name.endsWith('.ts')) hash.update(`\0${name}\0`).update(readFileSync(join(here, name)));
	}
	return (version = hash.digest('hex'));
}

/** The key of a task's result: everything its parse depends on. */
export function cacheKey(task: ParseTask): string {
	const value = task.file.value;
	return createHash('sha256')
		.update(`${task.kind}\0${task.id}\0${task.path}\0${typeof value === 'string' ? 's' : 'b'}\0`)
		.update(value)
		.digest('hex');
}

/** A result read back from storage is only used when it has the shape of one. */
function isWireResult(value: unknown): value is WireResult {
	if (typeof value !== 'object' || value === null) return false;
	const { parsed, messages } = value as Partial<WireResult>;
	return (
		(parsed === undefined || (typeof parsed === 'object' && parsed !== null)) &&
		Array.isArray(messages) &&
		messages.every((m) => typeof m === 'object' && m !== null && typeof m.reason === 'string')
	);
}

/** A cache in memory, for a process that loads a project again and again (the dev server). */
export function memoryCache(): ParseCache & { size: () => number } {
	const entries = new Map<string, string>();
	return {
		get: (key) => {
			const text = entries.get(key);
			return text === undefined ? undefined : (JSON.parse(text) as WireResult);
		},
		set: (key, result) => void entries.set(key, JSON.stringify(result)),
		size: () => entries.size,
	};
}

export interface FileCache extends ParseCache {
	/** Writes the results used or made since it was opened (older ones are dropped); never throws. */
	save(): void;
	/** The path of the cache file. */
	readonly path: string;
}

/** A cache kept in one JSON file in `location`, for one parser version. */
export function fileCache(location: string): FileCache {
	const path = join(location, CACHE_FILE);
	const current = parserVersion();
	const stored = readStored(path, current);
	const used = new Map<string, WireResult>();
	return {
		path,
		get: (key) => {
			const result = used.get(key) ?? stored[key];
			if (!isWireResult(result)) return undefined;
			used.set(key, result);
			// Hand out a copy: the checks after parsing change the model (a persona's avatar).
			return structuredClone(result);
		},
		// Keep a copy: the checks after parsing change the model they share with `result`.
		set: (key, result) => void used.set(key, structuredClone(result)),
		save: () => {
			try {
				mkdirSync(location, { recursive: true });
				const temporary = `${path}.${process.pid}.tmp`;
				writeFileSync(temporary, JSON.stringify({ version: current, entries: Object.fromEntries(used) }));
				// Renaming is atomic: a run that stops half-way never leaves half a file.
				renameSync(temporary, path);
			} catch {
				// A cache that cannot be written only costs time next run.
			}
		},
	};
}

function readStored(path: string, current: string): Record<string, unknown> {
	try {
		const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; entries?: unknown };
		const fits = data?.version === current && typeof data.entries === 'object' && data.entries !== null && !Array.isArray(data.entries);
		return fits ? Object.assign(Object.create(null), data.entries) : {};
	} catch {
		return {};
	}
}
