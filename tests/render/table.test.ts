import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { touchpointsOf } from '../../src/core/index.ts';
import { journeyTable, journeyTableMarkdown } from '../../src/render/index.ts';
import { sampleJourney, sampleProject } from '../helpers.ts';

const text = (node: Element | undefined) => (node ? toString(node).trim() : undefined);

describe('journeyTable', async () => {
	const pizza = await sampleJourney('restaurant/pizza-visit');
	const tree = fromHtml(journeyTable(pizza), { fragment: true });

	test('has one column group per stage, spanning its touchpoints', () => {
		const stages = selectAll('thead tr:first-child th', tree);
		expect(stages.map(text)).toEqual(pizza.stages.map((s) => `${s.name}${s.goal ?? ''}`));
		expect(stages.map((th) => th.properties.colSpan)).toEqual(pizza.stages.map((s) => s.touchpoints.length));
		expect(stages.every((th) => th.properties.scope === 'colgroup')).toBe(true);
	});

	test('has one column per touchpoint, with deep-link anchors', () => {
		const columns = selectAll('thead tr:nth-child(2) th.cjm-touchpoint', tree);
		expect(columns.map(text)).toEqual(touchpointsOf(pizza).map((t) => t.name));
		expect(columns.map((th) => th.properties.id)).toEqual(touchpointsOf(pizza).map((t) => `touchpoint-${t.id}`));
		expect(columns.every((th) => th.properties.scope === 'col')).toBe(true);
	});

	test('has the lanes as row headers, with blueprint lanes when used', () => {
		const lanes = selectAll('tbody th[scope=row]', tree).map(text);
		expect(lanes).toEqual(['Channel', 'Time', 'Doing', 'Thinking', 'Feeling', 'Pains', 'Opportunities', 'Owner', 'Criticality', 'Conversion & KPIs', 'Backstage', 'Support']);
		const rows = selectAll('tbody tr', tree);
		expect(rows.every((row) => selectAll('td', row).length === touchpointsOf(pizza).length)).toBe(true);
	});

	test('puts each touchpoint’s data in its own cell', () => {
		const touchpoints = touchpointsOf(pizza);
		const painRow = selectAll('tbody tr', tree).find((row) => text(select('th', row)) === 'Pains')!;
		const cells = selectAll('td', painRow);
		touchpoints.forEach((t, i) => expect(selectAll('li', cells[i]).length).toBe(t.pains.length));
		const feelingRow = selectAll('tbody tr', tree).find((row) => text(select('th', row)) === 'Feeling')!;
		const scores = selectAll('td', feelingRow).map((cell) => text(select('.cjm-score', cell)));
		expect(scores).toEqual(touchpoints.map((t) => (t.emotion ? String(t.emotion.actual).replace('-', '−').replace(/^(\d)/, (d) => (d === '0' ? d : `+${d}`)) : undefined)));
	});

	test('adds time and persona lanes for multi-persona, day-in-the-life maps', async () => {
		const b2b = fromHtml(journeyTable(await sampleJourney('b2b/software-purchase')), { fragment: true });
		const lanes = selectAll('tbody th[scope=row]', b2b).map(text);
		expect(lanes).toContain('Time');
		expect(lanes).toContain('Persona');
	});

	test('is deterministic', async () => {
		for (const journey of (await sampleProject()).journeys) expect(journeyTable(journey)).toBe(journeyTable(journey));
	});
});

describe('journeyTableMarkdown', () => {
	test('has a header and one row per touchpoint', async () => {
		const journey = await sampleJourney('online-store/signup-current');
		const lines = journeyTableMarkdown(journey).trim().split('\n');
		expect(lines[0]).toBe('| Stage | Touchpoint | Channel | Emotion | Pains | Opportunities | Owner | Conversion |');
		expect(lines).toHaveLength(2 + touchpointsOf(journey).length);
		const confirm = lines.find((line) => line.includes('| 30% |'));
		expect(confirm).toBeDefined();
	});
});
