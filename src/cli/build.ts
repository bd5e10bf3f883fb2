/**
 * `cjm build`: validate the content, then build the site with Astro. Validation runs first so an
 * invalid tree fails with exactly the messages of `cjm validate`, before Astro starts, and
 * never with a stack trace.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CACHE_LOCATION } from '../core/index.ts';
import { handOver, receivedHandoff } from '../handoff.ts';
import { keepOutDir, recordOutDir } from '../kept-out-dir.ts';
import type { Format } from '../report/index.ts';
import { outDirProblem } from './out-dir.ts';
import { validate } from './validate.ts';

/** Where astro.config.mjs lives: the site is part of this package. */
const siteRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What `import.meta.env` calls the site's own settings. Astro also puts every variable of the
 * process into it, and in the pages' code a variable wins over the setting: a `BASE_URL` left in
 * the environment (vitest sets one, and so can a CI) made the pages of a site built with
 * `BASE_PATH=/x/` link to the host's root, while its scripts used `/x/`.
 */
const ASTRO_ENV_NAMES = ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR'];

/**
 * Variables the shell keeps about itself. Into the server code of a module that reads
 * `import.meta.env` as a whole, Astro writes every variable of the process whose name the module's
 * text contains, and `_` (the path of the command that started the process, which the shell sets)
 * is in nearly every text. Three such modules are in the journey pages' code, so that code, and
 * Astro's hash of it, depended on how the build was started (`npx cjm build`, `npm run build`,
 * `time npx cjm build`): a `--cache` rebuild started another way rendered every page again.
 */
const SHELL_ENV_NAMES = ['_', 'OLDPWD', 'SHLVL'];

export interface BuildOptions {
	format: Format;
	strict: boolean;
	color?: boolean;
	outDir?: string;
	cache?: boolean;
	cacheLocation?: string;
	/** The site's exports to build (`--downloads`), as `siteDownloads` reads them; undefined: the default ones. */
	downloads?: string;
}

export async function build(
	contentDir: string,
	options: BuildOptions,
	io: { stdout: (text: string) => void; stderr: (text: string) => void; cwd: string }
): Promise<number> {
	const root = resolve(io.cwd, contentDir);
	// Astro's outDir: --out-dir, else CJM_OUT_DIR or dist/, relative to astro.config.mjs.
	const outDir = options.outDir ? resolve(io.cwd, options.outDir) : resolve(siteRoot, receivedHandoff().outDir ?? 'dist');
	const problem = outDirProblem(outDir, options.outDir ?? (relative(io.cwd, outDir) || '.'), { content: root, cwd: io.cwd, tool: siteRoot });
	if (problem) {
		io.stderr(`cjm: ${problem}\n`);
		return 2;
	}
	const checked = await validate([relative(io.cwd, root) || '.'], options, io.cwd);
	io.stdout(checked.output);
	if (checked.exitCode !== 0) {
		io.stderr('cjm: the site was not built; fix the problems above first.\n');
		return 1;
	}
	const [validated] = checked.projects;
	// With --cache, Astro keeps its caches next to ours and reuses unchanged pages (src/handoff.ts).
	const cacheDir = options.cache ? resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION, 'astro') : undefined;
	// Into the folder the last --cache build wrote, unchanged pages stay where they are (src/kept-out-dir.ts).
	const kept = cacheDir === undefined ? undefined : keepOutDir(cacheDir, outDir);
	handOver({ validated, displayRoot: relative(io.cwd, root) || '.', outDir: options.outDir ? outDir : undefined, cacheDir, keepOutDir: kept, downloads: options.downloads });
	process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
	// A site is always a production build, even when run from a test runner that sets NODE_ENV=test.
	process.env.NODE_ENV = 'production';
	for (const name of [...ASTRO_ENV_NAMES, ...SHELL_ENV_NAMES]) delete process.env[name];
	try {
		const astro = await import('astro');
		await astro.build({ root: siteRoot, logLevel: process.env.CJM_DEBUG ? 'debug' : (process.env.CJM_LOG_LEVEL as 'info' | undefined) ?? 'warn' });
		if (cacheDir) recordOutDir(cacheDir, outDir);
	} catch (error) {
		io.stderr(`cjm: the site build failed: ${error instanceof Error ? error.message : String(error)}\n`);
		if (process.env.CJM_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
		return 1;
	}
	io.stdout(`✔ site built in ${relative(io.cwd, outDir) || '.'}\n`);
	return 0;
}
