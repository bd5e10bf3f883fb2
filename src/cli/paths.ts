/**
 * What commands that write files must never write over: what people write in a project. `cjm
 * export -o` refuses to write there, and `cjm build` refuses an output folder there (Astro empties
 * it first). Paths are compared with their symbolic links resolved, so a link cannot lead around
 * the check.
 */
import { basename, dirname, join, relative, sep } from 'node:path';
import { existsSync, realpathSync } from 'node:fs';
import { CONFIG_FILE, CONTENT_DIRS, SOURCE_PATHS } from '../core/index.ts';

/** Project-relative: the content folders (journeys, personas, their assets), the measurements and the settings file. */
const AUTHORED: readonly string[] = [...new Set<string>([...CONTENT_DIRS, ...SOURCE_PATHS])];

/** `path` with its symbolic links resolved, as far as it exists (the rest may be made by the command). */
export function realPath(path: string): string {
	if (existsSync(path)) return realpathSync(path);
	const parent = dirname(path);
	return parent === path ? path : join(realPath(parent), basename(path));
}

/** Whether `inner` is `outer` or inside it (both real, absolute). */
export function isWithin(inner: string, outer: string): boolean {
	const path = relative(outer, inner);
	return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !path.startsWith(sep) && !/^[A-Za-z]:/.test(path));
}

/** What people write in the project at `root` that `path` is or lies in, as a message names it (`journeys/`, `cjm.config.yaml`); undefined: none. */
export function authoredPlace(path: string, root: string): string | undefined {
	const target = realPath(path);
	const found = AUTHORED.find((each) => isWithin(target, realPath(join(root, each))));
	return found === undefined || found === CONFIG_FILE ? found : `${found}/`;
}
