/** The `<journey>` argument of `cjm render` and `cjm export`: a journey file (`journeys/a/b.md`) or an id (`a/b`). */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { type Journey, JOURNEYS_DIR, loadProject, type Project } from '../core/index.ts';
import { format } from '../report/index.ts';
import { resolveTargets, UsageError } from './targets.ts';

export type JourneyArg =
	| { journey: Journey; project: Project; root: string }
	/** The file exists but has errors: its messages, formatted for the terminal. */
	| { problems: string };

export async function journeyArg(journey: string, cwd: string): Promise<JourneyArg> {
	const isPath = existsSync(resolve(cwd, journey)) && journey.endsWith('.md');
	const [target] = resolveTargets([isPath ? journey : '.'], cwd);
	const root = resolve(cwd, target.root);
	const id = isPath ? relative(resolve(root, JOURNEYS_DIR), resolve(cwd, journey)).replace(/\.md$/, '').split('\\').join('/') : journey;
	const { project, files } = await loadProject(root, { displayRoot: target.root });
	const found = project.journeys.find((each) => each.id === id);
	if (found) return { journey: found, project, root };
	const file = files.find((each) => resolve(cwd, each.path) === resolve(root, JOURNEYS_DIR, `${id}.md`));
	if (!file) {
		const known = project.journeys.map((each) => each.id).join(', ');
		throw new UsageError(`No journey \`${id}\` in ${target.root === '.' ? 'this project' : target.root}; journeys: ${known || 'none'}`);
	}
	return { problems: format([file], 'stylish') };
}
