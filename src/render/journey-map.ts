/**
 * The journey map: one grid, stages across the top, lanes down the side, and the emotion curves
 * running through the same columns as the touchpoints above them (the geometry is `mapLayout`'s).
 * Below 700 px the same content reads as a vertical timeline. A hast tree: every user string is
 * escaped. Static and complete without JavaScript; the reading controls are markup the page's
 * script switches on.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from './hast.ts';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import { ALL_PERSONAS, CONVERSION_KPI, type Insight, type Journey, type KpiSeries, type Moment, type Touchpoint } from '../core/index.ts';
import { anchor, counted, EMOTION_WORDS, emotionClass, itemDetails, percent, signed } from './format.ts';
import { htmlOf } from './html.ts';
import { kpiSparkline, kpiValue } from './sparkline.ts';
import { curveWindow, type LaneId, MAP_LANES, MAP_SIZE, type MapColumn, type MapCurve, type MapLayout, mapLayout } from './map-layout.ts';

export interface JourneyMapOptions {
	/** For a future state: the current-state journey, drawn as the baseline curve. */
	baseline?: Journey;
	/** The journey's insights (computed once per page): troughs, peaks and drops are marked on the curve. */
	insights?: readonly Insight[];
	/** Persona names by id, for the legend and the column headers. */
	personaNames?: Record<string, string>;
	/** The map's heading. */
	heading?: string;
	/** Precomputed geometry (the page may need it elsewhere). */
	layout?: MapLayout;
	/**
	 * Published touchpoint images by project-relative path (the model's `image[].src`), from the
	 * site's image pipeline. An image without one is named by its alt text instead of shown.
	 */
	images?: Readonly<Record<string, MapImage>>;
	/** When each touchpoint's lines last changed (`YYYY-MM-DD`, by touchpoint id), from git blame when the project asks for it. */
	changed?: Readonly<Record<string, string>>;
	/** Where a touchpoint's `zoom` leads, by journey id: the detailed journey's URL and title (the renderer knows no URLs). */
	zoomTargets?: Readonly<Record<string, { href: string; title: string }>>;
}

/** A touchpoint image as the site publishes it: a URL under the site, with its size in CSS pixels. */
export interface MapImage {
	src: string;
	width: number;
	height: number;
	/** Sources for other pixel densities, as an `img` `srcset`. */
	srcset?: string;
}

/** What the map calls a curve's persona: its name, or "Everyone" on a single-curve map. */
export const personaLabel = (id: string, personaNames?: Record<string, string>) => (id === ALL_PERSONAS ? 'Everyone' : (personaNames?.[id] ?? id));

/** Marker shapes per persona: with colour and the legend, never colour alone. */
/** One piece of a cell: an element or text (never a nested list, which hastscript's types refuse). */
export type Part = Element | string;

const SHAPES = [symbolCircle, symbolSquare, symbolDiamond, symbolTriangle];
/** SVG path data of a curve marker centred on 0,0: the shape says whose curve it is. */
export const marker = (personaIndex: number, area: number) => symbol(SHAPES[personaIndex % SHAPES.length], area)() ?? '';

/** What each moment of truth is called on the map. */
export const MOMENTS: Record<Moment, string> = {
	stimulus: 'Stimulus',
	zmot: 'Zero moment of truth',
	fmot: 'First moment of truth',
	smot: 'Second moment of truth',
	umot: 'Ultimate moment of truth',
};

/** A3 landscape less 10 mm margins is 1512 CSS pixels wide: the print zoom's target, with room for rounding. */
const PRINT_WIDTH = 1500;

