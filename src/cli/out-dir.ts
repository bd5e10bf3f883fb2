/**
 * The folder `cjm build` writes the site into. Astro deletes everything in it before it builds
 * (`.git` too), so `--out-dir .` or `--out-dir src` would delete the content or the tool. The
 * site is only written to a folder that does not exist yet, is empty, or holds an earlier build
 * and nothing Astro would delete by mistake; anything else is refused before a file is touched.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { SOURCE_PATHS } from '../core/index.ts';

/** Every Astro build writes its scripts and styles here: a folder with it holds an earlier build. */
const BUILD_ASSETS = '_astro';

/** `path` with its symbolic links resolved, as far as it exists (the rest may be made by the build). */
function real(path: string): string {
	if (existsSync(path)) return realpathSync(path);
	const parent = dirname(path);
	return parent === path ? path : join(real(parent), basename(path));
}

/** Whether `inner` is `outer` or inside it (both real, absolute). */
function within(inner: string, outer: string): boolean {
	const path = relative(outer, inner);
	return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !path.startsWith(sep) && !/^[A-Za-z]:/.test(path));
}

export interface OutDirFolders {
	/** The folder with journeys/ and personas/. */
	content: string;
	cwd: string;
	/** The folder of cjm itself (astro.config.mjs), whose dist/ is the default output. */
	tool: string;
}

/**
 * Why the site cannot be written to `outDir` (absolute; `shown` is how the user wrote it), or
 * undefined when it can.
 */
export function outDirProblem(outDir: string, shown: string, folders: OutDirFolders): string | undefined {
	const out = real(outDir);
	const named = (
		[
			['the content folder', folders.content],
			['the working folder', folders.cwd],
			['the folder of cjm itself', folders.tool],
		] as const
	).find(([, folder]) => within(real(folder), out));
	const refuse = (what: string) => `the site's folder ${shown} ${what}, and a build first deletes everything in its folder: choose another with --out-dir, such as dist/`;
	if (named) return refuse(out === real(named[1]) ? `is ${named[0]}` : `holds ${named[0]} (${named[1]})`);
	const source = SOURCE_PATHS.find((path) => within(out, real(join(folders.content, path))));
	if (source) return refuse(`is inside ${source}/, which the build reads`);
	if (existsSync(out) && !statSync(out).isDirectory()) return `the site's folder ${shown} is a file: choose a folder with --out-dir, such as dist/`;
	const entries = existsSync(out) ? readdirSync(out) : [];
	if (entries.includes('.git')) return refuse('holds a git repository (.git)');
	if (entries.length > 0 && !entries.includes(BUILD_ASSETS)) return refuse(`holds files no site build wrote (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`);
	return undefined;
}
