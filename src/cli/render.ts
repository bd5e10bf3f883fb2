/** `cjm render <journey>`: print one view of one journey, so a reviewer can look at it without building the site. */
import { emotionChart, journeyDocument, journeyTableMarkdown, mermaidFlow, mermaidJourney } from '../render/index.ts';
import { journeyArg } from './journey-arg.ts';
import type { View } from './views.ts';

export interface RenderResult {
	output: string;
	/** Validation problems, when the journey could not be rendered. */
	problems?: string;
	exitCode: 0 | 1;
}

/** `journey` is a file path (`journeys/a/b.md`) or an id (`a/b`) in the project of the working directory. */
export async function render(journey: string, view: View, cwd = process.cwd()): Promise<RenderResult> {
	const found = await journeyArg(journey, cwd);
	if ('problems' in found) return { output: '', problems: found.problems, exitCode: 1 };
	const { journey: model, project } = found;
	const baseline = model.baseline ? project.journeys.find((each) => each.id === model.baseline) : undefined;
	const output = {
		html: () => journeyDocument(model, { baseline }),
		svg: () => `${emotionChart(model, { baseline, standalone: true })}\n`,
		md: () => `${journeyTableMarkdown(model)}`,
		mermaid: () => `${mermaidFlow(model)}\n`,
		'mermaid-journey': () => `${mermaidJourney(model)}\n`,
	}[view]();
	return { output, exitCode: 0 };
}
