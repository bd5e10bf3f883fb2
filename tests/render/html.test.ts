/**
 * `htmlOf` writes exactly what `hast-util-to-html` writes with its defaults: on every tree the
 * render layer builds for the sample journeys (including a future state with its baseline), and
 * on generated trees with the awkward parts of HTML (SVG and its HTML integration points, void
 * elements, boolean and list attributes, comments that could end early, text that looks like markup).
 */
import fc from 'fast-check';
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { emotionChartTree, emotionDataTable, htmlOf, insightList, journeyMapTree, journeyTableTree } from '../../src/render/index.ts';
import { sampleProject } from '../helpers.ts';

const RUNS = Number(process.env.CJM_PROPERTY_RUNS) || 300;

describe('htmlOf', () => {
	test('gives the same HTML as hast-util-to-html for every view of every sample journey', async () => {
		const project = await sampleProject();
		const future = project.journeys.find((journey) => journey.baseline);
		expect(future).toBeDefined();
		for (const journey of project.journeys) {
			const baseline = journey.baseline ? project.journeys.find((each) => each.id === journey.baseline) : undefined;
			const trees: Array<[string, Nodes]> = [
				['map', journeyMapTree(journey, { baseline })],
				['table', journeyTableTree(journey)],
				['insights', insightList(journey)],
				['emotion data', emotionDataTable(journey)],
			];
			for (const [view, tree] of trees) expect(htmlOf(tree), `${journey.id} ${view}`).toBe(toHtml(tree));
			const chart = emotionChartTree(journey);
			expect(htmlOf(chart, { space: 'svg' }), `${journey.id} chart`).toBe(toHtml(chart, { space: 'svg' }));
		}
	});

	// Text with every character the serializer has to think about.
	const text = fc.string({ unit: fc.constantFrom(...'ab <>&"\'`=/\0\t\n-!é🙂'), maxLength: 12 });
	const value = fc.oneof(
		text,
		fc.boolean(),
		fc.integer({ min: -5, max: 5 }),
		fc.constant(Number.NaN),
		fc.constant(null),
		fc.array(fc.oneof(text, fc.integer({ min: 0, max: 9 })), { maxLength: 3 })
	);
	// Known properties of each kind (booleans, overloaded booleans, space- and comma-separated lists), unknown ones, data and ARIA.
	const properties = fc.dictionary(fc.constantFrom('className', 'id', 'hidden', 'download', 'accept', 'dataCard', 'ariaLabel', 'viewBox', 'strokeWidth', 'title', 'unknownThing', 'xLinkHref'), value, {
		maxKeys: 4,
	});
	const tagName = fc.constantFrom('div', 'p', 'br', 'img', 'input', 'svg', 'path', 'title', 'desc', 'foreignObject', 'g', 'script', 'style', 'li');
	const { node } = fc.letrec<{ node: ElementContent }>((tie) => ({
		node: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			text.map((value): ElementContent => ({ type: 'text', value })),
			text.map((value): ElementContent => ({ type: 'comment', value })),
			fc
				.record({ tagName, properties, children: fc.array(tie('node'), { maxLength: 3 }) })
				.map(({ tagName, properties, children }): Element => ({ type: 'element', tagName, properties: properties as Element['properties'], children }))
		),
	}));

	test('gives the same HTML as hast-util-to-html on generated trees, in HTML and in SVG', () => {
		fc.assert(
			fc.property(fc.array(node, { maxLength: 4 }), fc.constantFrom('html' as const, 'svg' as const), (children, space) => {
				const tree: Root = { type: 'root', children };
				expect(htmlOf(tree, { space })).toBe(toHtml(tree, { space }));
			}),
			{ numRuns: RUNS }
		);
	});

	test('escapes raw HTML as text, as hast-util-to-html does by default', () => {
		const tree: Root = { type: 'root', children: [{ type: 'raw', value: '<script>alert(1)</script>' }] };
		expect(htmlOf(tree)).toBe('&#x3C;script>alert(1)&#x3C;/script>');
		expect(htmlOf(tree)).toBe(toHtml(tree));
	});
});
