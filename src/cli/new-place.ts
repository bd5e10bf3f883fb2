/**
 * Where `cjm new` writes: the file for a new journey or persona id, written only when nothing is
 * there. The file is opened with `wx`, so an existing one is an error even when it appears
 * between the check and the write.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type JOURNEYS_DIR, nameProblem, type PERSONAS_DIR } from '../core/index.ts';
import { UsageError } from './targets.ts';

/** Something the user asked for that cannot be done with these files (exit 1, like a validation error). */
export class Refusal extends Error {}

export interface Place {
	/** Project root (absolute). */
	root: string;
	/** Id: the path under journeys/ or personas/ without `.md`. */
	id: string;
	/** Absolute path of the file. */
	file: string;
}

/**
 * Where a new journey or persona goes. `given` is a path inside `journeys/` (or `personas/`), with
 * or without `.md`, or an id, which is then taken as relative to that folder in the working directory.
 */
export function placeOf(given: string, dir: typeof JOURNEYS_DIR | typeof PERSONAS_DIR, cwd: string): Place {
	const absolute = resolve(cwd, given.replace(/\.md$/, ''));
	const parts = absolute.split(sep);
	const at = parts.lastIndexOf(dir);
	const inside = at !== -1 && at < parts.length - 1;
	if (!inside && (isAbsolute(given) || given.startsWith('.'))) {
		throw new UsageError(`\`${given}\` is not inside a ${dir}/ folder: give a path such as ${dir}/checkout.md, or an id such as checkout`);
	}
	const root = inside ? parts.slice(0, at).join(sep) || sep : cwd;
	const id = inside ? parts.slice(at + 1).join('/') : given.replace(/\.md$/, '').replace(/^\/+/, '');
	const problem = nameProblem(id);
	if (problem) throw new UsageError(`\`${given}\` cannot be an id: ${problem.character} in \`${problem.segment}\` (letters, digits, \`-\`, \`_\` and \`.\` only)`);
	return { root, id, file: join(root, dir, `${id}.md`) };
}

const exists = (shown: string) => new Refusal(`${shown} already exists; cjm new never overwrites a file: choose another path, or delete it first`);

/** Refuses a file that exists (before any work is done for it); returns how to show its path. */
export function mustBeNew(file: string, cwd: string): string {
	const shown = relative(cwd, file) || file;
	if (existsSync(file)) throw exists(shown);
	return shown;
}

/** Writes `text` to a new file; an existing file is a refusal, never overwritten. */
export function writeNew(file: string, text: string, cwd: string): string {
	const shown = mustBeNew(file, cwd);
	mkdirSync(dirname(file), { recursive: true });
	try {
		writeFileSync(file, text, { flag: 'wx' });
	} catch (error) {
		throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? exists(shown) : error;
	}
	return shown;
}