export function journeyMapTree(journey: Journey, options: JourneyMapOptions = {}): Element {
	const layout = options.layout ?? mapLayout(journey, { baseline: options.baseline });
	const names = (id: string) => personaLabel(id, options.personaNames);
	const multi = layout.personas[0] !== ALL_PERSONAS;
	const tableWidth = MAP_SIZE.label + layout.width;
	return h(
		'section',
		{
			id: 'map',
			// not-content: Starlight's Markdown styles (block tables, spacing between siblings) would break the grid.
			className: ['cjm-map', 'not-content'],
			ariaLabelledBy: 'stages-and-touchpoints',
			dataPersonas: layout.personas.join(' '),
			style: `--cjm-map-width: ${tableWidth}px; --cjm-print-zoom: ${Math.min(1, PRINT_WIDTH / tableWidth).toFixed(4)}`,
		},
		[
			h('div', { className: 'cjm-map-head' }, [h('h2', { id: 'stages-and-touchpoints' }, options.heading ?? 'Stages and touchpoints'), legend(layout, names, options.baseline)]),
			toolbar(layout, names),
			h('div', { className: 'cjm-map-scroller', role: 'region', ariaLabel: `Journey map of ${journey.title}; scrolls sideways`, tabIndex: 0 }, [
				h('table', { className: ['cjm-table', 'cjm-map-table'], style: `width: ${tableWidth}px` }, [
					h('caption', { className: 'cjm-map-caption' }, `${journey.title}: ${counted(journey.stages.length, 'stage')}, ${counted(layout.columns.length, 'touchpoint')}`),
					h('colgroup', [h('col', { style: `width: ${MAP_SIZE.label}px` })]),
					...layout.stages.map((stage) => h('colgroup', { span: stage.span }, Array.from({ length: stage.span }, () => h('col', { style: `width: ${MAP_SIZE.column}px` })))),
					h('thead', [stageBand(layout), touchpointRow(layout, names, multi, options)]),
					h('tbody', layout.lanes.map((lane) => (lane === 'emotion' ? emotionLane(journey, layout, options.insights ?? []) : laneRow(lane, layout, options.images ?? {})))),
				]),
			]),
			removedList(layout, options.baseline),
			timeline(layout, names, multi, options.images ?? {}),
		]
	);
}

/** The curves' legend: each persona's curve, then the desired and the baseline curve when drawn. Shared with the SVG export. */
export function legendEntries(layout: MapLayout, names: (id: string) => string, baseline?: Journey): Array<{ kind: MapCurve['kind']; personaIndex: number; label: string }> {
	const entries = layout.personas.map((persona, i) => ({ kind: 'actual' as const, personaIndex: i, label: layout.personas.length > 1 ? names(persona) : 'How the customer feels' }));
	const drawn = (kind: MapCurve['kind']) => layout.curves.some((c) => c.kind === kind);
	return [
		...entries,
		...(drawn('desired') ? [{ kind: 'desired' as const, personaIndex: 0, label: 'How they want to feel' }] : []),
		...(baseline && drawn('baseline') ? [{ kind: 'baseline' as const, personaIndex: 0, label: `Baseline: ${baseline.title}` }] : []),
	];
}

function legend(layout: MapLayout, names: (id: string) => string, baseline?: Journey): Element {
	const swatch = (kind: MapCurve['kind'], personaIndex: number) =>
		s('svg', { className: 'cjm-map-swatch', width: 28, height: 14, viewBox: '0 0 28 14', ariaHidden: 'true' }, [
			s('line', { className: ['cjm-map-line', `cjm-map-line--${kind}`, `cjm-persona-${personaIndex}`], x1: 1, x2: 27, y1: 7, y2: 7 }),
			s('path', { className: ['cjm-map-marker', `cjm-map-marker--${kind}`, `cjm-persona-${personaIndex}`], d: marker(personaIndex, kind === 'actual' ? 48 : 30), transform: 'translate(14,7)' }),
		]);
	return h('ul', { className: 'cjm-map-legend', ariaLabel: 'Curves on the map' }, legendEntries(layout, names, baseline).map(({ kind, personaIndex, label }) => h('li', [swatch(kind, personaIndex), label])));
}

