/** `cjm render <journey>`: print one view of one journey, so a reviewer can look at it without building the site. */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { JOURNEYS_DIR, loadProject } from '../core/index.ts';
import { emotionChart, journeyDocument, journeyTableMarkdown, mermaidFlow, mermaidJourney } from '../render/index.ts';
import { format } from '../report/index.ts';
import { resolveTargets, UsageError } from './targets.ts';
import type { View } from './views.ts';


export interface RenderResult {
	output: string;
	/** Validation problems, when the journey could not be rendered. */
	problems?: string;
	exitCode: 0 | 1;
}

/** `journey` is a file path (`journeys/a/b.md`) or an id (`a/b`) in the project of the working directory. */
export async function render(journey: string, view: View, cwd = process.cwd()): Promise<RenderResult> {
	const isPath = existsSync(resolve(cwd, journey)) && journey.endsWith('.md');
	const [target] = resolveTargets([isPath ? journey : '.'], cwd);
	const root = resolve(cwd, target.root);
	const id = isPath ? relative(resolve(root, JOURNEYS_DIR), resolve(cwd, journey)).replace(/\.md$/, '').split('\\').join('/') : journey;
	const { project, files } = await loadProject(root, { displayRoot: target.root });
	const found = project.journeys.find((each) => each.id === id);
	if (!found) {
		const file = files.find((each) => resolve(cwd, each.path) === resolve(root, JOURNEYS_DIR, `${id}.md`));
		if (!file) {
			const known = project.journeys.map((each) => each.id).join(', ');
			throw new UsageError(`No journey \`${id}\` in ${target.root === '.' ? 'this project' : target.root}; journeys: ${known || 'none'}`);
		}
		return { output: '', problems: format([file], 'stylish'), exitCode: 1 };
	}
	const baseline = found.baseline ? project.journeys.find((each) => each.id === found.baseline) : undefined;
	const output = {
		html: () => journeyDocument(found, { baseline }),
		svg: () => `${emotionChart(found, { baseline, standalone: true })}\n`,
		md: () => `${journeyTableMarkdown(found)}`,
		mermaid: () => `${mermaidFlow(found)}\n`,
		'mermaid-journey': () => `${mermaidJourney(found)}\n`,
	}[view]();
	return { output, exitCode: 0 };
}
