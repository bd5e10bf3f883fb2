/**
 * The catalog in pages: at 250 journeys, three pages of at most 100 rows, each row the journey's
 * own (link, persona, owner, sparkline) with the values the filters match; the index holds them all.
 */
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Journey, routeSlugs } from '../../src/core/index.ts';
import { CATALOG_PAGE_SIZE, catalog, catalogPage, laterCatalogPages } from '../../src/site/catalog.ts';
import { useRouteSlugs } from '../../src/site/urls.ts';
import { sampleProject } from '../helpers.ts';

const parseRow = (html: string) => select('tr', fromHtml(`<table><tbody>${html}</tbody></table>`, { fragment: true }))!;

let journeys: Journey[];
let content: Parameters<typeof catalog>[0];
beforeAll(async () => {
	const project = await sampleProject();
	// The samples, copied until there are 250, in a stable order; one title a browser would run.
	journeys = Array.from({ length: 250 }, (_, i) => {
		const sample = project.journeys[i % project.journeys.length];
		return { ...sample, id: `copy-${String(i).padStart(3, '0')}`, title: i === 7 ? '<script>alert(1)</script>' : `${sample.title} ${i}` };
	});
	useRouteSlugs(routeSlugs({ journeys, personas: project.personas }));
	const byId = new Map(project.personas.map((p) => [p.id, p]));
	content = { journeys, persona: (id) => byId.get(id) };
});

describe('catalog', () => {
	test('pages of 100 rows, in the journeys\' order, with a link to every page', () => {
		const all = catalog(content);
		expect(CATALOG_PAGE_SIZE).toBe(100);
		expect(all.rows).toHaveLength(250);
		expect(all.pages).toBe(3);
		expect(laterCatalogPages(all)).toEqual([2, 3]);
		const pages = [1, 2, 3].map((n) => catalogPage(all, n));
		expect(pages.map((p) => p.rows.length)).toEqual([100, 100, 50]);
		expect(pages.flatMap((p) => p.rows)).toEqual(all.rows);
		expect(pages[2].links).toEqual([
			{ page: 1, href: '/journeys/' },
			{ page: 2, href: '/journeys/page/2/' },
			{ page: 3, href: '/journeys/page/3/' },
		]);
		// Built once however many pages show it.
		expect(catalog(content)).toBe(all);
	});

	test('a row is its journey: link, personas, owner, sparkline, and the values the filters match', () => {
		const { rows } = catalog(content);
		rows.forEach((html, i) => {
			const journey = journeys[i];
			const row = parseRow(html);
			expect(select('th a', row)?.properties.href).toBe(`/journeys/${journey.id}/`);
			expect(toString(select('th a', row)!)).toBe(journey.title);
			expect(selectAll('svg.cjm-sparkline', row)).toHaveLength(1);
			expect(JSON.parse(String(row.properties.dataValues))).toEqual({
				personas: journey.personas,
				owner: journey.owner ? [journey.owner] : [],
				tags: journey.tags,
				state: [journey.state],
			});
		});
		expect(rows[7]).not.toContain('<script>');
		expect(rows[7]).toContain('&#x3C;script>');
	});

	test('filter options: every value once, sorted, personas by name', async () => {
		const { personas } = await sampleProject();
		const persona = catalog(content).filters.find((f) => f.name === 'persona')!;
		const used = new Set(journeys.flatMap((j) => j.personas));
		expect(persona.options.map((o) => o.value).toSorted()).toEqual([...used].toSorted());
		for (const option of persona.options) expect(option.text).toBe(personas.find((p) => p.id === option.value)?.name ?? option.value);
		const state = catalog(content).filters.find((f) => f.name === 'state')!;
		expect(state.options).toEqual([
			{ value: 'current', text: 'Current' },
			{ value: 'future', text: 'Future' },
		]);
	});
});
