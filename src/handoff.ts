/**
 * The hand-over from `cjm build` to Astro: what the CLI passes to the site build, in one place.
 *
 * `cjm build` validates the content and then runs `astro build` in the same process. Astro loads
 * astro.config.mjs and the content loaders in its own (Vite) module graph, with its own copy of
 * every module, so a module-level variable set by the CLI is not seen there. Two channels cross:
 * the process environment (also how a user points `npm run dev` or `astro build` at other
 * content, without the CLI) and one global slot for the already validated project (objects do
 * not fit in environment variables). This module is the only one that reads or writes either.
 */
import { resolve } from 'node:path';
import type { LoadedProject } from './core/index.ts';

/** The environment variables of the hand-over, and why each exists. */
export const HANDOFF_ENV = {
	/**
	 * The folder with journeys/ and personas/ the site is built from. `cjm build <folder>` sets it;
	 * without it (`npm run dev` in this repository) the working directory is used.
	 */
	root: 'CJM_ROOT',
	/**
	 * How that folder is written in messages: as the user typed it, relative to where `cjm` ran,
	 * so errors from the site build read exactly like those of `cjm validate`. Default: the root.
	 */
	displayRoot: 'CJM_DISPLAY_ROOT',
	/** Where Astro writes the site (`outDir` in astro.config.mjs): `cjm build --out-dir`. Default: dist/. */
	outDir: 'CJM_OUT_DIR',
	/**
	 * `cjm build --cache`: where Astro keeps its caches (`cacheDir`, under `--cache-location`), and
	 * the switch for its incremental build, which copies the pages of the last build whose data
	 * (their `cacheKey`) and code are unchanged instead of rendering them again. Unset: a full
	 * build, with Astro's default cache folder.
	 */
	cacheDir: 'CJM_CACHE_DIR',
	/**
	 * `cjm build --cache` into the folder its last `--cache` build wrote, as that build left it:
	 * Astro keeps the folder instead of emptying it, so unchanged pages stay where they are, and
	 * deletes what the build no longer has once the pages are written (src/kept-out-dir.ts). The
	 * value is when the build started, in nanoseconds on the folder's clock: what is older and not
	 * listed by Astro is deleted.
	 */
	keepOutDir: 'CJM_KEEP_OUT_DIR',
	/**
	 * `cjm build --downloads`: which exports the site builds for each journey (comma-separated
	 * formats, or `none`). Unset: the default ones (`DEFAULT_DOWNLOADS`). Also read by `npm run dev` and `astro build`.
	 */
	downloads: 'CJM_DOWNLOADS',
	/**
	 * How many worker threads render the journey pages' parts and the downloads during a build
	 * (src/site/render-pool.ts); `0` renders them on the main thread. Unset: one per core but the
	 * main thread's, at most four. The pages are the same bytes either way; it exists to measure the
	 * difference (`npm run bench`) and to find a problem on one thread. Also read by `astro build`.
	 */
	renderThreads: 'CJM_RENDER_THREADS',
} as const;

/** A project that `cjm build` loaded and validated (no errors), with the absolute folder it came from. */
export type ValidatedProject = LoadedProject & { root: string };

/** What the site build receives. */
export interface Handoff {
	/** Absolute folder with journeys/ and personas/. */
	root: string;
	/** The root as messages show it. */
	displayRoot: string;
	/** Absolute or relative to astro.config.mjs; undefined: Astro's default. */
	outDir?: string;
	/** Absolute; set: an incremental build that keeps its caches there. */
	cacheDir?: string;
	/** An incremental build into the folder the last one wrote, started then: Astro does not empty it first. */
	keepOutDir?: bigint;
	/** The site's exports to build, as given (`siteDownloads` reads it); undefined: the default ones. */
	downloads?: string;
	/** The validated project, when `cjm build` passed one for this root: the loaders need not parse every file again. */
	validated?: ValidatedProject;
	/** Rendering threads of a build, as given; undefined: the default. */
	renderThreads?: number;
}

/** `Symbol.for`, not `Symbol`: the CLI's copy of this module and Astro's copy must name the same slot. */
const VALIDATED: unique symbol = Symbol.for('cjm.validatedProject');
const slot = globalThis as { [VALIDATED]?: ValidatedProject };

/** Write side, for `cjm build`: call once, before starting Astro. */
export function handOver(handoff: { validated: ValidatedProject; displayRoot: string; outDir?: string; cacheDir?: string; keepOutDir?: bigint; downloads?: string }): void {
	slot[VALIDATED] = handoff.validated;
	process.env[HANDOFF_ENV.root] = handoff.validated.root;
	process.env[HANDOFF_ENV.displayRoot] = handoff.displayRoot;
	if (handoff.outDir !== undefined) process.env[HANDOFF_ENV.outDir] = handoff.outDir;
	if (handoff.cacheDir !== undefined) process.env[HANDOFF_ENV.cacheDir] = handoff.cacheDir;
	if (handoff.keepOutDir !== undefined) process.env[HANDOFF_ENV.keepOutDir] = String(handoff.keepOutDir);
	else delete process.env[HANDOFF_ENV.keepOutDir];
	if (handoff.downloads !== undefined) process.env[HANDOFF_ENV.downloads] = handoff.downloads;
}

/** Read side, for the content loaders and astro.config.mjs; defaults apply when the CLI did not run. */
export function receivedHandoff(env: NodeJS.ProcessEnv = process.env): Handoff {
	const root = resolve(env[HANDOFF_ENV.root] ?? process.cwd());
	const validated = slot[VALIDATED];
	return {
		root,
		displayRoot: env[HANDOFF_ENV.displayRoot] ?? root,
		outDir: env[HANDOFF_ENV.outDir] || undefined,
		cacheDir: env[HANDOFF_ENV.cacheDir] || undefined,
		keepOutDir: env[HANDOFF_ENV.cacheDir] && /^\d+$/.test(env[HANDOFF_ENV.keepOutDir] ?? '') ? BigInt(env[HANDOFF_ENV.keepOutDir]!) : undefined,
		downloads: env[HANDOFF_ENV.downloads],
		renderThreads: /^\d+$/.test(env[HANDOFF_ENV.renderThreads] ?? '') ? Number(env[HANDOFF_ENV.renderThreads]) : undefined,
		// A project validated for another folder (a test that builds twice) is not this build's.
		validated: validated?.root === root ? validated : undefined,
	};
}