/** The reading controls, hidden until the page's script takes them over (without it they could do nothing). */
function toolbar(layout: MapLayout, names: (id: string) => string): Element {
	const lanes = MAP_LANES.filter((lane) => layout.lanes.includes(lane.id));
	const checkbox = (group: string, value: string, label: string) =>
		h('label', [h('input', { type: 'checkbox', name: group, value, checked: true }), ` ${label}`]);
	// Not indexed for search: every map has these words ("Full screen", "Lanes"), so every map would match them.
	return h('div', { className: 'cjm-map-toolbar', dataMapToolbar: '', dataPagefindIgnore: '', hidden: true }, [
		h('div', { className: 'cjm-map-zoom', role: 'group', ariaLabel: 'Zoom' }, [
			h('button', { type: 'button', dataZoom: 'fit', ariaPressed: 'false' }, 'Fit to width'),
			h('button', { type: 'button', dataZoom: '100', ariaPressed: 'true' }, '100 %'),
			h('button', { type: 'button', dataFullscreen: '' }, 'Full screen'),
		]),
		h('details', { className: 'cjm-map-menu' }, [
			h('summary', 'Lanes'),
			h('fieldset', [h('legend', 'Lanes to show'), ...lanes.map((lane) => checkbox('lanes', lane.id, lane.label))]),
		]),
		layout.personas.length > 1
			? h('div', { className: 'cjm-map-personas', role: 'group', ariaLabelledBy: 'cjm-map-personas-label' }, [
					h('span', { id: 'cjm-map-personas-label' }, 'Personas:'),
					...layout.personas.map((persona) => checkbox('personas', persona, names(persona))),
				])
			: '',
		h('p', { className: 'cjm-map-hint' }, 'Arrow keys: previous or next touchpoint'),
	]);
}

function stageBand(layout: MapLayout): Element {
	return h('tr', { className: 'cjm-map-stages' }, [
		h('td', { className: ['cjm-corner', 'cjm-lane'] }),
		...layout.stages.map(({ stage, span }, n) =>
			h('th', { scope: 'colgroup', colSpan: span, id: anchor.stage(stage.id), className: ['cjm-map-stage', n % 2 ? 'cjm-map-stage--odd' : 'cjm-map-stage--even'] }, [
				h('span', { className: 'cjm-map-stage-name' }, stage.name),
				stage.goal ? h('span', { className: 'cjm-stage-goal' }, stage.goal) : '',
				stage.moment ? h('span', { className: ['cjm-map-moment', `cjm-map-moment--${stage.moment}`] }, MOMENTS[stage.moment]) : '',
			])
		),
	]);
}

function touchpointRow(layout: MapLayout, names: (id: string) => string, multi: boolean, { zoomTargets, changed }: JourneyMapOptions): Element {
	return h('tr', { className: 'cjm-map-touchpoints', dataLane: 'touchpoint' }, [
		h('th', { scope: 'col', className: 'cjm-lane' }, 'Touchpoint'),
		...layout.columns.map((column) => {
			const t = column.touchpoint;
			if (!t) return h('td', { className: 'cjm-empty', dataCol: column.index }, 'No touchpoints yet');
			const personaIndex = t.persona ? layout.personas.indexOf(t.persona) : -1;
			return h(
				'th',
				{
					scope: 'col',
					id: anchor.touchpoint(t.id),
					dataTouchpoint: t.id,
					dataCol: column.index,
					dataFor: t.persona,
					dataConfidence: t.confidence,
					className: ['cjm-map-touchpoint', `cjm-emotion--${emotionClass(t.emotion)}`, ...(t.confidence ? [`cjm-map-touchpoint--${t.confidence}-confidence`] : [])],
				},
				[
					h('a', { href: `#${anchor.touchpoint(t.id)}`, className: 'cjm-anchor' }, t.name),
					h('span', { className: 'cjm-map-tags' }, [
						multi && personaIndex >= 0
							? h('span', { className: 'cjm-map-who' }, [s('svg', { width: 12, height: 12, viewBox: '-6 -6 12 12', ariaHidden: 'true' }, [s('path', { className: ['cjm-map-marker', `cjm-persona-${personaIndex}`], d: marker(personaIndex, 40) })]), names(t.persona!)])
							: multi
								? h('span', { className: 'cjm-map-who' }, 'Everyone')
								: '',
						t.time ? h('span', { className: 'cjm-meta' }, t.time) : '',
						t.moment ? h('span', { className: ['cjm-map-moment', `cjm-map-moment--${t.moment}`] }, MOMENTS[t.moment]) : '',
						support(t),
						changed?.[t.id] ? h('span', { className: 'cjm-meta', dataChanged: changed[t.id] }, `changed ${changed[t.id]}`) : '',
					]),
					zoomLink(t, zoomTargets),
					flowNote(column, layout),
				]
			);
		}),
	]);
}

/**
 * How well research supports a touchpoint, in its header: the confidence in words (never colour
 * alone) and how many sources it rests on, which the tooltip names.
 */
