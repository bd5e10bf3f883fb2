/**
 * The project the site is built from: loaded once per build with the core (the same parser and
 * messages as `cjm validate`), plus each file's last git commit date.
 */
import { resolve } from 'node:path';
import type { VFile } from 'vfile';
import { JOURNEYS_DIR, loadProject, PERSONAS_DIR, type Project } from '../core/index.ts';
import { lastCommitDates } from './git-dates.ts';

/** Folder with journeys/ and personas/: `CJM_ROOT`, else the working directory. */
export const contentRoot = (): string => resolve(process.env.CJM_ROOT ?? process.cwd());

export interface SiteProject {
	project: Project;
	files: VFile[];
	/** Last commit date (YYYY-MM-DD) by project-relative path. */
	updated: Map<string, string>;
}

let loading: Promise<SiteProject> | undefined;

/**
 * `cjm build` validates the project and then runs Astro in the same process; it leaves the
 * loaded project here so the loaders need not parse every file a second time. (Astro loads this
 * module in its own module graph, so a module-level variable would not be shared.)
 */
const VALIDATED = Symbol.for('cjm.validatedProject');
type Handoff = { root: string; project: Project; files: VFile[] };

export function handOffValidated(handoff: Handoff): void {
	(globalThis as Record<symbol, unknown>)[VALIDATED] = handoff;
}

/** Loads the project once and shares it between the collections; `fresh` reloads it (dev server edits). */
export function siteProject(fresh = false): Promise<SiteProject> {
	if (fresh || !loading) {
		const root = contentRoot();
		const handoff = (globalThis as Record<symbol, Handoff | undefined>)[VALIDATED];
		if (!fresh && handoff?.root === root) {
			loading = Promise.resolve({ project: handoff.project, files: handoff.files, updated: lastCommitDates(root, [JOURNEYS_DIR, PERSONAS_DIR]) });
			return loading;
		}
		loading = loadProject(root, { displayRoot: process.env.CJM_DISPLAY_ROOT ?? root }).then(({ project, files }) => ({
			project,
			files,
			updated: lastCommitDates(root, [JOURNEYS_DIR, PERSONAS_DIR]),
		}));
	}
	return loading;
}
