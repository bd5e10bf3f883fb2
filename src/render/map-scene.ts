/**
 * The journey map as a picture: the site's map (mapLayout's columns, lanes and curves, the same
 * cells) laid out as positioned shapes and lines of text, with no HTML to flow it. One scene, drawn
 * by two writers: `mapSvg` (and from it the PNG) and the PDF export, so every picture of a journey
 * shows the same thing. Coordinates are CSS pixels, y downwards, as in SVG.
 */
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { type Journey, journeyView, touchpointsOf } from '../core/index.ts';
import { counted, EMOTION_WORDS, emotionClass, percent, signed } from './format.ts';
import { legendEntries, MAP_CELLS, marker, MOMENTS, type Part, personaLabel } from './journey-map.ts';
import { MAP_LANES, MAP_SIZE, type MapColumn, type MapCurve, type MapLayout, mapLayout } from './map-layout.ts';
import { textWidth, wrapText } from './text-wrap.ts';

export interface SceneText {
	kind: 'text';
	x: number;
	/** The baseline of the line. */
	y: number;
	text: string;
	size: number;
	bold?: boolean;
	fill: string;
	anchor?: 'start' | 'middle' | 'end';
}
export interface SceneRect {
	kind: 'rect';
	x: number;
	y: number;
	width: number;
	height: number;
	fill?: string;
	stroke?: string;
}
export interface SceneLine {
	kind: 'line';
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	stroke: string;
	width: number;
	dash?: number[];
}
/** SVG path data drawn with its origin at x, y. */
export interface ScenePath {
	kind: 'path';
	d: string;
	x: number;
	y: number;
	fill?: string;
	stroke?: string;
	width: number;
	dash?: number[];
}
export type SceneShape = SceneText | SceneRect | SceneLine | ScenePath;

export interface MapScene {
	width: number;
	height: number;
	/** For the picture's title and description. */
	title: string;
	description: string;
	/** Back to front. */
	shapes: SceneShape[];
}

export interface MapSceneOptions {
	baseline?: Journey;
	/** Persona names by id, for the legend and the column headers. */
	personaNames?: Record<string, string>;
	layout?: MapLayout;
}

/** The map's font: the exports bring it (the npm package `source-sans`), so pictures look the same everywhere. */
export const MAP_FONT_FAMILY = 'Source Sans 3';

/** The light palette of journey.css: a picture has one theme. */
export const MAP_COLOURS = {
	fg: '#1f2937',
	muted: '#4b5563',
	bg: '#ffffff',
	border: '#d1d5db',
	laneBg: '#f8fafc',
	stage: ['#dbeafe', '#e0e7ff'],
	band: ['#f3f4f6', '#e5e7eb'],
	zero: '#6b7280',
	desired: '#047857',
	baseline: '#6b7280',
	persona: ['#2563eb', '#c2410c', '#7e22ce', '#0f766e'],
	emotion: { n2: '#dc2626', n1: '#ea580c', '0': '#6b7280', p1: '#65a30d', p2: '#059669', none: '#ffffff' } as Record<string, string>,
};

/** Text sizes of the map picture, in px (the PDF's readability limit is measured on `cell`). */
export const MAP_TEXT_SIZE = { title: 24, subtitle: 14, stage: 15, goal: 13, head: 14, cell: 13, small: 12 } as const;
const SIZE = MAP_TEXT_SIZE;
const lineHeight = (size: number) => Math.round(size * 1.3);
const PAD = 24;
const CELL = 8;

/** Control characters cannot stand in an XML document (the SVG) and draw nothing anyway. */
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

