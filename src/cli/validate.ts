/** `cjm validate`: check journeys and personas, print the problems, and say by exit code whether they pass. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { CONFIG_FILE, DEFAULT_CACHE_LOCATION, fileCache, JOURNEYS_DIR, type LoadedProject, loadProject } from '../core/index.ts';
import { lastCommitDates } from '../history.ts';
import { type Format, format } from '../report/index.ts';
import { isIncluded, resolveTargets } from './targets.ts';

export interface ValidateOptions {
	format: Format;
	strict: boolean;
	color?: boolean;
	/** Keep per-file parse results between runs, in `cacheLocation` (relative to the working directory). */
	cache?: boolean;
	cacheLocation?: string;
}

export interface ValidateResult {
	files: VFile[];
	/** Every project loaded, by absolute root, for commands that go on to use it. */
	projects: Array<LoadedProject & { root: string }>;
	output: string;
	exitCode: 0 | 1;
}

export async function validate(paths: string[], options: ValidateOptions, cwd = process.cwd()): Promise<ValidateResult> {
	const files: VFile[] = [];
	const projects: ValidateResult['projects'] = [];
	const cache = options.cache ? fileCache(resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION)) : undefined;
	for (const target of resolveTargets(paths.length > 0 ? paths : ['.'], cwd)) {
		const root = resolve(cwd, target.root);
		// A map without `reviewed` was last reviewed at its last commit; only projects with settings check freshness.
		const lastCommit = existsSync(join(root, CONFIG_FILE)) ? lastCommitDates(root, [JOURNEYS_DIR]) : undefined;
		const loaded = await loadProject(root, { displayRoot: target.root, parallel: true, cache, lastCommit });
		projects.push({ ...loaded, root });
		files.push(...loaded.files.filter((file) => isIncluded(resolve(cwd, file.path), target.include)));
	}
	cache?.save();
	const messages = files.flatMap((file) => file.messages);
	const failed = messages.some((message) => message.fatal || options.strict);
	return { files, projects, output: format(files, options.format, { color: options.color }), exitCode: failed ? 1 : 0 };
}
