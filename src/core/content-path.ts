/**
 * Paths written in content (a persona's `avatar`; any file a journey or persona points at) are
 * resolved here, and only here. A path may lead only to a regular file inside the content
 * folders, where a symbolic link counts where it points; and it must be an image whose
 * extension and first bytes agree, and an SVG must be inert (see svg-safety.ts). Whatever passes
 * is what the site may publish; anything else is a message for the place the path is written.
 *
 * The files are reached through `ContentFiles`, so the same rules apply to the working tree
 * (`diskFiles`) and to a git revision (`treeFiles`, for `cjm diff`).
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { ALLOWED_NAME_CHARACTERS, nameProblem, visible } from './names.ts';
import type { RuleId } from './rules.ts';
import { svgProblem } from './svg-safety.ts';

export const JOURNEYS_DIR = 'journeys';
export const PERSONAS_DIR = 'personas';
/** Images and other files that journeys and personas share. */
export const ASSETS_DIR = 'assets';
/** The only folders a path in content may lead into. */
export const CONTENT_DIRS = [JOURNEYS_DIR, PERSONAS_DIR, ASSETS_DIR] as const;
const CONTENT_DIRS_TEXT = `${JOURNEYS_DIR}/, ${PERSONAS_DIR}/ or ${ASSETS_DIR}/`;
/** The content folders in a sentence: `journeys/, personas/ and assets/`. */
export const CONTENT_DIRS_AND = `${JOURNEYS_DIR}/, ${PERSONAS_DIR}/ and ${ASSETS_DIR}/`;

/** Image types a path may name, by extension, with the type the site serves them as. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	svg: 'image/svg+xml',
};
const IMAGE_EXTENSIONS_TEXT = '.png, .jpg, .jpeg, .gif, .webp or .svg';
const TYPE_NAMES: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'image/svg+xml': 'SVG' };

/** SVGs are read whole to be checked; no avatar or illustration needs more. */
export const MAX_SVG_BYTES = 2 * 1024 * 1024;

/** What is at a project-relative path, after following symbolic links. */
export type FoundFile =
	| { kind: 'missing' | 'folder' | 'other' }
	/** A link (or a chain of links) that ends outside the content folders, or goes round in a loop. */
	| { kind: 'outside' }
	| { kind: 'file'; size: number; read: (limit: number) => Uint8Array };

/** The files of a project, wherever they are stored. `path` is project-relative, with `/`. */
export interface ContentFiles {
	find(path: string): FoundFile;
}

/** The project's files on disk under `root`. */
export function diskFiles(root: string): ContentFiles {
	const real = (path: string) => {
		try {
			return realpathSync(path);
		} catch {
			return undefined;
		}
	};
	const folders = CONTENT_DIRS.flatMap((dir) => real(join(root, dir)) ?? []);
	return {
		find(path) {
			let target: string;
			try {
				target = realpathSync(join(root, path));
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				return { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'ELOOP' ? 'outside' : 'other' };
			}
			if (!folders.some((folder) => target.startsWith(folder + sep))) return { kind: 'outside' };
			const info = statSync(target);
			if (info.isDirectory()) return { kind: 'folder' };
			if (!info.isFile()) return { kind: 'other' };
			return { kind: 'file', size: info.size, read: (limit) => readStart(target, Math.min(limit, info.size)) };
		},
	};
}

/** The first `length` bytes of the file at `path`, fewer when it is shorter. */
export function readStart(path: string, length: number): Uint8Array {
	const buffer = new Uint8Array(length);
	return buffer.subarray(0, readInto(path, buffer));
}

/** Reads the start of the file at `path` into `target`, until it is full or the file ends; returns how many bytes were read. */
export function readInto(path: string, target: Uint8Array): number {
	const fd = openSync(path, 'r');
	try {
		let read = 0;
		while (read < target.length) {
			const count = readSync(fd, target, read, target.length - read, read);
			if (count === 0) break;
			read += count;
		}
		return read;
	} finally {
		closeSync(fd);
	}
}

/** A file of a stored tree (such as a git revision): a symbolic link's content is its target. */
export interface TreeEntry {
	link?: boolean;
	read(): Uint8Array;
}