export function mapScene(journey: Journey, options: MapSceneOptions = {}): MapScene {
	const layout = options.layout ?? mapLayout(journey, { baseline: options.baseline });
	const names = (id: string) => personaLabel(id, options.personaNames);
	const multi = layout.personas.length > 1;
	const { label: labelWidth, column: step } = MAP_SIZE;
	const width = 2 * PAD + labelWidth + layout.width;
	const gridLeft = PAD + labelWidth;
	const shapes: SceneShape[] = [];
	let y = PAD;

	/** Lines of text from the top of a box, each wrapped to `wrap` px; returns the height used. */
	const text = (x: number, top: number, lines: string[], size: number, more: Partial<SceneText> = {}) => {
		lines.forEach((line, n) => shapes.push({ kind: 'text', x, y: top + (n + 1) * lineHeight(size) - size * 0.3, text: clean(line), size, fill: MAP_COLOURS.fg, ...more }));
		return lines.length * lineHeight(size);
	};
	const wrap = (value: string, size: number, bold = false, within = step - 2 * CELL) => wrapText(clean(value), within, size, bold);

	// Title, counts and the legend of the curves.
	y += text(PAD, y, wrap(journey.title, SIZE.title, true, width - 2 * PAD), SIZE.title, { bold: true });
	const counts = `${counted(journey.stages.length, 'stage')} · ${counted(touchpointsOf(journey).length, 'touchpoint')}${multi ? ` · ${layout.personas.map(names).join(', ')}` : ''}`;
	y += text(PAD, y, wrap(counts, SIZE.subtitle, false, width - 2 * PAD), SIZE.subtitle, { fill: MAP_COLOURS.muted }) + 8;
	let x = PAD;
	for (const entry of legendEntries(layout, names, options.baseline)) {
		const label = clean(entry.label);
		const entryWidth = 48 + textWidth(label, SIZE.small);
		if (x > PAD && x + entryWidth > width - PAD) {
			x = PAD;
			y += 22;
		}
		shapes.push({ kind: 'line', x1: x, x2: x + 28, y1: y + 10, y2: y + 10, ...curveStroke(entry.kind, entry.personaIndex) });
		shapes.push({ kind: 'path', d: marker(entry.personaIndex, entry.kind === 'actual' ? 48 : 30), x: x + 14, y: y + 10, ...markerPaint(entry.kind, entry.personaIndex, 'none') });
		shapes.push({ kind: 'text', x: x + 34, y: y + 14, text: label, size: SIZE.small, fill: MAP_COLOURS.fg });
		x += entryWidth;
	}
	y += 32;

	// Rows: the stage band, the touchpoint headers, then each lane with content.
	const row = (label: string, cells: Array<{ left: number; width: number; fill?: string; draw: (top: number) => void; height: number }>, labelFill = MAP_COLOURS.laneBg) => {
		const height = Math.max(32, ...cells.map((cell) => cell.height + 2 * CELL));
		shapes.push({ kind: 'rect', x: PAD, y, width: labelWidth, height, fill: labelFill, stroke: MAP_COLOURS.border });
		if (label) text(PAD + CELL, y + CELL, wrap(label, SIZE.cell, true, labelWidth - 2 * CELL), SIZE.cell, { bold: true });
		for (const cell of cells) {
			shapes.push({ kind: 'rect', x: gridLeft + cell.left, y, width: cell.width, height, fill: cell.fill ?? MAP_COLOURS.bg, stroke: MAP_COLOURS.border });
			cell.draw(y + CELL);
		}
		y += height;
	};
	const block = (left: number, cellWidth: number, parts: Array<{ lines: string[]; size: number; bold?: boolean; fill?: string }>, fill?: string) => ({
		left,
		width: cellWidth,
		fill,
		height: parts.reduce((sum, part) => sum + part.lines.length * lineHeight(part.size), 0),
		draw: (top: number) => {
			for (const part of parts) top += text(gridLeft + left + CELL, top, part.lines, part.size, { bold: part.bold, fill: part.fill ?? MAP_COLOURS.fg });
		},
	});

	row(
		'',
		layout.stages.map(({ stage, left, width: stageWidth }, n) => {
			const within = stageWidth - 2 * CELL;
			return block(
				left,
				stageWidth,
				[
					{ lines: wrap(stage.name, SIZE.stage, true, within), size: SIZE.stage, bold: true },
					{ lines: stage.goal ? wrap(stage.goal, SIZE.goal, false, within) : [], size: SIZE.goal, fill: MAP_COLOURS.muted },
					{ lines: stage.moment ? wrap(MOMENTS[stage.moment], SIZE.small, false, within) : [], size: SIZE.small, fill: MAP_COLOURS.muted },
				],
				MAP_COLOURS.stage[n % 2]
			);
		}),
		MAP_COLOURS.bg
	);
	row(
		'Touchpoint',
		layout.columns.map((column) => {
			const t = column.touchpoint;
			if (!t) return block(column.left, step, [{ lines: ['No touchpoints yet'], size: SIZE.cell, fill: MAP_COLOURS.muted }]);
			const tags = [multi ? (t.persona ? names(t.persona) : 'Everyone') : '', t.time ?? '', t.moment ? MOMENTS[t.moment] : ''].filter(Boolean).join(' · ');
			return block(column.left, step, [
				{ lines: wrap(t.name, SIZE.head, true), size: SIZE.head, bold: true },
				{ lines: tags ? wrap(tags, SIZE.small) : [], size: SIZE.small, fill: MAP_COLOURS.muted },
				{ lines: flowLines(column, layout).flatMap((line) => wrap(line, SIZE.small)), size: SIZE.small },
			]);
		})
	);
	for (const lane of layout.lanes) {
		if (lane === 'emotion') {
			emotionLane();
			continue;
		}
		const label = MAP_LANES.find((l) => l.id === lane)!.label;
		row(
			label,
			layout.columns.map((column) =>
				block(column.left, step, [{ lines: column.touchpoint ? cellParagraphs(MAP_CELLS[lane](column.touchpoint)).flatMap((p) => wrap(p, SIZE.cell)) : [], size: SIZE.cell }])
			)
		);
	}

	function emotionLane() {
		const { curve: height } = MAP_SIZE;
		const { insights } = journeyView(journey);
		const marked = new Set(insights.filter((i) => i.kind === 'trough' || i.kind === 'peak').flatMap((i) => i.touchpoints));
		shapes.push({ kind: 'rect', x: PAD, y, width: labelWidth, height, fill: MAP_COLOURS.laneBg, stroke: MAP_COLOURS.border });
		shapes.push({ kind: 'text', x: PAD + CELL, y: y + 16, text: 'Emotion', size: SIZE.cell, bold: true, fill: MAP_COLOURS.fg });
		for (const { score, y: tickY } of layout.ticks) {
			const words = score === 0 ? '' : EMOTION_WORDS[score].replace('very ', '');
			shapes.push({ kind: 'text', x: gridLeft - CELL, y: y + tickY + 4, text: `${signed(score)} ${words}`.trim(), size: SIZE.small, fill: MAP_COLOURS.muted, anchor: 'end' });
		}
		layout.stages.forEach(({ left, width: stageWidth }, n) => shapes.push({ kind: 'rect', x: gridLeft + left, y, width: stageWidth, height, fill: MAP_COLOURS.band[n % 2] }));
		for (const { score, y: tickY } of layout.ticks) {
			shapes.push({ kind: 'line', x1: gridLeft, x2: gridLeft + layout.width, y1: y + tickY, y2: y + tickY, stroke: score === 0 ? MAP_COLOURS.zero : MAP_COLOURS.border, width: 1, dash: score === 0 ? undefined : [3, 3] });
		}
		for (const column of layout.columns) shapes.push({ kind: 'line', x1: gridLeft + column.left, x2: gridLeft + column.left, y1: y, y2: y + height, stroke: MAP_COLOURS.border, width: 1 });
		const order: MapCurve['kind'][] = ['baseline', 'desired', 'actual'];
		const curves = order.flatMap((kind) => layout.curves.filter((c) => c.kind === kind));
		for (const c of curves) shapes.push({ kind: 'path', d: c.path, x: gridLeft, y, fill: 'none', ...curveStroke(c.kind, c.personaIndex) });
		for (const c of curves) {
			for (const p of c.points) {
				const emphasis = c.kind === 'actual' && marked.has(p.touchpoint.id);
				const area = c.kind === 'actual' ? (emphasis ? 200 : 110) : 50;
				shapes.push({ kind: 'path', d: marker(c.personaIndex, area), x: gridLeft + p.x, y: y + p.y, ...markerPaint(c.kind, c.personaIndex, emotionClass(p.touchpoint.emotion)) });
			}
		}
		shapes.push({ kind: 'rect', x: gridLeft, y, width: layout.width, height, stroke: MAP_COLOURS.border });
		y += height;
	}

	if (options.baseline && layout.removed.length > 0) {
		y += 16;
		const intro = `Removed since the baseline (steps of “${options.baseline.title}” whose stage is not on this map):`;
		y += text(PAD, y, wrap(intro, SIZE.cell, true, width - 2 * PAD), SIZE.cell, { bold: true });
		y += text(PAD, y, layout.removed.flatMap((t) => wrap(`• ${t.name} ${t.emotion ? signed(t.emotion.actual) : ''}`, SIZE.cell, false, width - 2 * PAD)), SIZE.cell);
	}

	return {
		width,
		height: Math.ceil(y + PAD),
		title: `Journey map: ${clean(journey.title)}`,
		description: `${counts}. Stages across the top, lanes down the side, the emotion curve through the touchpoint columns.`,
		shapes,
	};
}

