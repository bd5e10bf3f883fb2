/**
 * The emotion chart: a static SVG (no client JavaScript) with one point per touchpoint on the
 * -2..+2 scale, stage bands, a smooth line, pain markers, the desired-emotion line, the
 * baseline journey's curve, and the curve-reading insights as annotations. Geometry comes from
 * d3-scale and d3-shape; the SVG is a hast tree, so every user string is escaped.
 */
import type { Element } from 'hast';
import { s } from './hast.ts';
import { scaleLinear, scalePoint } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { type Insight, type Journey, journeyView, type Touchpoint, touchpointsOf } from '../core/index.ts';
import { anchor, counted, EMOTION_WORDS, emotionClass, signed } from './format.ts';
import { htmlOf } from './html.ts';
import { journeyStylesheet } from './stylesheet.ts';

export interface EmotionChartOptions {
	/** The journey this one is compared with; its curve is drawn stretched over the same width. */
	baseline?: Journey;
	/** Embed a stylesheet, for an SVG file viewed on its own (the site styles charts with journey.css). */
	standalone?: boolean;
	/** Prefix for element ids, when several charts share a page. */
	idPrefix?: string;
}

const STEP = 72;
const MARGIN = { top: 40, right: 24, bottom: 150, left: 120 };
const PLOT_HEIGHT = 220;

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text);

interface Point {
	touchpoint: Touchpoint;
	x: number;
	score?: number;
	desired?: number;
}

export function emotionChartTree(journey: Journey, options: EmotionChartOptions = {}): Element {
	const touchpoints = touchpointsOf(journey);
	const width = MARGIN.left + Math.max(touchpoints.length, 4) * STEP + MARGIN.right;
	const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom;
	const x = scalePoint<string>()
		.domain(touchpoints.map((t) => t.id))
		.range([MARGIN.left, width - MARGIN.right])
		.padding(0.5);
	const y = scaleLinear().domain([-2, 2]).range([MARGIN.top + PLOT_HEIGHT, MARGIN.top]);
	const points: Point[] = touchpoints.map((t) => ({ touchpoint: t, x: x(t.id)!, score: t.emotion?.actual, desired: t.emotion?.desired }));
	const id = (name: string) => `${options.idPrefix ?? 'cjm-chart'}-${name}`;

	const curve = (values: Array<{ x: number; y?: number }>) =>
		line<{ x: number; y?: number }>()
			.defined((p) => p.y !== undefined)
			.x((p) => p.x)
			.y((p) => y(p.y!))
			.curve(curveMonotoneX)(values) ?? '';

	const { insights } = journeyView(journey);
	const marked = (kind: Insight['kind']) => new Set(insights.filter((i) => i.kind === kind).flatMap((i) => i.touchpoints));
	const troughs = marked('trough');
	const peaks = marked('peak');

	const children: Element[] = [
		s('title', { id: id('title') }, `Emotion curve: ${journey.title}`),
		s('desc', { id: id('desc') }, describe(journey, points, options.baseline)),
	];
	if (options.standalone) children.push(s('style', journeyStylesheet()));

	// Stage bands behind everything, with the stage names above the plot.
	let index = 0;
	for (const [n, stage] of journey.stages.entries()) {
		const count = Math.max(stage.touchpoints.length, 0);
		if (count === 0) continue;
		const left = x(touchpoints[index].id)! - (x.step() / 2);
		const bandWidth = count * x.step();
		index += count;
		children.push(
			s('g', { className: ['cjm-chart-stage', n % 2 ? 'cjm-chart-stage--odd' : 'cjm-chart-stage--even'] }, [
				s('rect', { x: left, y: MARGIN.top - 24, width: bandWidth, height: PLOT_HEIGHT + 24 }),
				s('text', { x: left + bandWidth / 2, y: MARGIN.top - 8, textAnchor: 'middle' }, [s('title', stage.name), truncate(stage.name, Math.floor(bandWidth / 7.5))]),
			])
		);
	}

	// Scale: grid lines with the score and its word.
	children.push(
		s(
			'g',
			{ className: 'cjm-chart-grid' },
			[-2, -1, 0, 1, 2].map((score) =>
				s('g', { className: score === 0 ? 'cjm-chart-zero' : undefined }, [
					s('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(score), y2: y(score) }),
					s('text', { x: MARGIN.left - 8, y: y(score), dy: '0.32em', textAnchor: 'end' }, [s('title', EMOTION_WORDS[score]), signed(score)]),
				])
			)
		)
	);

	if (options.baseline) {
		const base = touchpointsOf(options.baseline);
		const progress = scaleLinear().domain([0, Math.max(base.length - 1, 1)]).range([points[0]?.x ?? MARGIN.left, points.at(-1)?.x ?? width - MARGIN.right]);
		children.push(
			s('path', {
				className: 'cjm-chart-baseline',
				d: curve(base.map((t, i) => ({ x: progress(i), y: t.emotion?.actual }))),
			})
		);
	}
	if (points.some((p) => p.desired !== undefined)) {
		children.push(s('path', { className: 'cjm-chart-desired', d: curve(points.map((p) => ({ x: p.x, y: p.desired }))) }));
	}
	children.push(s('path', { className: 'cjm-chart-line', d: curve(points.map((p) => ({ x: p.x, y: p.score }))) }));

	// Rapid drops: the falling segment is drawn again, in the problem colour.
	for (const drop of insights.filter((i) => i.kind === 'rapid-drop')) {
		const [from, to] = drop.touchpoints.map((tid) => points.find((p) => p.touchpoint.id === tid)!);
		children.push(s('line', { className: 'cjm-chart-drop', x1: from.x, y1: y(from.score!), x2: to.x, y2: y(to.score!) }, [s('title', drop.message)]));
	}

	children.push(
		s(
			'g',
			{ className: 'cjm-chart-points' },
			points.map((p) => {
				const t = p.touchpoint;
				const tooltip = [
					`${t.name}: ${p.score === undefined ? 'no emotion recorded' : `${signed(p.score)} (${EMOTION_WORDS[p.score]})`}`,
					...(p.desired === undefined ? [] : [`wants to feel ${signed(p.desired)}`]),
					...t.pains.map((pain) => `pain: ${pain.text}`),
				].join('\n');
				const labelY = MARGIN.top + PLOT_HEIGHT + 14;
				return s('a', { href: `#${anchor.touchpoint(t.id)}`, className: 'cjm-chart-point' }, [
					s('title', tooltip),
					p.score === undefined
						? s('circle', { className: 'cjm-chart-missing', cx: p.x, cy: y(0), r: 4 })
						: s('circle', {
								className: [`cjm-emotion--${emotionClass(t.emotion)}`, troughs.has(t.id) ? 'cjm-chart-trough' : undefined, peaks.has(t.id) ? 'cjm-chart-peak' : undefined].filter(Boolean) as string[],
								cx: p.x,
								cy: y(p.score),
								r: troughs.has(t.id) || peaks.has(t.id) ? 7 : 5,
							}),
					t.pains.length > 0
						? s('text', { className: 'cjm-chart-pain', x: p.x, y: (p.score === undefined ? y(0) : y(p.score)) + 20, textAnchor: 'middle' }, `⚠${t.pains.length > 1 ? t.pains.length : ''}`)
						: undefined,
					s('text', { className: 'cjm-chart-label', transform: `translate(${p.x},${labelY}) rotate(-40)`, textAnchor: 'end' }, truncate(t.name, 22)),
				].filter((child): child is Element => child !== undefined));
			})
		)
	);

	children.push(legend(width, height, points, options.baseline));

	return s(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			className: 'cjm-chart',
			viewBox: `0 0 ${width} ${height}`,
			width,
			height,
			// A group, not an image: an image's content is presentational, which would hide the
			// focusable links of the points from screen readers while keyboard focus still lands on them.
			role: 'group',
			ariaLabelledBy: `${id('title')} ${id('desc')}`,
		},
		children
	);
}

