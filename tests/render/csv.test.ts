/**
 * CSV downloads: text from content that a spreadsheet would evaluate as a formula is kept as text
 * (OWASP "CSV injection"); numbers we write, such as an emotion of -2, stay numbers.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { backlog, byOwner } from '../../src/core/aggregate.ts';
import { loadProject } from '../../src/core/index.ts';
import { backlogCsv, csvCell, ownerCsv, toCsv } from '../../src/render/csv.ts';

describe('csvCell', () => {
	test.each([
		['=1+1', "'=1+1"],
		['+1', "'+1"],
		['-2', "'-2"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"],
		['plain text', 'plain text'],
		['a = b', 'a = b'],
		['', ''],
	])('text %j is written as %j', (value, written) => {
		expect(csvCell(value)).toBe(written);
	});

	test.each([
		[-2, '-2'],
		[0, '0'],
		[1.5, '1.5'],
		[undefined, ''],
	])('number %j stays %j', (value, written) => {
		expect(csvCell(value)).toBe(written);
	});
});

test('the downloads guard every text cell from content, and keep emotions as numbers', async () => {
	const { project } = await loadProject(new URL('../fixtures/hostile-names/', import.meta.url).pathname);
	const rows = parse(backlogCsv(backlog(project.journeys)), { columns: true }) as Record<string, string>[];
	expect(rows.map((row) => [row.item, row.owner, row.emotion])).toEqual([
		['Slow', 'kitchen', '-2'],
		["'@mention", 'R&D', '-2'],
		['\'=HYPERLINK("https://example.com")', 'c', '0'],
	]);
	const owner = byOwner(project).find((view) => view.owner === 'c')!;
	const ownerRows = parse(ownerCsv(owner.rows), { columns: true }) as Record<string, string>[];
	expect(ownerRows.map((row) => row['pain points'])).toEqual(['\'=HYPERLINK("https://example.com")']);
	for (const row of [...rows, ...ownerRows]) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]/);
});

test('every kind of cell reads back as written: separators, quotes, line breaks, formulas, numbers', () => {
	const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', "'", '\n', '\r', '=', '+', '-', '@', '\t', 'é') });
	const cell = fc.oneof(text, fc.integer({ min: -2, max: 100 }), fc.constant(undefined));
	const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));
	fc.assert(
		fc.property(table, (rows) => {
			const csv = toCsv(rows);
			expect(csv.endsWith('\n')).toBe(true);
			expect(parse(csv, { relax_quotes: false, skip_empty_lines: false })).toEqual(rows.map((row) => row.map(csvCell)));
		})
	);
});
