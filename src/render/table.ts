/**
 * The stage-by-touchpoint table: stages as column groups (one column per touchpoint), lanes as
 * rows, like a wall map. HTML for the site and `cjm render`, Markdown (one row per touchpoint)
 * for pull-request comments and READMEs. Built as syntax trees, so every user string is escaped.
 */
import type { Element } from 'hast';
import type { Child } from 'hastscript';
import { h } from './hast.ts';
import type { Table, TableCell, TableRow } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { type Item, type Journey, lanesOf, TOUCHPOINT_NAMES, type Touchpoint, TouchpointSchema, touchpointsOf } from '../core/index.ts';
import { anchor, EMOTION_WORDS, emotionClass, itemDetails, percent, signed } from './format.ts';
import { htmlOf } from './html.ts';
import { markdownOptions } from './markdown-out.ts';

const items = (list: Item[], kind: string): Child | undefined =>
	list.length === 0
		? undefined
		: [
				h(
					'ul',
					{ className: ['cjm-items', `cjm-items--${kind}`] },
					list.map((item) => {
						const details = itemDetails(item);
						return h('li', [item.text, details.length > 0 ? h('span', { className: 'cjm-meta' }, ` (${details.join(' · ')})`) : '']);
					})
				),
			];

/** How a field reads in its lane when its value as text will not do; keyed by the model's name of the field. */
const CELLS: { [K in keyof Touchpoint]?: (touchpoint: Touchpoint) => Child | undefined } = {
	emotion: ({ emotion }) =>
		emotion && [
			h('span', { className: ['cjm-score', `cjm-emotion--${emotionClass(emotion)}`], title: EMOTION_WORDS[emotion.actual] }, signed(emotion.actual)),
			emotion.desired === undefined ? '' : h('span', { className: 'cjm-meta' }, ` (wants ${signed(emotion.desired)})`),
		],
	pains: (t) => items(t.pains, 'pains'),
	opportunities: (t) => items(t.opportunities, 'opportunities'),
	conversion: (t) => (t.conversion === undefined ? undefined : h('strong', percent(t.conversion))),
	kpis: (t) => {
		const kpis = Object.entries(t.kpis);
		return kpis.length === 0 ? undefined : h('ul', { className: 'cjm-kpis' }, kpis.map(([name, value]) => h('li', `${name}: ${value}`)));
	},
};

/** A text, number or list of texts as the lane shows it; nothing for an empty list. */
const asText = (value: unknown): string | undefined => (Array.isArray(value) ? value.join(', ') || undefined : value === undefined ? undefined : String(value));

interface Lane {
	label: string;
	cell: (touchpoint: Touchpoint) => Child | undefined;
	/** Shown only when some touchpoint has a value (blueprint lanes, times, personas). */
	optional: boolean;
}

/** The lanes and the fields each shows, from the schema; a lane's fields are shown side by side. */
const LANES: Lane[] = lanesOf<Touchpoint>(TouchpointSchema, TOUCHPOINT_NAMES).map(({ label, fields, optional }) => ({
	label,
	optional,
	cell: (t) => {
		const parts = fields.flatMap((field) => {
			const part = CELLS[field] ? CELLS[field](t) : asText(t[field]);
			return part === undefined ? [] : [part];
		});
		if (parts.length === 0) return undefined;
		return parts.flatMap((part, index) => [...(index === 0 ? [] : [' ']), ...(Array.isArray(part) ? part : [part])]);
	},
}));

/** The table as a hast tree, for composing into pages. */
export function journeyTableTree(journey: Journey): Element {
	const touchpoints = touchpointsOf(journey);
	const lanes = LANES.filter((lane) => !lane.optional || touchpoints.some((t) => lane.cell(t) !== undefined));
	// A stage without touchpoints still gets one (empty) column, so it is visible on the map.
	const columns = journey.stages.flatMap((stage) => (stage.touchpoints.length > 0 ? stage.touchpoints : [undefined]));

	const stageRow = h('tr', [
		h('td', { className: 'cjm-corner' }),
		...journey.stages.map((stage) =>
			h('th', { scope: 'colgroup', colSpan: Math.max(1, stage.touchpoints.length), id: anchor.stage(stage.id), className: 'cjm-stage' }, [
				stage.name,
				stage.goal ? h('span', { className: 'cjm-stage-goal' }, stage.goal) : '',
			])
		),
	]);
	const touchpointRow = h('tr', [
		h('th', { scope: 'col', className: 'cjm-lane' }, 'Touchpoint'),
		...columns.map((t) =>
			t
				? h('th', { scope: 'col', id: anchor.touchpoint(t.id), className: ['cjm-touchpoint', `cjm-emotion--${emotionClass(t.emotion)}`] }, [
						h('a', { href: `#${anchor.touchpoint(t.id)}`, className: 'cjm-anchor' }, t.name),
					])
				: h('td', { className: 'cjm-empty' }, 'No touchpoints yet'),
		),
	]);
	const body = lanes.map((lane) =>
		h('tr', [
			h('th', { scope: 'row', className: 'cjm-lane' }, lane.label),
			...columns.map((t) => {
				const content = t ? lane.cell(t) : undefined;
				return content === undefined ? h('td', { className: 'cjm-blank' }) : h('td', content);
			}),
		])
	);
	return h('div', { className: 'cjm-table-wrap', role: 'region', ariaLabel: `Stage-by-touchpoint table of ${journey.title}`, tabIndex: 0 }, [
		h('table', { className: 'cjm-table' }, [
			h('caption', `${journey.title}: stages and touchpoints`),
			h('colgroup', [h('col', { className: 'cjm-lane-col' })]),
			...journey.stages.map((stage) => h('colgroup', { span: Math.max(1, stage.touchpoints.length), className: 'cjm-stage-cols' })),
			h('thead', [stageRow, touchpointRow]),
			h('tbody', body),
		]),
	]);
}

/** The table as an HTML fragment. */
export function journeyTable(journey: Journey): string {
	return htmlOf(journeyTableTree(journey));
}

/** One row per touchpoint, as GitHub-flavoured Markdown: for pull-request comments and READMEs. */
export function journeyTableMarkdown(journey: Journey): string {
	const cell = (value: string | undefined): TableCell => ({ type: 'tableCell', children: [{ type: 'text', value: value ?? '' }] });
	const row = (values: Array<string | undefined>): TableRow => ({ type: 'tableRow', children: values.map(cell) });
	const list = (values: Item[]) => values.map((item) => item.text).join('; ');
	const table: Table = {
		type: 'table',
		align: ['left', 'left', 'left', 'center', 'left', 'left', 'left', 'right'],
		children: [
			row(['Stage', 'Touchpoint', 'Channel', 'Emotion', 'Pains', 'Opportunities', 'Owner', 'Conversion']),
			...journey.stages.flatMap((stage) =>
				stage.touchpoints.map((t) =>
					row([
						stage.name,
						t.name,
						t.channels.join(', '),
						t.emotion ? signed(t.emotion.actual).replace('−', '-') : '',
						list(t.pains),
						list(t.opportunities),
						t.owner,
						t.conversion === undefined ? '' : percent(t.conversion),
					])
				)
			),
		],
	};
	return toMarkdown(table, markdownOptions);
}