/** How a curve's line is drawn: persona colour for feelings, dashes for the desired and the baseline curve. */
function curveStroke(kind: MapCurve['kind'], personaIndex: number): { stroke: string; width: number; dash?: number[] } {
	if (kind === 'desired') return { stroke: MAP_COLOURS.desired, width: 2, dash: [7, 5] };
	if (kind === 'baseline') return { stroke: MAP_COLOURS.baseline, width: 2.5, dash: [2, 5] };
	return { stroke: MAP_COLOURS.persona[personaIndex % MAP_COLOURS.persona.length], width: 3 };
}

function markerPaint(kind: MapCurve['kind'], personaIndex: number, emotion: string): { fill: string; stroke: string; width: number } {
	if (kind === 'desired') return { fill: MAP_COLOURS.bg, stroke: MAP_COLOURS.desired, width: 2 };
	if (kind === 'baseline') return { fill: MAP_COLOURS.baseline, stroke: MAP_COLOURS.baseline, width: 2 };
	return { fill: MAP_COLOURS.emotion[emotion] ?? MAP_COLOURS.bg, stroke: MAP_COLOURS.persona[personaIndex % MAP_COLOURS.persona.length], width: 2.5 };
}

/** A branch, a jump or an early end, as the map's column header says it. */
function flowLines(column: MapColumn, layout: MapLayout): string[] {
	const flow = column.flow;
	if (!flow) return [];
	if (flow.kind === 'end') return ['■ The journey ends here'];
	const nameOf = (id: string) => layout.columns.find((c) => c.touchpoint?.id === id)?.touchpoint?.name ?? id;
	return [
		flow.kind === 'branch' ? `Branches ${flow.edges.length} ways:` : 'Continues at',
		...flow.edges.map((edge) => `→ ${edge.label ?? nameOf(edge.to)}${edge.share === undefined ? '' : ` (${percent(edge.share)})`}`),
	];
}