function support(t: Touchpoint): Part {
	const evidence = t.evidence ?? [];
	if (!t.confidence && evidence.length === 0) return '';
	const sources = evidence.length === 0 ? 'no sources' : counted(evidence.length, 'source');
	const words = t.confidence ? `${t.confidence} confidence · ${sources}` : sources;
	return h('span', { className: ['cjm-map-support', `cjm-map-support--${t.confidence ?? 'unrated'}`], title: evidence.length > 0 ? `Evidence: ${evidence.join('; ')}` : undefined }, words);
}

/** A touchpoint another journey details: a link down to it. */
function zoomLink(t: Touchpoint, zoomTargets: JourneyMapOptions['zoomTargets']): Part {
	const target = t.zoom && zoomTargets && Object.hasOwn(zoomTargets, t.zoom) ? zoomTargets[t.zoom] : undefined;
	return target ? h('a', { className: 'cjm-map-detail', href: target.href }, `Zooms into: ${target.title}`) : '';
}

/** A branch, a jump or an early end, in the column header: the flow is visible on the map itself. */
function flowNote(column: MapColumn, layout: MapLayout): Part {
	const flow = column.flow;
	if (!flow) return '';
	if (flow.kind === 'end') return h('span', { className: ['cjm-map-flow', 'cjm-map-flow--end'] }, '■ The journey ends here');
	const nameOf = (id: string) => layout.columns.find((c) => c.touchpoint?.id === id)?.touchpoint?.name ?? id;
	return h('span', { className: ['cjm-map-flow', `cjm-map-flow--${flow.kind}`] }, [
		flow.kind === 'branch' ? `⑂ Branches ${flow.edges.length} ways:` : '↪ Continues at',
		h(
			'ul',
			flow.edges.map((edge) =>
				h('li', [
					'→ ',
					h('a', { href: `#${anchor.touchpoint(edge.to)}` }, edge.label ?? nameOf(edge.to)),
					edge.share === undefined ? '' : ` (${percent(edge.share)})`,
				])
			)
		),
	]);
}

/** A list of pains or opportunities with their details. */
const items = (list: Touchpoint['pains'], kind: string): Part =>
	list.length === 0
		? ''
		: h(
				'ul',
				{ className: ['cjm-items', `cjm-items--${kind}`] },
				list.map((item) => {
					const details = itemDetails(item);
					return h('li', [item.text, details.length > 0 ? h('span', { className: 'cjm-meta' }, ` (${details.join(' · ')})`) : '']);
				})
			);

const score = (t: Touchpoint): Part =>
	t.emotion ? h('span', { className: ['cjm-score', `cjm-emotion--${emotionClass(t.emotion)}`], title: EMOTION_WORDS[t.emotion.actual] }, signed(t.emotion.actual)) : '';

type Images = Readonly<Record<string, MapImage>>;

/** A touchpoint's storyboard images: published ones as lazy `img`s, any other named by its alt text. */
const pictures = (t: Touchpoint, images: Images = {}): Part =>
	(t.image ?? []).length === 0
		? ''
		: h(
				'span',
				{ className: 'cjm-map-images' },
				t.image!.map((image) => {
					const published = images[image.src];
					if (!published) return h('span', { className: 'cjm-meta' }, `Image: ${image.alt || image.src.split('/').pop()}`);
					return h('img', { src: published.src, srcSet: published.srcset, alt: image.alt ?? '', width: published.width, height: published.height, loading: 'lazy', decoding: 'async' });
				})
			);

