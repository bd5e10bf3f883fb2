/**
 * Per-file parse results kept between runs. A file's parse depends only on its bytes, its kind,
 * id and project-relative path, and the parser's code, so a result is found by a hash of those;
 * what is kept is the plain-data form results already take between threads (`WireResult`).
 * Checks that look beyond one file (references, avatars, file names, git dates) always rerun.
 * A cache may only ever save time: an unreadable or foreign cache file is ignored and rewritten.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStart } from './content-path.ts';
import type { ParseTask, WireResult } from './parallel.ts';

/** Where parse results are kept; `get` returns a result the caller may change, but never its model (see `withTouchpoints`). */
export interface ParseCache {
	/**
	 * The result kept for `key`, if any. `reparse` parses the file again: a cache that reads a
	 * result's model only when it is used calls it if the model can no longer be read by then.
	 */
	get(key: string, reparse?: () => WireResult): WireResult | undefined;
	/** `encoded`: the result as `encodeResult` wrote it, when the caller has it already. */
	set(key: string, result: WireResult, encoded?: string): void;
}

/** Default folder of the cache file, under the working directory (like ESLint's and Babel's caches). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/cjm';
/** Where earlier releases kept every result in one file. */
const LEGACY_FILE = 'parse-cache.json';

let version: string | undefined;

/** This package's name, which its `package.json` says: how the core finds its own package from wherever it runs. */
const PACKAGE_NAME = 'journey-maps-as-code';

/**
 * The folder of this package, from `dir` up, with its `package.json`. The core runs from
 * `src/core`, or, in a page that `astro build` bundled, from a chunk Vite wrote under the site's
 * folder: either way the package is above it (undefined when it is not, as for a chunk written
 * outside the project).
 */
function findPackage(dir: string): { root: string; version: string } | undefined {
	for (let at = dir; ; at = dirname(at)) {
		try {
			const manifest = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as { name?: string; version: string };
			if (manifest.name === PACKAGE_NAME) return { root: at, version: manifest.version };
		} catch {
			// No package.json here, or not one that can be read: look further up.
		}
		if (dirname(at) === at) return undefined;
	}
}

/** The folder of this package, from `dir` up (see `findPackage`). */
export const packageRoot = (dir: string): string | undefined => findPackage(dir)?.root;

/**
 * The parser's version: the package version and every source file of the core, so any change to
 * the code invalidates results. Where the package cannot be found, a version of this process
 * alone: its results are never taken for another's.
 */
export function parserVersion(): string {
	if (version) return version;
	const found = findPackage(dirname(fileURLToPath(import.meta.url)));
	const hash = createHash('sha256');
	// Hex like every version, so the next run removes its folder as it removes other versions'.
	if (!found) return (version = hash.update(`unknown ${process.pid} ${Date.now()}`).digest('hex'));
	const core = join(found.root, 'src/core');
	hash.update(found.version);
	for (const name of readdirSync(core).sort()) {
		if (name.endsWith('.ts')) hash.update(`\0${name}\0`).update(readFileSync(join(core, name)));
	}
	return (version = hash.digest('hex'));
}

/** Keys already computed, by the bytes they were computed from: a reload that reads an unchanged file gets the same bytes (src/site/project.ts). */
const keys = new WeakMap<object, { task: string; key: string }>();

/** The key of a task's result: everything its parse depends on. */
export function cacheKey(task: ParseTask): string {
	const value = task.file.value;
	const head = `${task.kind}\0${task.id}\0${task.path}\0${typeof value === 'string' ? 's' : 'b'}\0`;
	const known = typeof value === 'string' ? undefined : keys.get(value);
	if (known?.task === head) return known.key;
	const key = createHash('sha256').update(head).update(value).digest('hex');
	if (typeof value !== 'string') keys.set(value, { task: head, key });
	return key;
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
			return text === undefined ? undefined : decodeResult(text);
		},
		set: (key, result, encoded) => void entries.set(key, encoded ?? encodeResult(result)),
		size: () => entries.size,
	};
}

export interface FileCache extends ParseCache {
	/** Writes the results made since it was opened and drops those this run did not use; never throws. */
	save(): void;
	/** The folder of this parser version's results. */
	readonly path: string;
}

/** A result's file name: its key (hex), so nothing else in the folder is ever taken for one. */
const ENTRY = /^[0-9a-f]{64}\.json$/;

/** The keys of the models in a result: a journey's or a persona's. */
const MODEL_KEYS = ['journey', 'persona'] as const;
type ModelKey = (typeof MODEL_KEYS)[number];
const digestOf = (text: string | Uint8Array) => createHash('sha1').update(text).digest('hex');