/** A map cell (the site's markup) as paragraphs of plain text: inline parts run together, each list item is its own line. */
function cellParagraphs(cell: Part | Part[]): string[] {
	const paragraphs: string[] = [];
	let inline = '';
	const flush = () => {
		if (inline.trim()) paragraphs.push(inline.trim());
		inline = '';
	};
	const visit = (part: Part) => {
		if (typeof part === 'string') inline += part;
		else if (part.tagName === 'ul' || part.tagName === 'ol') {
			flush();
			for (const item of part.children) if (item.type === 'element') paragraphs.push(`• ${toString(item)}`);
		} else if (part.tagName === 'q') inline += `“${toString(part)}”`;
		else if (part.tagName === 'img') inline += typeof part.properties.alt === 'string' && part.properties.alt ? `[${part.properties.alt}]` : '';
		else if (part.children.some((child) => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'img'))) part.children.forEach((child) => child.type === 'text' ? (inline += child.value) : child.type === 'element' && visit(child as Element));
		else inline += toString(part);
	};
	for (const part of [cell].flat()) {
		// Parts the site sets apart with CSS (an owner and its criticality) get a separator here.
		const before = inline;
		visit(part);
		if (before && inline.length > before.length && !/\s$/.test(before) && !/^[\s(,.]/.test(inline.slice(before.length))) inline = `${before} · ${inline.slice(before.length)}`;
	}
	flush();
	return paragraphs;
}
