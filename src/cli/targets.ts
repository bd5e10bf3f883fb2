/**
 * Which project roots a list of paths belongs to. Cross-file rules need the whole project, so
 * `cjm validate journeys/a.md` loads the project around it and reports only on that file.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { JOURNEYS_DIR, PERSONAS_DIR } from '../core/index.ts';

export interface Target {
	/** Project root as a path relative to the working directory (`.` for the working directory itself). */
	root: string;
	/** Absolute paths (files or folders) whose files should be reported. */
	include: string[];
}

export class UsageError extends Error {}

const isProjectDir = (dir: string) => existsSync(join(dir, JOURNEYS_DIR)) || existsSync(join(dir, PERSONAS_DIR));

export function resolveTargets(paths: string[], cwd = process.cwd()): Target[] {
	const targets = new Map<string, Target>();
	for (const given of paths) {
		const absolute = resolve(cwd, given);
		if (!existsSync(absolute)) throw new UsageError(`No such file or folder \`${given}\``);
		const root = findRoot(absolute);
		if (root === undefined) {
			throw new UsageError(`\`${given}\` is not a project folder (one with ${JOURNEYS_DIR}/ or ${PERSONAS_DIR}/) nor inside one`);
		}
		const key = relative(cwd, root) || '.';
		const target = targets.get(key) ?? { root: key, include: [] };
		target.include.push(absolute);
		targets.set(key, target);
	}
	return [...targets.values()];
}

function findRoot(absolute: string): string | undefined {
	if (statSync(absolute).isDirectory() && isProjectDir(absolute)) return absolute;
	// The nearest ancestor named journeys/ or personas/ sits in the project root.
	for (let dir = absolute; dirname(dir) !== dir; dir = dirname(dir)) {
		const name = dir.split(sep).at(-1);
		if (name === JOURNEYS_DIR || name === PERSONAS_DIR) return dirname(dir);
	}
	return undefined;
}

/** Whether `file` (absolute) is one of `include` or inside one of them. */
export function isIncluded(file: string, include: string[]): boolean {
	return include.some((path) => file === path || file.startsWith(path.endsWith(sep) ? path : path + sep));
}