/**
 * A result as stored, and as a parsing thread sends it. The model, most of its bytes, goes on a
 * line of its own after the rest, so a run that needs only messages and references (`cjm
 * validate` over files that did not change, or parsed on another thread) never parses it: the
 * result's `journey` (or `persona`) reads it on first use. The first line holds the model's
 * digest, so a model that was changed or cut is never used.
 */
export function encodeResult(result: WireResult): string {
	const parsed = result.parsed as Record<string, unknown> | undefined;
	const key = MODEL_KEYS.find((name) => parsed?.[name] !== undefined);
	if (!parsed || !key) return JSON.stringify(result);
	const { [key]: model, ...rest } = parsed;
	const text = JSON.stringify(model);
	return `${JSON.stringify({ parsed: rest, messages: result.messages, model: { key, digest: digestOf(text) } })}\n${text}`;
}

/** Models already parsed, by the digest of their text (see `modelMemo`). */
interface ModelMemo {
	get(digest: string): unknown;
	set(digest: string, model: unknown): void;
}

/**
 * The models a cache parsed, by the digest of their text, so a process that loads the project
 * again and again (the dev server) parses only the models that changed: at 1000 journeys,
 * parsing all of them again took 0.2 s of each reload, and the garbage collector as long again to
 * let the old ones go. One model can serve every load because a parsed model is never changed
 * (`withTouchpoints`). `age` starts a new generation: a model not asked for in this one or the
 * one before is let go.
 */
function modelMemo(): ModelMemo & { age(): void } {
	let current = new Map<string, unknown>();
	let previous = new Map<string, unknown>();
	return {
		get: (digest) => {
			if (current.has(digest)) return current.get(digest);
			if (!previous.has(digest)) return undefined;
			const model = previous.get(digest);
			current.set(digest, model);
			return model;
		},
		set: (digest, model) => void current.set(digest, model),
		age: () => {
			previous = current;
			current = new Map();
		},
	};
}

/**
 * The result in `bytes`, or undefined when they are not one `encodeResult` wrote; the digest is
 * checked for bytes read from storage (not `checked` yet), not for text this process encoded.
 * With `memo`, a model parsed before is not parsed again. With `later`, `bytes` need only hold the
 * first line: the model is read from `later` when first used, and its digest checked then.
 */
export function decodeResult(bytes: Buffer | string, checked = typeof bytes === 'string', memo?: ModelMemo, later?: LaterModel): WireResult | undefined {
	const text = typeof bytes === 'string';
	const end = text ? bytes.indexOf('\n') : bytes.indexOf(0x0a);
	let head: unknown;
	try {
		head = JSON.parse(text ? bytes.slice(0, end === -1 ? undefined : end) : bytes.toString('utf8', 0, end === -1 ? bytes.length : end));
	} catch {
		return undefined;
	}
	if (!isWireResult(head)) return undefined;
	const { model, ...result } = head as WireResult & { model?: { key: ModelKey; digest: string } };
	if (end === -1) return model === undefined ? result : undefined;
	const body = later ? undefined : text ? bytes.slice(end + 1) : bytes.subarray(end + 1);
	if (!model || !MODEL_KEYS.includes(model.key) || typeof result.parsed !== 'object' || (body !== undefined && !checked && model.digest !== digestOf(body))) return undefined;
	const { key, digest } = model;
	const parsed = result.parsed as Record<string, unknown>;
	const settle = (value: unknown) => Object.defineProperty(parsed, key, { value, enumerable: true, configurable: true, writable: true });
	Object.defineProperty(parsed, key, {
		enumerable: true,
		configurable: true,
		get() {
			let value = memo?.get(digest);
			if (value === undefined) {
				value = body === undefined ? laterModel(later!, key, digest) : JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
				memo?.set(digest, value);
			}
			settle(value);
			return value;
		},
		// The project's checks give a result a new model (checkImages): it replaces the unread one.
		set: settle,
	});
	return result;
}

/** Where a result's model is read from when it is first used, and how it is made again if it cannot be. */
interface LaterModel {
	/** The whole stored result, or undefined when it can no longer be read. */
	read(): Buffer | undefined;
	/** Receives the stored result once its model's digest matched. */
	keep(bytes: Buffer): void;
	reparse?: () => WireResult;
}