/** The files of a stored tree, by project-relative path (folders are implied by the paths). */
export function treeFiles(tree: ReadonlyMap<string, TreeEntry>): ContentFiles {
	const folders = new Set([...tree.keys()].flatMap((path) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
	return {
		find(path) {
			const real = followLinks(tree, path);
			if (real === undefined || !CONTENT_DIRS.some((dir) => real.startsWith(`${dir}/`))) return { kind: 'outside' };
			const entry = tree.get(real);
			if (entry) {
				const bytes = () => entry.read();
				return { kind: 'file', size: bytes().length, read: (limit) => bytes().subarray(0, limit) };
			}
			return { kind: folders.has(real) ? 'folder' : 'missing' };
		},
	};
}

/** `path` with every link along it replaced by its target; undefined when a link leaves the tree or links loop. */
function followLinks(tree: ReadonlyMap<string, TreeEntry>, path: string): string | undefined {
	let parts = path.split('/');
	for (let i = 0, hops = 0; i < parts.length; i++) {
		const prefix = parts.slice(0, i + 1).join('/');
		const entry = tree.get(prefix);
		if (!entry?.link) continue;
		const target = new TextDecoder().decode(entry.read());
		const joined = posix.normalize(posix.join(posix.dirname(prefix), target, ...parts.slice(i + 1)));
		if (++hops > 40 || target.startsWith('/') || joined === '..' || joined.startsWith('../')) return undefined;
		parts = joined.split('/');
		i = -1;
	}
	return parts.join('/');
}

/** What a path in content is, for the message: `avatar`, a touchpoint's `image`… */
export interface PathRequest {
	/** Project-relative path of the file the path is written in. */
	from: string;
	/** The path as written, relative to `from`. */
	written: string;
	/** The key it is written under, for messages. */
	key: string;
	/** The rule for a file that does not exist (each kind of path has its own). */
	missing: RuleId;
}

export type Resolved = { ok: true; path: string; type: string } | { ok: false; rule: RuleId; reason: string };

/** Resolves a path written in content to a project-relative image file the site may publish. */
export function resolveContentPath(files: ContentFiles, request: PathRequest): Resolved {
	const { written, key } = request;
	const quoted = `\`${key}\` \`${visible(written)}\``;
	const fail = (rule: RuleId, reason: string): Resolved => ({ ok: false, rule, reason });
	const path = posix.normalize(posix.join(posix.dirname(request.from), written));
	if (written.trim() === '') return fail('invalid-path', `Unexpected empty \`${key}\`, expected the path of an image relative to this file`);
	if (/^[a-z][a-z0-9+.-]*:/i.test(written)) return fail('invalid-path', `Unexpected URL as ${quoted}, expected the path of an image in this project: the site loads nothing from elsewhere`);
	if (written.includes('\\')) return fail('invalid-path', `Unexpected \`\\\` in ${quoted}, expected \`/\` between folders`);
	if (written.startsWith('/')) return fail('invalid-path', `Unexpected absolute path as ${quoted}, expected a path relative to this file`);
	if (path === '..' || path.startsWith('../')) return fail('invalid-path', `Unexpected ${quoted} outside the project, expected a file under ${CONTENT_DIRS_TEXT}`);
	if (!CONTENT_DIRS.some((dir) => path.startsWith(`${dir}/`))) return fail('invalid-path', `Unexpected ${quoted} outside the content folders, expected a file under ${CONTENT_DIRS_TEXT}`);
	const problem = nameProblem(path);
	if (problem) return fail('invalid-path', `Unexpected ${problem.character} in ${quoted}, expected file and folder names of ${ALLOWED_NAME_CHARACTERS}`);
	const type = IMAGE_TYPES[posix.extname(path).slice(1).toLowerCase()];
	if (!type) return fail('invalid-image', `Unexpected ${quoted}, expected an image: ${IMAGE_EXTENSIONS_TEXT}`);
	const found = files.find(path);
	switch (found.kind) {
		case 'missing':
			return fail(request.missing, `Missing ${key} file \`${visible(written)}\`, expected an image path relative to this file`);
		case 'outside':
			return fail('invalid-path', `Unexpected ${quoted} that links outside the content folders (or in a loop), expected a file under ${CONTENT_DIRS_TEXT}`);
		case 'folder':
			return fail('invalid-path', `Unexpected ${quoted} that is a folder, expected an image file`);
		case 'other':
			return fail('invalid-path', `Unexpected ${quoted} that is not a regular file, expected an image file`);
	}
	const wanted = TYPE_NAMES[type];
	if (type !== 'image/svg+xml') {
		const actual = sniff(found.read(16));
		if (actual === type) return { ok: true, path, type };
		return fail('invalid-image', `Unexpected ${quoted} that is not a ${wanted} image${actual ? ` but ${TYPE_NAMES[actual] === 'SVG' ? 'text' : `a ${TYPE_NAMES[actual]} image`}` : ''}, save it as ${wanted} or give it the extension of its type`);
	}
	if (found.size > MAX_SVG_BYTES) return fail('invalid-image', `Unexpected SVG ${quoted} larger than ${MAX_SVG_BYTES / 1024 / 1024} MB, expected a smaller image`);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(found.read(MAX_SVG_BYTES));
	} catch {
		return fail('invalid-image', `Unexpected SVG ${quoted} that is not UTF-8 text, save it as UTF-8`);
	}
	const svg = svgProblem(text);
	if (!svg) return { ok: true, path, type };
	if (svg.kind === 'malformed') return fail('invalid-image', `Unexpected ${quoted} that is not an SVG image: ${svg.what} at line ${svg.line}`);
	return fail('unsafe-svg', `Unexpected ${svg.what} in SVG ${quoted} (line ${svg.line}), remove it: the site publishes no SVG with scripts, event handlers or references to other files`);
}

/** The image type the first bytes of a file show; SVG for anything that starts like XML text. */
function sniff(head: Uint8Array): string | undefined {
	const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
	if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
	if (starts(0x47, 0x49, 0x46, 0x38) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) return 'image/gif';
	if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'image/webp';
	if (/^(\ufeff)?\s*</.test(new TextDecoder().decode(head))) return 'image/svg+xml';
	return undefined;
}
