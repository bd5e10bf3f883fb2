/**
 * The map as one SVG file: well-formed XML, nothing that runs or loads, every touchpoint name as
 * real text, the site's layout (one column per touchpoint, curve points at column centres), and
 * wrapped lines that fit their columns in the map's real font.
 */
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { describe, expect, test } from 'vitest';
import { type Journey, touchpointsOf } from '../../src/core/index.ts';
import { svgProblem } from '../../src/core/svg-safety.ts';
import { MAP_SIZE, mapLayout, mapScene, mapSvg, wrapText } from '../../src/render/index.ts';
import { sampleProject } from '../helpers.ts';

interface Parsed {
	elements: string[];
	attributes: string[];
	/** The text of each <text> element, in document order. */
	texts: string[];
	root: Record<string, string>;
}

function parseSvg(svg: string): Parsed {
	const parser = new SaxesParser({ xmlns: true });
	const parsed: Parsed = { elements: [], attributes: [], texts: [], root: {} };
	let inText = false;
	parser.on('opentag', (tag) => {
		if (parsed.elements.length === 0) parsed.root = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
		parsed.elements.push(tag.local);
		parsed.attributes.push(...Object.values(tag.attributes).map((a) => a.name));
		if (tag.local === 'text') {
			inText = true;
			parsed.texts.push('');
		}
	});
	parser.on('text', (text) => {
		if (inText) parsed.texts[parsed.texts.length - 1] += text;
	});
	parser.on('closetag', (tag) => {
		if (tag.local === 'text') inText = false;
	});
	parser.write(svg).close();
	return parsed;
}

const project = await sampleProject();
const options = (journey: Journey) => ({
	baseline: project.journeys.find((each) => each.id === journey.baseline),
	personaNames: Object.fromEntries(project.personas.map((p) => [p.id, p.name])),
});

describe('the map as SVG', () => {
	test.each(project.journeys.map((journey) => [journey.id, journey] as const))('%s: well-formed, self-contained, every touchpoint name as text', (_id, journey) => {
		const svg = mapSvg(journey, options(journey));
		const parsed = parseSvg(svg);
		expect(parsed.elements[0]).toBe('svg');
		expect(svgProblem(svg)).toBeUndefined();
		expect(parsed.elements).not.toContain('script');
		expect(parsed.elements).not.toContain('style');
		expect(parsed.elements).not.toContain('image');
		expect(parsed.attributes.filter((name) => /href$|^on/i.test(name))).toEqual([]);
		expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/url\(|https?:\/\//);
		// A name may wrap over several lines, each its own <text>: read them as one string.
		const words = parsed.texts.join(' ');
		for (const touchpoint of touchpointsOf(journey)) expect(words).toContain(touchpoint.name);
		for (const stage of journey.stages) expect(words).toContain(stage.name);
		expect(mapSvg(journey, options(journey))).toBe(svg);
	});

	test('the pizza map: the site layout, one column per touchpoint, the lane labels on the left', async () => {
		const pizza = project.journeys.find((each) => each.id === 'restaurant/pizza-visit')!;
		const layout = mapLayout(pizza);
		const parsed = parseSvg(mapSvg(pizza, options(pizza)));
		expect(Number(parsed.root.width)).toBe(2 * 24 + MAP_SIZE.label + touchpointsOf(pizza).length * MAP_SIZE.column);
		for (const label of ['Touchpoint', 'Channel', 'Doing', 'Thinking', 'Feeling', 'Emotion', 'Pains', 'Opportunities']) expect(parsed.texts).toContain(label);
		expect(parsed.texts).toContain('How the customer feels');
		// Curve markers sit on the layout's points: the scene draws them at the layout's x, shifted by the label column.
		const scene = mapScene(pizza);
		const gridLeft = 24 + MAP_SIZE.label;
		const markers = scene.shapes.filter((shape) => shape.kind === 'path' && shape.y > 0 && shape.x !== gridLeft && shape.width === 2.5);
		const actual = layout.curves.find((c) => c.kind === 'actual')!;
		expect(markers.slice(-actual.points.length).map((m) => (m.kind === 'path' ? m.x - gridLeft : NaN))).toEqual(actual.points.map((p) => p.x));
	});

	test('the two-persona map names both curves in its legend, each person once', () => {
		const b2b = project.journeys.find((each) => each.id === 'b2b/software-purchase')!;
		const parsed = parseSvg(mapSvg(b2b, options(b2b)));
		for (const persona of b2b.personas) {
			const name = project.personas.find((p) => p.id === persona)!.name;
			expect(parsed.texts).toContain(name);
		}
	});

	test('the future state draws its baseline curve and names it in the legend', () => {
		const future = project.journeys.find((each) => each.id === 'online-store/signup-future')!;
		const parsed = parseSvg(mapSvg(future, options(future)));
		expect(parsed.texts.some((text) => text.startsWith('Baseline: '))).toBe(true);
	});

	test('wrapped lines fit their column in Source Sans 3, the font the exports bring', () => {
		const font = (name: string) => fontkit.create(readFileSync(new URL(import.meta.resolve(`source-sans/TTF/${name}`))));
		const regular = font('SourceSans3-Regular.ttf');
		const bold = font('SourceSans3-Bold.ttf');
		const within = MAP_SIZE.column - 16;
		const texts = project.journeys.flatMap((journey) =>
			touchpointsOf(journey).flatMap((t) => [t.name, t.action ?? '', t.thinking ?? '', ...t.pains.map((p) => p.text), ...t.opportunities.map((o) => o.text)])
		);
		expect(texts.length).toBeGreaterThan(100);
		for (const text of texts) {
			for (const [size, isBold] of [[13, false], [14, true]] as const) {
				for (const line of wrapText(text, within, size, isBold)) {
					const measured = ((isBold ? bold : regular).layout(line).advanceWidth / 1000) * size;
					expect(measured, `"${line}" at ${size} px`).toBeLessThanOrEqual(within);
				}
			}
		}
	});

	test('a long unbroken word is cut to the width; existing lines stay lines', () => {
		const lines = wrapText(`${'x'.repeat(200)} short\nnext`, 100, 13);
		expect(lines.length).toBeGreaterThan(3);
		expect(lines.at(-1)).toBe('next');
		expect(lines.slice(0, -2).every((line) => /^x+$/.test(line))).toBe(true);
	});
});