function legend(width: number, height: number, points: Point[], baseline?: Journey): Element {
	const entries: Array<[string, string]> = [['cjm-chart-line', 'actual emotion']];
	if (points.some((p) => p.desired !== undefined)) entries.push(['cjm-chart-desired', 'desired emotion']);
	if (baseline) entries.push(['cjm-chart-baseline', `baseline: ${truncate(baseline.title, 40)}`]);
	let offset = MARGIN.left;
	return s(
		'g',
		{ className: 'cjm-chart-legend', transform: `translate(0,${height - 12})` },
		entries.map(([className, label]) => {
			const item = s('g', { transform: `translate(${offset},0)` }, [
				s('line', { className, x1: 0, x2: 24, y1: -4, y2: -4 }),
				s('text', { x: 30, y: 0 }, label),
			]);
			offset += 40 + label.length * 7;
			return item;
		}).concat(points.some((p) => p.touchpoint.pains.length > 0) ? [s('text', { className: 'cjm-chart-pain', x: Math.min(offset, width - 90), y: 0 }, '⚠ pain points')] : [])
	);
}

/** The chart's long description, for screen readers: the shape of the curve in a few sentences. */
function describe(journey: Journey, points: Point[], baseline?: Journey): string {
	const scored = points.filter((p) => p.score !== undefined);
	if (scored.length === 0) return `No emotions recorded for the ${counted(points.length, 'touchpoint')} of ${journey.title}.`;
	const low = scored.reduce((a, b) => (b.score! < a.score! ? b : a));
	const high = scored.reduce((a, b) => (b.score! > a.score! ? b : a));
	return [
		`Emotion from −2 (very negative) to +2 (very positive) across ${counted(points.length, 'touchpoint')} in ${counted(journey.stages.length, 'stage')}.`,
		`Lowest: ${signed(low.score!)} at ${low.touchpoint.name}. Highest: ${signed(high.score!)} at ${high.touchpoint.name}.`,
		`Starts at ${signed(scored[0].score!)} and ends at ${signed(scored.at(-1)!.score!)}.`,
		baseline ? `The baseline journey ${baseline.title} is drawn for comparison.` : '',
	]
		.filter(Boolean)
		.join(' ');
}

/** The chart as an SVG string. */
export function emotionChart(journey: Journey, options: EmotionChartOptions = {}): string {
	return htmlOf(emotionChartTree(journey, options), { space: 'svg' });
}
