/**
 * The HTML of a journey page's rendered parts (the map, the notes' Markdown, the insights, the
 * flow's source), from the page's plain data alone. They are most of a journey page's render,
 * and a pure function of data that crosses threads as it is: a site build renders them on worker
 * threads while Astro lays out and writes other pages (render-pool.ts); `npm run dev` renders them
 * here. Either way the page shows exactly these strings.
 */
import { emotionChart, emotionDataTable, htmlOf, insightList, journeyMap, markdownHtml, measuredKpis, mermaidFlow } from '../render/index.ts';
import type { JourneyPage } from './journey-page.ts';

export interface JourneyPageParts {
	map: string;
	insights: string;
	chartData: string;
	flow: string;
	/** The journey-level measured KPIs, when the journey has some. */
	measured?: string;
	/** The baseline's curve and this journey's, side by side, when the journey has a baseline. */
	comparison?: { baseline: string; journey: string };
	/** Each Markdown text the page shows (intro, stage and touchpoint notes, sections), as HTML. */
	markdown: Map<string, string>;
}

/** Every Markdown text `page` shows: the page looks each one up with `markdownOf`. */
function pageMarkdown(page: JourneyPage): string[] {
	return [
		...page.intro.map((section) => section.markdown),
		...page.notes.flatMap((stage) => [...(stage.notes ? [stage.notes.markdown] : []), ...stage.touchpoints.flatMap((t) => (t.notes ? [t.notes.markdown] : []))]),
		...page.sections.map(({ section }) => section.markdown),
	];
}

export function journeyPageParts(page: JourneyPage): JourneyPageParts {
	const { journey, baseline, insights, personaNames, images, zoomTargets, changed } = page;
	return {
		map: journeyMap(journey, { baseline, insights, personaNames, images, zoomTargets, changed }),
		insights: htmlOf(insightList(journey, insights, personaNames)),
		chartData: htmlOf(emotionDataTable(journey)),
		flow: mermaidFlow(journey),
		...(journey.measured && { measured: measuredKpis(journey.measured) }),
		...(baseline && { comparison: { baseline: emotionChart(baseline, { idPrefix: 'cjm-baseline' }), journey: emotionChart(journey, { idPrefix: 'cjm-this' }) } }),
		markdown: new Map(pageMarkdown(page).map((markdown) => [markdown, markdownHtml(markdown)])),
	};
}

/** The HTML of one of the page's Markdown texts; a text `pageMarkdown` does not list is a bug, said as one. */
export function markdownOf(parts: JourneyPageParts, markdown: string): string {
	const html = parts.markdown.get(markdown);
	if (html === undefined) throw new Error('A journey page shows a Markdown text that its parts were not rendered with: list it in pageMarkdown (src/site/page-parts.ts).');
	return html;
}