/** What each lane shows for a touchpoint (the emotion lane is the curve, drawn across the row). The SVG export writes the same cells as lines of text (images by their alt text). */
export const MAP_CELLS: Record<Exclude<LaneId, 'emotion'>, (t: Touchpoint, images?: Images) => Part | Part[]> = {
	image: pictures,
	channel: (t) => t.channels.join(', '),
	doing: (t) => t.action ?? '',
	thinking: (t) => (t.thinking ? h('q', t.thinking) : ''),
	feeling: (t) => [t.feeling ? `${t.feeling} ` : '', score(t), t.emotion?.desired === undefined ? '' : h('span', { className: 'cjm-meta' }, ` (wants ${signed(t.emotion.desired)})`)],
	pains: (t) => items(t.pains, 'pains'),
	opportunities: (t) => items(t.opportunities, 'opportunities'),
	owner: (t) => [
		t.owner ?? '',
		t.criticality ? h('span', { className: ['cjm-map-criticality', `cjm-map-criticality--${t.criticality}`] }, `${t.criticality} criticality`) : '',
		t.evidence ? h('p', { className: ['cjm-meta', 'cjm-map-evidence'] }, `Evidence: ${t.evidence.join('; ')}`) : '',
	],
	conversion: (t) => {
		const kpis = Object.entries(t.kpis);
		const measuredConversion = t.measured?.find((series) => series.kpi === CONVERSION_KPI);
		return [
			t.conversion === undefined ? '' : h('strong', `${percent(t.conversion)} go on`),
			// Once anything here is measured, say which numbers are measured and which are typed estimates.
			t.conversion === undefined || !t.measured
				? ''
				: h('span', { className: 'cjm-meta' }, measuredConversion ? ` (measured ${measuredConversion.latest.date}${t.estimate === undefined ? '' : `; estimate ${percent(t.estimate)}`})` : ' (estimate)'),
			kpis.length === 0 ? '' : h('ul', { className: 'cjm-kpis' }, kpis.map(([name, value]) => h('li', [`${name}: ${value}`, t.measured ? h('span', { className: 'cjm-meta' }, ' (estimate)') : '']))),
			t.measured ? measuredList(t.measured) : '',
		];
	},
	backstage: (t) => t.backstage ?? '',
	support: (t) => t.support ?? '',
};

const TREND = { up: '▲ up', down: '▼ down', flat: '► flat' } as const;

/** Measured KPIs: the latest value, the trend since the measurement before, and a sparkline of all of them. */
export function measuredList(measured: KpiSeries[]): Element {
	return h(
		'ul',
		{ className: ['cjm-kpis', 'cjm-measured'], ariaLabel: 'Measured' },
		measured.map((series) =>
			h('li', { dataKpi: series.kpi }, [
				h('span', `${series.kpi}: ${kpiValue(series, series.latest.value)}`),
				h('span', { className: 'cjm-meta' }, ` measured ${series.latest.date}${series.trend && series.previous ? `, ${TREND[series.trend]} from ${kpiValue(series, series.previous.value)}` : ''} `),
				kpiSparkline(series),
			])
		)
	);
}

function laneRow(lane: Exclude<LaneId, 'emotion'>, layout: MapLayout, images: Images): Element {
	const label = MAP_LANES.find((l) => l.id === lane)!.label;
	return h('tr', { dataLane: lane }, [
		h('th', { scope: 'row', className: 'cjm-lane' }, label),
		...layout.columns.map((column) => h('td', { dataCol: column.index, className: column.touchpoint ? undefined : 'cjm-blank' }, column.touchpoint ? MAP_CELLS[lane](column.touchpoint, images) : '')),
	]);
}

