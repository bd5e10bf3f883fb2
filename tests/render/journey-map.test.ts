/**
 * The journey map renderer: one column per touchpoint at a fixed width, every curve point at the
 * centre of its touchpoint's column, lanes in their fixed order with empty ones collapsed, a curve
 * per persona, the baseline matched by touchpoint then stage (never dropped silently), and the
 * flow's branches and ends visible in the column headers.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { type Journey, journeyInsights, touchpointsOf } from '../../src/core/index.ts';
import { journeyMap, MAP_LANES, MAP_SIZE, mapLayout } from '../../src/render/index.ts';
import { curveWindow } from '../../src/render/map-layout.ts';
import { sampleJourney, sampleProject } from '../helpers.ts';

const parse = (journey: Journey, options: Parameters<typeof journeyMap>[1] = {}) => fromHtml(journeyMap(journey, options), { fragment: true });
const prop = (node: Element, name: string) => String(node.properties[name]);
/** The x of a marker, from its `translate(x,y)`. */
const markerX = (node: Element) => Number(/translate\(([-\d.]+),/.exec(prop(node, 'transform'))![1]);

describe('the pizza map', async () => {
	const pizza = await sampleJourney('restaurant/pizza-visit');
	const tree = parse(pizza);
	const touchpoints = touchpointsOf(pizza);

	test('is a section#map with a header cell per touchpoint, in journey order', () => {
		expect(select('section#map', tree)).toBeDefined();
		const headers = selectAll('th[data-touchpoint]', tree);
		expect(headers.map((th) => prop(th, 'dataTouchpoint'))).toEqual(touchpoints.map((t) => t.id));
		expect(headers.map((th) => toString(select('a', th)!))).toEqual(touchpoints.map((t) => t.name));
	});

	test('columns have the fixed width, and every point sits at the centre of its column', () => {
		const cols = selectAll('col', tree).map((col) => prop(col, 'style'));
		expect(cols).toEqual([`width: ${MAP_SIZE.label}px`, ...touchpoints.map(() => `width: ${MAP_SIZE.column}px`)]);
		const markers = selectAll('svg [data-curve][data-touchpoint]', tree);
		expect(markers).toHaveLength(touchpoints.filter((t) => t.emotion).length);
		for (const marker of markers) {
			const index = touchpoints.findIndex((t) => t.id === prop(marker, 'dataTouchpoint'));
			expect(markerX(marker)).toBe(index * MAP_SIZE.column + MAP_SIZE.column / 2);
		}
		expect(prop(select('svg.cjm-map-curve', tree)!, 'width')).toBe(String(touchpoints.length * MAP_SIZE.column));
	});

	test('one actual curve for everyone, its path marked with data-curve and data-persona="all"', () => {
		const paths = selectAll('path.cjm-map-line[data-curve]', tree);
		expect(paths.map((p) => [prop(p, 'dataCurve'), prop(p, 'dataPersona')])).toEqual([['actual', 'all']]);
	});

	test('lanes come in the fixed order, after the touchpoint row', () => {
		const rows = selectAll('tr[data-lane]', tree).map((row) => prop(row, 'dataLane'));
		const order = ['touchpoint', ...MAP_LANES.map((lane) => lane.id)];
		expect(rows[0]).toBe('touchpoint');
		expect(rows.map((id) => order.indexOf(id))).toEqual([...rows.map((id) => order.indexOf(id))].sort((a, b) => a - b));
	});

	test('the stage band names each stage with its goal and moment of truth', () => {
		const stages = selectAll('th.cjm-map-stage', tree);
		expect(stages.map((th) => toString(select('.cjm-map-stage-name', th)!))).toEqual(pizza.stages.map((s) => s.name));
		expect(stages.map((th) => Number(th.properties.colSpan))).toEqual(pizza.stages.map((s) => Math.max(1, s.touchpoints.length)));
		expect(toString(stages[0])).toContain(pizza.stages[0].goal!);
	});
});

test('a lane no touchpoint fills collapses', async () => {
	const pizza = structuredClone(await sampleJourney('restaurant/pizza-visit'));
	for (const t of touchpointsOf(pizza)) {
		delete t.support;
		delete t.backstage;
	}
	const rows = selectAll('tr[data-lane]', parse(pizza)).map((row) => prop(row, 'dataLane'));
	expect(rows).not.toContain('support');
	expect(rows).not.toContain('backstage');
	expect(rows).toContain('pains');
});

describe('the B2B map', async () => {
	const b2b = await sampleJourney('b2b/software-purchase');
	const tree = parse(b2b, { personaNames: { 'b2b/it-buyer': 'Jonas', 'b2b/team-lead': 'Sofia' } });

	test('two curves, one per persona, each through its own touchpoints only, named in the legend', () => {
		const paths = selectAll('path.cjm-map-line[data-curve="actual"]', tree);
		expect(paths.map((p) => prop(p, 'dataPersona'))).toEqual(b2b.personas);
		const personaOf = new Map(touchpointsOf(b2b).map((t) => [t.id, t.persona]));
		for (const persona of b2b.personas) {
			const points = selectAll(`path[data-curve="actual"][data-touchpoint][data-persona="${persona}"]`, tree);
			expect(points.length).toBeGreaterThan(2);
			expect(points.every((p) => personaOf.get(prop(p, 'dataTouchpoint')) === persona)).toBe(true);
		}
		expect(toString(select('.cjm-map-legend', tree)!)).toMatch(/Jonas.*Sofia/);
		// Different marker shapes, not only colours.
		const shapes = b2b.personas.map((persona) => prop(select(`path[data-curve="actual"][data-touchpoint][data-persona="${persona}"]`, tree)!, 'd'));
		expect(new Set(shapes).size).toBe(2);
	});
});

describe('a future state with its baseline', async () => {
	const current = await sampleJourney('online-store/signup-current');
	const future = await sampleJourney('online-store/signup-future');

	test('baseline points matched by touchpoint id sit on that column; the unmatched are listed as removed', () => {
		const layout = mapLayout(future, { baseline: current });
		const baseline = layout.curves.find((c) => c.kind === 'baseline')!;
		const centre = new Map(layout.columns.map((c) => [c.touchpoint?.id, c.centre]));
		for (const point of baseline.points) expect(point.x).toBe(centre.get(point.touchpoint.id));
		const drawn = baseline.points.map((p) => p.touchpoint.id);
		const listed = layout.removed.map((t) => t.id);
		// Every baseline touchpoint with an emotion is drawn or listed: none is dropped silently.
		expect([...drawn, ...listed].sort()).toEqual(touchpointsOf(current).filter((t) => t.emotion).map((t) => t.id).sort());
		const tree = parse(future, { baseline: current });
		expect(toString(select('.cjm-map-removed', tree)!)).toContain('Removed since the baseline');
		expect(selectAll('svg [data-curve="baseline"][data-touchpoint]', tree)).toHaveLength(drawn.length);
	});

	test('a baseline touchpoint without a counterpart but with its stage on the map is drawn inside that stage', () => {
		const changed = structuredClone(current);
		const stage = changed.stages[1];
		const moved = stage.touchpoints[0];
		const baseline = structuredClone(current);
		baseline.stages[1].touchpoints[0].id = 'a-step-that-is-gone';
		const layout = mapLayout(changed, { baseline });
		const point = layout.curves.find((c) => c.kind === 'baseline')!.points.find((p) => p.touchpoint.id === 'a-step-that-is-gone')!;
		const span = layout.stages.find((s) => s.stage.id === stage.id)!;
		expect(point.matched).toBe('stage');
		expect(point.x).toBeGreaterThan(span.left);
		expect(point.x).toBeLessThan(span.left + span.width);
		expect(layout.removed).toEqual([]);
		expect(moved.id).not.toBe('a-step-that-is-gone');
	});
});

test('branches, jumps and early ends of the flow show in the column headers', async () => {
	const trial = await sampleJourney('saas/trial-evaluation');
	const tree = parse(trial);
	const branch = select('th[data-touchpoint="invite-decision"] .cjm-map-flow--branch', tree)!;
	expect(selectAll('a', branch).map((a) => prop(a, 'href'))).toEqual(['#touchpoint-invite-team', '#touchpoint-trial-goes-quiet']);
	expect(toString(branch)).toContain('(60%)');
	expect(select('th[data-touchpoint="trial-goes-quiet"] .cjm-map-flow--end', tree)).toBeDefined();
	const last = touchpointsOf(trial).at(-1)!;
	expect(select(`th[data-touchpoint="${last.id}"] .cjm-map-flow`, tree)).toBeUndefined();
});

test('below 700 px the same content is a timeline: a card per touchpoint with its emotion', async () => {
	const pizza = await sampleJourney('restaurant/pizza-visit');
	const tree = parse(pizza);
	const cards = selectAll('.cjm-timeline [data-card]', tree);
	expect(cards.map((card) => prop(card, 'dataCard'))).toEqual(touchpointsOf(pizza).map((t) => t.id));
	expect(selectAll('.cjm-timeline h3', tree).map(toString)).toEqual(pizza.stages.map((s) => s.name));
	expect(selectAll('.cjm-timeline .cjm-score', tree)).toHaveLength(touchpointsOf(pizza).filter((t) => t.emotion).length);
});

/** A path's cubic segments, each with its start point, and the x range it spans. */
function segments(path: string) {
	const [head, ...rest] = path.split('C');
	let start = head.slice(1).replace(/Z$/, '');
	return rest.map((text) => {
		const numbers = text.split(',').map(Number);
		const segment = { key: `${start} C${text}`, x0: Number(start.split(',')[0]), x1: numbers[4] };
		start = `${numbers[4]},${numbers[5]}`;
		return segment;
	});
}

test('each card strip draws the map’s own curve where its window shows it, from a path a few columns long', async () => {
	for (const journey of (await sampleProject()).journeys) {
		const layout = mapLayout(journey);
		for (const curve of layout.curves.filter((c) => c.kind === 'actual')) {
			const full = segments(curve.path);
			for (const column of layout.columns) {
				const [from, to] = [column.centre - 3.5 * MAP_SIZE.column, column.centre + 3.5 * MAP_SIZE.column];
				const shown = (list: ReturnType<typeof segments>) => list.filter((segment) => segment.x1 > from && segment.x0 < to).map((segment) => segment.key);
				const window = segments(curveWindow(curve, from, to));
				expect(shown(window)).toEqual(shown(full));
				// The shown segments, and at most one more on each side.
				expect(window.length).toBeLessThanOrEqual(shown(full).length + 2);
			}
		}
	}
});

test('a rapid drop redraws the map’s own curve where its clip shows it, from a path a few columns long', async () => {
	let drops = 0;
	for (const journey of (await sampleProject()).journeys) {
		const tree = parse(journey, { insights: journeyInsights(journey) });
		const full = segments(mapLayout(journey).curves.find((c) => c.kind === 'actual' && c.persona === 'all')?.path ?? 'M0,0');
		for (const drop of selectAll('path.cjm-map-drop[data-persona-of="all"]', tree)) {
			const clip = select(`clipPath#${/url\(#(.+)\)/.exec(prop(drop, 'clipPath'))![1]} rect`, tree)!;
			const [from, to] = [Number(prop(clip, 'x')), Number(prop(clip, 'x')) + Number(prop(clip, 'width'))];
			const shown = (list: ReturnType<typeof segments>) => list.filter((segment) => segment.x1 > from && segment.x0 < to).map((segment) => segment.key);
			const drawn = segments(prop(drop, 'd'));
			expect(shown(drawn)).toEqual(shown(full));
			expect(shown(drawn).length).toBeGreaterThan(0);
			expect(drawn.length).toBeLessThanOrEqual(shown(full).length + 2);
			drops++;
		}
	}
	expect(drops).toBeGreaterThan(0);
});

test('user text is escaped everywhere on the map', async () => {
	const pizza = structuredClone(await sampleJourney('restaurant/pizza-visit'));
	const payload = '<script>window.__xss=1</script><img src=x onerror=alert(1)>';
	pizza.title = payload;
	pizza.stages[0].name = payload;
	pizza.stages[0].touchpoints[0].name = payload;
	pizza.stages[0].touchpoints[0].pains = [{ text: payload }];
	const html = journeyMap(pizza);
	// Inside quoted attribute values `<` is plain text; anywhere else it would start markup.
	expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<(script|img)/);
	const tree = fromHtml(html, { fragment: true });
	expect(selectAll('script, img', tree)).toEqual([]);
	expect(toString(select('th[data-touchpoint] a', tree)!)).toBe(payload);
});
