/**
 * Hostile labels in every HTML and SVG view: whatever a journey file says, the output stays
 * well-formed, shows the text as text, and contains nothing that runs.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import type { Journey } from '../../src/core/index.ts';
import { emotionChart, emotionDataTable, insightList, journeyTable, journeyTableMarkdown, markdownHtml } from '../../src/render/index.ts';
import { toHtml } from 'hast-util-to-html';

const HOSTILE = [
	'<script>window.__xss = 1</script>',
	'<img src=x onerror="window.__xss=1">',
	'"quotes" and \'apostrophes\'',
	'[brackets] {braces} (parens)',
	'a --> b',
	'%% not a comment',
	'🙂 emoji 👩‍👩‍👧',
	'مرحبا بالعالم',
	'שלום עולם',
	'</td></tr></table><b>escaped?</b>',
	'javascript:alert(1)',
];

function hostileJourney(): Journey {
	const touchpoints = HOSTILE.map((label, i) => ({
		id: `t${i}`,
		name: label,
		stage: 's',
		channels: [label],
		action: label,
		thinking: label,
		feeling: label,
		emotion: { actual: (i % 5) - 2, desired: 2 },
		pains: [{ text: label, owner: label, impact: 3, effort: 2 }],
		opportunities: [{ text: label }],
		owner: label,
		criticality: 'high' as const,
		conversion: 0.5,
		kpis: { [label]: label },
		backstage: label,
		support: label,
		time: label,
		persona: 'p',
		next: i < HOSTILE.length - 1 ? [{ to: `t${i + 1}`, label }] : [],
	}));
	return {
		id: 'hostile',
		path: 'journeys/hostile.md',
		title: HOSTILE[0],
		personas: ['p'],
		scenario: HOSTILE[1],
		state: 'current',
		sources: [{ title: HOSTILE[1], url: 'https://example.com' }],
		tags: [],
		stages: [{ id: 's', name: HOSTILE[4], goal: HOSTILE[1], touchpoints }],
		narrative: [],
		body: '',
	};
}

/** Elements and attributes that would run code if the browser parsed them out of our output. */
function activeContent(tree: Root): string[] {
	const found: string[] = [];
	visit(tree, 'element', (node: Element) => {
		if (['script', 'iframe', 'object', 'embed'].includes(node.tagName)) found.push(`<${node.tagName}>`);
		for (const [name, value] of Object.entries(node.properties)) {
			if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
			if ((name === 'href' || name === 'src') && String(value).trim().toLowerCase().startsWith('javascript:')) found.push(`${node.tagName}[${name}=javascript:]`);
		}
	});
	return found;
}

describe('hostile labels', () => {
	const journey = hostileJourney();

	test.each([
		['table', () => journeyTable(journey), false],
		['emotion chart', () => emotionChart(journey, { standalone: true }), true],
		['chart data table', () => toHtml(emotionDataTable(journey)), false],
		['insights', () => toHtml(insightList(journey)), false],
	])('the %s stays inert and keeps its markup', (_, render, svg) => {
		const html = render();
		const tree = fromHtml(html, { fragment: true, ...(svg ? { space: 'svg' as const } : {}) });
		expect(activeContent(tree)).toEqual([]);
		// Parsing and printing again gives the same markup: nothing in a label closed or opened an element.
		expect(toHtml(tree, svg ? { space: 'svg' } : {})).toBe(html);
	});

	test.each([
		['table', () => fromHtml(journeyTable(journey), { fragment: true })],
		['chart data table', () => fromHtml(toHtml(emotionDataTable(journey)), { fragment: true })],
	])('the %s shows every label as text', (_, tree) => {
		const text = toString(tree());
		for (const label of HOSTILE) expect(text).toContain(label);
	});

	test('the table keeps one column per touchpoint whatever the labels say', () => {
		const tree = fromHtml(journeyTable(journey), { fragment: true });
		expect(selectAll('thead tr:nth-child(2) th.cjm-touchpoint', tree)).toHaveLength(HOSTILE.length);
		for (const row of selectAll('tbody tr', tree)) expect(selectAll('td', row)).toHaveLength(HOSTILE.length);
	});

	test('the Markdown table keeps its shape: pipes and HTML in labels are escaped', () => {
		const lines = journeyTableMarkdown(journey).trim().split('\n');
		expect(lines).toHaveLength(2 + HOSTILE.length);
		const columns = (line: string) => line.split(/(?<!\\)\|/).length;
		for (const line of lines) expect(columns(line)).toBe(columns(lines[0]));
		// Every `<` is escaped (`\<`), so GitHub shows the tags as text.
		expect(lines.join('\n')).not.toMatch(/(?<!\\)<(script|img)/);
	});

	test('raw HTML in Markdown bodies is dropped, not rendered', () => {
		const html = markdownHtml(`Hello ${HOSTILE[0]} and ${HOSTILE[1]}\n\n<iframe src="x"></iframe>\n\n[click](javascript:alert(1))`);
		expect(activeContent(fromHtml(html, { fragment: true }))).toEqual([]);
		expect(html).toContain('Hello');
	});
});
