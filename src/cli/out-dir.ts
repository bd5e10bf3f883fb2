/**
 * The folder `cjm build` writes the site into. Astro deletes everything in it before it builds
 * (`.git` too), so `--out-dir .` or `--out-dir src` would delete the content or the tool. The
 * site is only written to a folder that does not exist yet, is empty, or holds an earlier build
 * and nothing Astro would delete by mistake; anything else is refused before a file is touched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { authoredPlace, isWithin, realPath } from './paths.ts';

/** Every Astro build writes its scripts and styles here: a folder with it holds an earlier build. */
const BUILD_ASSETS = '_astro';

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
	const out = realPath(outDir);
	const named = (
		[
			['the content folder', folders.content],
			['the working folder', folders.cwd],
			['the folder of cjm itself', folders.tool],
		] as const
	).find(([, folder]) => isWithin(realPath(folder), out));
	const refuse = (what: string) => `the site's folder ${shown} ${what}, and a build first deletes everything in its folder: choose another with --out-dir, such as dist/`;
	if (named) return refuse(out === realPath(named[1]) ? `is ${named[0]}` : `holds ${named[0]} (${named[1]})`);
	const authored = authoredPlace(out, folders.content);
	if (authored) return refuse(`is inside ${authored}, which the build reads`);
	if (existsSync(out) && !statSync(out).isDirectory()) return `the site's folder ${shown} is a file: choose a folder with --out-dir, such as dist/`;
	const entries = existsSync(out) ? readdirSync(out) : [];
	if (entries.includes('.git')) return refuse('holds a git repository (.git)');
	if (entries.length > 0 && !entries.includes(BUILD_ASSETS)) return refuse(`holds files no site build wrote (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`);
	return undefined;
}