/** The emotion lane: the scale in the (sticky) label cell, the curves in one cell across every column. */
function emotionLane(journey: Journey, layout: MapLayout, insights: readonly Insight[]): Element {
	const { curve: height, label } = MAP_SIZE;
	const marked = (kind: Insight['kind']) => new Set(insights.filter((i) => i.kind === kind).flatMap((i) => i.touchpoints));
	const troughs = marked('trough');
	const peaks = marked('peak');
	const scale = s('svg', { className: 'cjm-map-scale', width: label, height, viewBox: `0 0 ${label} ${height}`, ariaHidden: 'true' }, [
		s('text', { x: 8, y: 14, className: 'cjm-map-scale-title' }, 'Emotion'),
		...layout.ticks.map(({ score, y }) => s('text', { x: label - 8, y, dy: '0.32em', textAnchor: 'end' }, `${signed(score)} ${score === 0 ? '' : EMOTION_WORDS[score].replace('very ', '')}`.trim())),
	]);
	const children: ElementContent[] = [
		s('title', `Emotion curve: ${journey.title}`),
		// Stage bands and column rules, so the lane reads as part of the grid above it.
		...layout.stages.map(({ left, width }, n) => s('rect', { className: ['cjm-map-band', n % 2 ? 'cjm-map-band--odd' : 'cjm-map-band--even'], x: left, y: 0, width, height })),
		...layout.ticks.map(({ score, y }) => s('line', { className: score === 0 ? 'cjm-map-zero' : 'cjm-map-grid', x1: 0, x2: layout.width, y1: y, y2: y })),
		...layout.columns.flatMap((c) => [
			s('rect', { className: 'cjm-map-column', dataCol: c.index, x: c.left, y: 0, width: MAP_SIZE.column, height }),
			s('line', { className: 'cjm-map-rule', x1: c.left, x2: c.left, y1: 0, y2: height }),
		]),
	];
	// Lines first (baseline, desired, actual), then every marker on top.
	const order: MapCurve['kind'][] = ['baseline', 'desired', 'actual'];
	const curves = order.flatMap((kind) => layout.curves.filter((c) => c.kind === kind));
	for (const c of curves) {
		children.push(s('path', { className: ['cjm-map-line', `cjm-map-line--${c.kind}`, `cjm-persona-${c.personaIndex}`], dataCurve: c.kind, dataPersona: c.persona, d: c.path }));
	}
	// A rapid drop: its stretch of the curve drawn again in the problem colour, clipped to the drop
	// (from a path a few columns long: the whole curve again for each drop made long maps heavy).
	for (const [n, drop] of insights.filter((i) => i.kind === 'rapid-drop').entries()) {
		const actual = layout.curves.find((c) => c.kind === 'actual' && (drop.persona === undefined || c.persona === drop.persona));
		const [from, to] = drop.touchpoints.map((id) => actual?.points.find((p) => p.touchpoint.id === id));
		if (!actual || !from || !to) continue;
		const clip = `cjm-map-drop-${n}`;
		children.push(
			s('clipPath', { id: clip }, [s('rect', { x: from.x, y: 0, width: to.x - from.x, height })]),
			s('path', { className: 'cjm-map-drop', dataPersonaOf: actual.persona, clipPath: `url(#${clip})`, d: curveWindow(actual, from.x, to.x) }, [s('title', drop.message)])
		);
	}
	for (const c of curves) {
		for (const p of c.points) {
			const t = p.touchpoint;
			const emphasis = c.kind === 'actual' && (troughs.has(t.id) || peaks.has(t.id));
			const shape = s('path', {
				className: [
					'cjm-map-marker',
					`cjm-map-marker--${c.kind}`,
					`cjm-persona-${c.personaIndex}`,
					c.kind === 'actual' ? `cjm-emotion--${emotionClass(t.emotion)}` : '',
					emphasis ? (troughs.has(t.id) ? 'cjm-map-trough' : 'cjm-map-peak') : '',
				].filter(Boolean),
				dataTouchpoint: t.id,
				dataCurve: c.kind,
				dataPersona: c.persona,
				d: marker(c.personaIndex, c.kind === 'actual' ? (emphasis ? 200 : 110) : 50),
				transform: `translate(${p.x},${p.y})`,
			});
			const words = `${signed(p.score)} (${EMOTION_WORDS[p.score]})`;
			if (c.kind === 'actual') {
				const tooltip = [`${t.name}: ${words}`, ...(t.emotion?.desired === undefined ? [] : [`wants to feel ${signed(t.emotion.desired)}`]), ...t.pains.map((pain) => `pain: ${pain.text}`)].join('\n');
				children.push(s('a', { href: `#${anchor.touchpoint(t.id)}`, className: 'cjm-chart-point' }, [s('title', tooltip), shape]));
			} else {
				const what = c.kind === 'desired' ? `${t.name}: wants to feel ${words}` : `Baseline, ${t.name}: ${words}${p.matched === 'stage' ? ' (a step of this stage that is no longer on the map)' : ''}`;
				children.push(s('g', { className: 'cjm-map-point' }, [s('title', what), shape]));
			}
		}
	}
	return h('tr', { dataLane: 'emotion', className: 'cjm-map-emotion' }, [
		h('th', { scope: 'row', className: ['cjm-lane', 'cjm-map-scale-cell'] }, [h('span', { className: 'cjm-map-caption' }, 'Emotion'), scale]),
		h('td', { colSpan: layout.columns.length, className: 'cjm-map-curve-cell' }, [
			s('svg', { className: ['cjm-chart', 'cjm-map-curve'], width: layout.width, height, viewBox: `0 0 ${layout.width} ${height}`, role: 'group', ariaLabel: `Emotion curves of ${journey.title}, one point per touchpoint column` }, children),
		]),
	]);
}

