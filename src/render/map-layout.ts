/**
 * The journey map's geometry, computed once: one fixed-width column per touchpoint, stage spans
 * over them, which lanes have content, where each curve's points sit (x at the centre of their
 * touchpoint's column), and where the flow branches or ends. Pure data, no markup: the HTML map,
 * the small-screen timeline and an SVG export draw the same layout.
 */
import { scaleLinear } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { curvePersonas, type Edge, type Journey, personaCurves, type Stage, type Touchpoint, touchpointsOf } from '../core/index.ts';

/** Sizes in CSS pixels. The HTML map sets its columns to these widths, so the curve's x and the table agree. */
export const MAP_SIZE = {
	/** Width of a touchpoint column. */
	column: 184,
	/** Width of the lane-label column. */
	label: 136,
	/** Height of the emotion lane. */
	curve: 176,
	/** Space above +2 and below −2 in the emotion lane, for markers and their outlines. */
	curvePadding: 20,
};

/**
 * The lanes, in the order a map shows them. `filled` says whether a touchpoint has something for
 * the lane; a lane no touchpoint fills collapses. (The touchpoint lane is the column header row.)
 */
export const MAP_LANES = [
	// Storyboard pictures: a presenter may hide them for a compact map, like any other lane.
	{ id: 'image', label: 'Image', filled: (t: Touchpoint) => (t.image?.length ?? 0) > 0 },
	{ id: 'channel', label: 'Channel', filled: (t: Touchpoint) => t.channels.length > 0 },
	{ id: 'doing', label: 'Doing', filled: (t: Touchpoint) => Boolean(t.action) },
	{ id: 'thinking', label: 'Thinking', filled: (t: Touchpoint) => Boolean(t.thinking) },
	{ id: 'feeling', label: 'Feeling', filled: (t: Touchpoint) => Boolean(t.feeling) || t.emotion !== undefined },
	{ id: 'emotion', label: 'Emotion', filled: (t: Touchpoint) => t.emotion !== undefined },
	{ id: 'pains', label: 'Pains', filled: (t: Touchpoint) => t.pains.length > 0 },
	{ id: 'opportunities', label: 'Opportunities', filled: (t: Touchpoint) => t.opportunities.length > 0 },
	{ id: 'owner', label: 'Owner & criticality', filled: (t: Touchpoint) => Boolean(t.owner || t.criticality || t.evidence) },
	{ id: 'conversion', label: 'Conversion & KPIs', filled: (t: Touchpoint) => t.conversion !== undefined || Object.keys(t.kpis).length > 0 || t.measured !== undefined },
	{ id: 'backstage', label: 'Backstage', filled: (t: Touchpoint) => Boolean(t.backstage) },
	{ id: 'support', label: 'Support', filled: (t: Touchpoint) => Boolean(t.support) },
] as const;

export type LaneId = (typeof MAP_LANES)[number]['id'];
export type CurveKind = 'actual' | 'desired' | 'baseline';

/** How the flow leaves a touchpoint, when that is not simply "on to the next column". */
export type FlowMark = { kind: 'branch'; edges: Edge[] } | { kind: 'jump'; edges: Edge[] } | { kind: 'end' };

export interface MapColumn {
	index: number;
	stage: Stage;
	/** Absent for the placeholder column of a stage without touchpoints. */
	touchpoint?: Touchpoint;
	/** Left edge and centre, from the start of the touchpoint columns. */
	left: number;
	centre: number;
	flow?: FlowMark;
}

export interface MapStage {
	stage: Stage;
	/** Index of its first column, and how many it spans. */
	first: number;
	span: number;
	left: number;
	width: number;
}

export interface MapPoint {
	touchpoint: Touchpoint;
	score: number;
	x: number;
	y: number;
	/** Baseline points: found by touchpoint id, or (with no such touchpoint any more) by stage. */
	matched?: 'touchpoint' | 'stage';
}

export interface MapCurve {
	kind: CurveKind;
	/** A persona id, or `all`. */
	persona: string;
	/** The persona's place among the map's curves: picks its colour and marker shape. */
	personaIndex: number;
	points: MapPoint[];
	/** SVG path data through the points. */
	path: string;
}

export interface MapLayout {
	columns: MapColumn[];
	stages: MapStage[];
	/** Width of the touchpoint columns together (the emotion lane's width). */
	width: number;
	/** Lanes with content, in map order. */
	lanes: LaneId[];
	/** Whose curves: persona ids, or `['all']`. */
	personas: string[];
	curves: MapCurve[];
	/** The emotion lane's scale: the y of each score from −2 to +2. */
	ticks: Array<{ score: number; y: number }>;
	/** Baseline touchpoints with neither their touchpoint nor their stage on this map: listed, never dropped silently. */
	removed: Touchpoint[];
}

/** The curve through points in order, as on the map: monotone in x, so it never overshoots a score. */
const curvePath = line<MapPoint>().x((p) => p.x).y((p) => p.y).curve(curveMonotoneX);

/**
 * The part of `curve`'s path that shows between x `from` and `to`, drawn exactly as the whole path
 * draws it there. A monotone curve's segment depends on its two points and their neighbours, so
 * the points that span the window and one more on each side give the same segments, in a path as
 * long as the window, not the journey (a card strip per touchpoint would otherwise repeat the
 * whole curve: quadratic in touchpoints).
 */
