/**
 * Compositions of the views: the emotion data table (the chart's data for screen readers and
 * copy-paste), the "what to look at" list, and a standalone HTML page with all views of one
 * journey, for `cjm render --format html` (a reviewer can open it without building the site).
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from './hast.ts';
import { type Insight, type Journey, journeyView, summarizeInsights, touchpointsOf } from '../core/index.ts';
import { emotionChartTree } from './emotion-chart.ts';
import { anchor, EMOTION_WORDS, signed } from './format.ts';
import { journeyStylesheet } from './stylesheet.ts';
import { journeyTableTree } from './table.ts';

/** The chart's data as a table: stage, touchpoint, emotion, desired emotion, pains. */
export function emotionDataTable(journey: Journey): Element {
	const anyDesired = touchpointsOf(journey).some((t) => t.emotion?.desired !== undefined);
	return h('table', { className: 'cjm-data-table' }, [
		h('caption', `Emotion per touchpoint: ${journey.title}`),
		h('thead', h('tr', [h('th', { scope: 'col' }, 'Stage'), h('th', { scope: 'col' }, 'Touchpoint'), h('th', { scope: 'col' }, 'Emotion'), anyDesired ? h('th', { scope: 'col' }, 'Desired') : '', h('th', { scope: 'col' }, 'Pains')])),
		h(
			'tbody',
			journey.stages.flatMap((stage) =>
				stage.touchpoints.map((t) =>
					h('tr', [
						h('td', stage.name),
						h('th', { scope: 'row' }, t.name),
						h('td', t.emotion ? `${signed(t.emotion.actual)} (${EMOTION_WORDS[t.emotion.actual]})` : '—'),
						anyDesired ? h('td', t.emotion?.desired === undefined ? '—' : signed(t.emotion.desired)) : '',
						h('td', String(t.pains.length)),
					])
				)
			)
		),
	]);
}

/**
 * The short "what to look at" list; each item links to the touchpoint it is about, and on a
 * multi-persona map names whose curve it reads. Pass the journey's insights when the page has them.
 */
export function insightList(journey: Journey, all?: readonly Insight[], personaNames: Record<string, string> = {}): Element {
	const insights = all ? summarizeInsights(all) : journeyView(journey).summary;
	if (insights.length === 0) return h('p', { className: 'cjm-insights-empty' }, 'Nothing stands out: no drops, troughs or weak transitions.');
	return h(
		'ul',
		{ className: 'cjm-insights' },
		insights.map((insight) =>
			h('li', { className: `cjm-insight cjm-insight--${insight.tone}`, dataKind: insight.kind }, [
				insight.persona ? h('strong', `${personaNames[insight.persona] ?? insight.persona}: `) : '',
				insight.message,
				' ',
				h('a', { href: `#${anchor.touchpoint(insight.touchpoints[0])}`, className: 'cjm-insight-link' }, 'Show on the map'),
			])
		)
	);
}

/** A complete HTML page with the chart, insights, data and table of one journey. */
export function journeyDocument(journey: Journey, options: { baseline?: Journey } = {}): string {
	const page = h('html', { lang: 'en' }, [
		h('head', [h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', journey.title), h('style', journeyStylesheet())]),
		h('body', { className: 'cjm-standalone' }, [
			h('main', [
				h('h1', journey.title),
				journey.scenario ? h('p', journey.scenario) : '',
				h('h2', 'Emotion curve'),
				h('div', { className: 'cjm-chart-wrap' }, emotionChartTree(journey, { baseline: options.baseline })),
				h('h2', 'What to look at'),
				insightList(journey),
				h('details', [h('summary', 'Chart data'), emotionDataTable(journey)]),
				h('h2', 'Stages and touchpoints'),
				journeyTableTree(journey),
			]),
		]),
	]);
	return `<!doctype html>\n${toHtml(page)}\n`;
}