function removedList(layout: MapLayout, baseline?: Journey): Part {
	if (!baseline || layout.removed.length === 0) return '';
	return h('div', { className: 'cjm-map-removed' }, [
		h('p', [h('strong', 'Removed since the baseline'), ` (steps of “${baseline.title}” whose stage is not on this map):`]),
		h('ul', layout.removed.map((t) => h('li', [t.name, ' ', score(t)]))),
	]);
}

/** Below 700 px: stage headings and a card per touchpoint, with its emotion and a short strip of its curve. */
function timeline(layout: MapLayout, names: (id: string) => string, multi: boolean, images: Images): Element {
	const { column: step, curve: height } = MAP_SIZE;
	const actual = layout.curves.filter((c) => c.kind === 'actual');
	const strip = (column: MapColumn) => {
		const mine = actual.filter((c) => c.points.some((p) => p.touchpoint === column.touchpoint));
		if (mine.length === 0) return '';
		// The map's curves, seen through a window three and a half columns wide each side of this one.
		const [from, to] = [column.centre - 3.5 * step, column.centre + 3.5 * step];
		return s('svg', { className: 'cjm-card-strip', viewBox: `${from} 0 ${to - from} ${height}`, preserveAspectRatio: 'none', width: 140, height: 32, ariaHidden: 'true' }, [
			s('line', { className: 'cjm-map-zero', x1: from, x2: to, y1: height / 2, y2: height / 2 }),
			s('line', { className: 'cjm-card-strip-now', x1: column.centre, x2: column.centre, y1: 0, y2: height }),
			...mine.map((c) => s('path', { className: ['cjm-map-line', 'cjm-map-line--actual', `cjm-persona-${c.personaIndex}`], d: curveWindow(c, from, to) })),
		]);
	};
	return h(
		'div',
		{ className: 'cjm-timeline', dataPagefindIgnore: '' },
		layout.stages.map(({ stage, first, span }) =>
			h('section', { className: 'cjm-timeline-stage', ariaLabelledBy: `timeline-${anchor.stage(stage.id)}` }, [
				h('h3', { id: `timeline-${anchor.stage(stage.id)}` }, stage.name),
				stage.goal ? h('p', { className: 'cjm-stage-goal' }, stage.goal) : '',
				h(
					'ol',
					{ className: 'cjm-cards' },
					layout.columns.slice(first, first + span).map((column) => {
						const t = column.touchpoint;
						if (!t) return h('li', { className: 'cjm-card cjm-empty' }, 'No touchpoints yet');
						return h('li', { className: ['cjm-card', `cjm-emotion--${emotionClass(t.emotion)}`], dataCard: t.id }, [
							h('h4', [h('a', { href: `#${anchor.touchpoint(t.id)}` }, t.name)]),
							pictures(t, images),
							h('p', { className: 'cjm-card-emotion' }, [
								score(t),
								t.feeling ? ` ${t.feeling}` : '',
								multi ? h('span', { className: 'cjm-meta' }, ` · ${t.persona ? names(t.persona) : 'Everyone'}`) : '',
								strip(column),
							]),
							t.confidence || t.evidence ? h('p', support(t)) : '',
							t.action ? h('p', t.action) : '',
							...(t.pains.length > 0 ? [h('p', { className: 'cjm-card-label' }, 'Pains'), items(t.pains, 'pains')] : []),
							...(t.opportunities.length > 0 ? [h('p', { className: 'cjm-card-label' }, 'Opportunities'), items(t.opportunities, 'opportunities')] : []),
							column.flow ? flowNote(column, layout) : '',
						]);
					})
				),
			])
		)
	);
}

/** Measured KPIs as an HTML fragment (the journey page lists the journey-level ones). */
export const measuredKpis = (measured: KpiSeries[]): string => htmlOf(measuredList(measured));

/** The map as an HTML fragment. */
export function journeyMap(journey: Journey, options: JourneyMapOptions = {}): string {
	return htmlOf(journeyMapTree(journey, options));
}