export function curveWindow(curve: MapCurve, from: number, to: number): string {
	const { points } = curve;
	let first = 0;
	while (first + 1 < points.length && points[first + 1].x <= from) first++;
	let last = points.length - 1;
	while (last - 1 >= 0 && points[last - 1].x >= to) last--;
	return curvePath(points.slice(Math.max(0, first - 1), Math.min(points.length, last + 2))) ?? '';
}

export function mapLayout(journey: Journey, options: { baseline?: Journey } = {}): MapLayout {
	const { column: step, curve: height, curvePadding } = MAP_SIZE;
	const all = touchpointsOf(journey);
	const columns: MapColumn[] = [];
	const stages: MapStage[] = [];
	for (const stage of journey.stages) {
		const first = columns.length;
		// A stage without touchpoints keeps one empty column, so it stays visible on the map.
		for (const touchpoint of stage.touchpoints.length > 0 ? stage.touchpoints : [undefined]) {
			const index = columns.length;
			columns.push({ index, stage, touchpoint, left: index * step, centre: index * step + step / 2, flow: touchpoint && flowMark(touchpoint, all) });
		}
		stages.push({ stage, first, span: columns.length - first, left: first * step, width: (columns.length - first) * step });
	}
	const y = scaleLinear().domain([-2, 2]).range([height - curvePadding, curvePadding]);
	const columnOf = new Map(columns.flatMap((c) => (c.touchpoint ? [[c.touchpoint.id, c] as const] : [])));
	const personas = curvePersonas(journey);
	const curve = (kind: CurveKind, persona: string, points: MapPoint[]): MapCurve[] =>
		points.length === 0 ? [] : [{ kind, persona, personaIndex: Math.max(0, personas.indexOf(persona)), points, path: curvePath(points) ?? '' }];

	const curves: MapCurve[] = personaCurves(journey).flatMap(({ persona, points }) => {
		const at = (touchpoint: Touchpoint, score: number): MapPoint => ({ touchpoint, score, x: columnOf.get(touchpoint.id)!.centre, y: y(score) });
		return [
			...curve('actual', persona, points.map((p) => at(p.touchpoint, p.score))),
			...curve('desired', persona, points.flatMap((p) => (p.desired === undefined ? [] : [at(p.touchpoint, p.desired)]))),
		];
	});
	const removed: Touchpoint[] = [];
	if (options.baseline) {
		const placed = placeBaseline(options.baseline, columnOf, stages, removed);
		for (const { persona, points } of personaCurves(options.baseline)) {
			const drawn = points
				.flatMap((p) => {
					const spot = placed.get(p.touchpoint.id);
					return spot ? [{ touchpoint: p.touchpoint, score: p.score, x: spot.x, y: y(p.score), matched: spot.matched }] : [];
				})
				.sort((a, b) => a.x - b.x);
			// The baseline's personas are this map's when both name the same people; else one curve.
			curves.push(...curve('baseline', personas.includes(persona) ? persona : personas[0], drawn));
		}
	}
	const lanes = MAP_LANES.filter((lane) => all.some((t) => lane.filled(t))).map((lane) => lane.id);
	return { columns, stages, width: columns.length * step, lanes, personas, curves, ticks: [-2, -1, 0, 1, 2].map((score) => ({ score, y: y(score) })), removed };
}

/**
 * Where the baseline's touchpoints go on this map: on the column of the touchpoint with the same
 * id; else spread inside the stage with the same id, kept off its edges so each stays inside the
 * stage; else nowhere, and listed in `removed`.
 */
function placeBaseline(baseline: Journey, columnOf: Map<string, MapColumn>, stages: MapStage[], removed: Touchpoint[]) {
	const placed = new Map<string, { x: number; matched: 'touchpoint' | 'stage' }>();
	for (const stage of baseline.stages) {
		const target = stages.find((s) => s.stage.id === stage.id);
		const unmatched = stage.touchpoints.filter((t) => !columnOf.has(t.id));
		for (const touchpoint of stage.touchpoints) {
			const column = columnOf.get(touchpoint.id);
			if (column) placed.set(touchpoint.id, { x: column.centre, matched: 'touchpoint' });
			else if (target) {
				const k = unmatched.indexOf(touchpoint);
				// k of n, evenly between a quarter column in from each edge of the stage.
				const inset = MAP_SIZE.column / 4;
				placed.set(touchpoint.id, { x: target.left + inset + ((k + 0.5) / unmatched.length) * (target.width - 2 * inset), matched: 'stage' });
			} else if (touchpoint.emotion) removed.push(touchpoint);
		}
	}
	return placed;
}

/** A branch (several targets), a jump (one target that is not the next column), or an end before the last touchpoint. */
function flowMark(touchpoint: Touchpoint, all: Touchpoint[]): FlowMark | undefined {
	const index = all.indexOf(touchpoint);
	const following = all[index + 1];
	if (touchpoint.next.length > 1) return { kind: 'branch', edges: touchpoint.next };
	if (touchpoint.next.length === 0) return following ? { kind: 'end' } : undefined;
	return touchpoint.next[0].to === following?.id ? undefined : { kind: 'jump', edges: touchpoint.next };
}
