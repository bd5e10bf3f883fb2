import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { touchpointsOf } from '../../src/core/index.ts';
import { emotionChart } from '../../src/render/index.ts';
import { sampleJourney } from '../helpers.ts';

const parse = (svg: string) => fromHtml(svg, { fragment: true, space: 'svg' });
const numbers = (node: Element, ...names: string[]) => names.map((name) => Number(node.properties[name]));

describe('emotionChart', async () => {
	const current = await sampleJourney('online-store/signup-current');
	const future = await sampleJourney('online-store/signup-future');
	const tree = parse(emotionChart(current));
	const svg = select('svg', tree)!;

	test('is a labelled group (its points are links) with a title and a description', () => {
		expect(svg.properties.role).toBe('group');
		expect(text(select('title', tree))).toBe(`Emotion curve: ${current.title}`);
		expect(text(select('desc', tree))).toMatch(/^Emotion from −2 \(very negative\) to \+2 \(very positive\) across \d+ touchpoints/);
		expect(String(svg.properties.ariaLabelledBy)).toContain('cjm-chart-title');
	});

	test('has one point per touchpoint, placed by its emotion, left to right', () => {
		const touchpoints = touchpointsOf(current);
		const circles = selectAll('.cjm-chart-point circle', tree);
		expect(circles).toHaveLength(touchpoints.length);
		const xs = circles.map((c) => numbers(c, 'cx')[0]);
		expect([...xs].sort((a, b) => a - b)).toEqual(xs);
		// Higher emotion is higher on the chart (smaller y).
		const ys = new Map(touchpoints.map((t, i) => [t.emotion!.actual, numbers(circles[i], 'cy')[0]]));
		expect(ys.get(2)!).toBeLessThan(ys.get(0)!);
		expect(ys.get(0)!).toBeLessThan(ys.get(-2)!);
	});

	test('has a band and a label for every stage', () => {
		const labels = selectAll('.cjm-chart-stage text > title', tree).map(text);
		expect(labels).toEqual(current.stages.map((s) => s.name));
	});

	test('marks pains, rapid drops and troughs', () => {
		const withPains = touchpointsOf(current).filter((t) => t.pains.length > 0);
		expect(selectAll('.cjm-chart-point .cjm-chart-pain', tree)).toHaveLength(withPains.length);
		expect(selectAll('.cjm-chart-drop', tree).length).toBeGreaterThan(0);
		const trough = select('.cjm-chart-trough', tree)!;
		expect(trough).toBeDefined();
		expect(text(select('title', selectAll('.cjm-chart-point', tree).find((p) => select('.cjm-chart-trough', p))!))).toMatch(/^Waiting for the confirmation e-mail: −2/);
	});

	test('draws the desired line and the baseline curve when given', () => {
		const overlay = parse(emotionChart(future, { baseline: current }));
		expect(select('.cjm-chart-desired', overlay)?.properties.d).toMatch(/^M/);
		expect(select('.cjm-chart-baseline', overlay)?.properties.d).toMatch(/^M/);
		expect(selectAll('.cjm-chart-legend text', overlay).map(text)).toContain('desired emotion');
		expect(select('.cjm-chart-baseline', tree)).toBeUndefined();
	});

	test('leaves gaps where a touchpoint has no emotion', () => {
		const gappy = structuredClone(current);
		gappy.stages[1].touchpoints[0].emotion = undefined;
		const chart = parse(emotionChart(gappy));
		// d3's line with `defined` starts a new sub-path after the gap.
		expect(String(select('.cjm-chart-line', chart)!.properties.d).match(/M/g)).toHaveLength(2);
		expect(selectAll('.cjm-chart-missing', chart)).toHaveLength(1);
	});

	test('embeds the stylesheet only when standalone, and is deterministic', () => {
		expect(emotionChart(current)).not.toContain('<style>');
		expect(emotionChart(current, { standalone: true })).toContain('<style>');
		expect(emotionChart(current)).toBe(emotionChart(current));
	});
});

function text(node: Element | undefined): string | undefined {
	return node ? toString(node).trim() : undefined;
}