/** The model of a result whose first line alone was read: its stored text if its digest still matches, else parsed again. */
function laterModel(later: LaterModel, key: ModelKey, digest: string): unknown {
	const bytes = later.read();
	const end = bytes?.indexOf(0x0a) ?? -1;
	const body = end === -1 ? undefined : bytes!.subarray(end + 1);
	if (body && digestOf(body) === digest) {
		later.keep(bytes!);
		return JSON.parse(body.toString('utf8'));
	}
	// Another run removed or rewrote the result since (a cache may only ever save time).
	const again = later.reparse?.().parsed as Record<string, unknown> | undefined;
	if (again?.[key] === undefined) throw new Error(`The parse cache's result for a ${key} changed while it was read; run again.`);
	return again[key];
}

/**
 * How much of a stored result is read at first. Its first line (messages, references, the model's
 * digest) is a few hundred bytes; the model after it, most of the 20 KB of a synthetic journey, is
 * read when something uses it. `cjm validate --cache` of 1000 journeys with one changed: 0.50
 * against 0.62 s and 0.54 against 0.65 s (medians of nine taking turns): it reads the models of
 * personas only. A build, which reads every model, opens each result twice (about 30 µs more each).
 */
const HEAD_BYTES = 4096;

/** The first `HEAD_BYTES` of the file at `path` (all of it when it is shorter), or undefined when it cannot be read. */
function readHead(path: string): Buffer | undefined {
	try {
		const start = readStart(path, HEAD_BYTES);
		return Buffer.from(start.buffer, start.byteOffset, start.byteLength);
	} catch {
		return undefined;
	}
}

const readWhole = (path: string): Buffer | undefined => {
	try {
		return readFileSync(path);
	} catch {
		return undefined;
	}
};

/**
 * A cache in `location`: a folder per parser version, a file per result. A run reads only the
 * results it needs and writes only the ones it made, so a warm run after one change rewrites one
 * file, not all of them; a result read back is decoded anew, so callers may change it, and its
 * model is read when first used (`HEAD_BYTES`) and parsed once per process.
 */
export function fileCache(location: string): FileCache {
	const current = parserVersion();
	const folder = join(location, current.slice(0, 16));
	/**
	 * Results used or made this run: as stored when read whole or made here (the dev server's next
	 * reload reads none of them again), or undefined when only their first line was read.
	 */
	const used = new Map<string, Buffer | undefined>();
	const made = new Set<string>();
	const models = modelMemo();
	return {
		path: folder,
		get: (key, reparse) => {
			const known = used.get(key);
			if (known) return decodeResult(known, true, models);
			const path = join(folder, `${key}.json`);
			const start = readHead(path);
			if (!start) return undefined;
			// Read whole when it is short, or when its first line is longer than what was read.
			const whole = start.length < HEAD_BYTES ? start : start.indexOf(0x0a) === -1 ? readWhole(path) : undefined;
			// A model read later is kept as stored, like a result read whole: the dev server's next reload reads neither again.
			const later: LaterModel | undefined = whole ? undefined : { read: () => readWhole(path), keep: (bytes) => used.set(key, bytes), reparse };
			const result = decodeResult(whole ?? start, false, models, later);
			if (result) used.set(key, whole);
			return result;
		},
		set: (key, result, encoded) => {
			const text = encoded ?? encodeResult(result);
			used.set(key, Buffer.from(text));
			made.add(key);
			// A model parsed in this thread is the one this load uses: the next load takes it as it is,
			// rather than parsing its text (the first save in the dev server after a cold start).
			const parsed = result.parsed as Record<string, unknown> | undefined;
			const name = MODEL_KEYS.find((candidate) => parsed && Object.hasOwn(parsed, candidate));
			const model = name && Object.getOwnPropertyDescriptor(parsed, name)?.value;
			if (model !== undefined) {
				const head = JSON.parse(text.slice(0, text.indexOf('\n'))) as { model?: { digest: string } };
				if (head.model) models.set(head.model.digest, model);
			}
		},
		save: () => {
			models.age();
			try {
				mkdirSync(folder, { recursive: true });
				for (const key of made) {
					const path = join(folder, `${key}.json`);
					const temporary = `${path}.${process.pid}.tmp`;
					writeFileSync(temporary, used.get(key)!);
					// Renaming is atomic: a run that stops half-way never leaves half a file.
					renameSync(temporary, path);
				}
				made.clear();
				for (const name of readdirSync(folder)) if (!(ENTRY.test(name) && used.has(name.slice(0, -5)))) rmSync(join(folder, name), { force: true });
				// Other parser versions' folders, and the single file of earlier releases, are of no more use.
				for (const name of readdirSync(location)) if (join(location, name) !== folder && (/^[0-9a-f]{16}$/.test(name) || name === LEGACY_FILE)) rmSync(join(location, name), { recursive: true, force: true });
			} catch {
				// A cache that cannot be written only costs time next run.
			}
		},
	};
}
