/**
 * The Excel sheet's look, read back with ExcelJS: the lane names (first column) and the stage row
 * in bold, every cell wrapped and aligned to the top. The writer shares equal style objects
 * between cells (`shareStyles`), so this also checks that no cell lost or borrowed a style.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportJourney, exportProject } from '../../src/export/index.ts';
import { SHEET_LABELS } from '../../src/render/index.ts';
import { sampleProject } from '../helpers.ts';

describe('xlsx export', () => {
	test.each([true, false])('bolds the lane names and the stage row, wraps and top-aligns every cell (compress: %s)', async (compress) => {
		const project = await sampleProject();
		for (const journey of project.journeys) {
			const book = new ExcelJS.Workbook();
			await book.xlsx.load((await exportJourney('xlsx', journey, project, { compress })) as Uint8Array as unknown as ArrayBuffer);
			const sheet = book.worksheets[0];
			let stageRow = 0;
			let cells = 0;
			sheet.eachRow((row, rowNumber) => {
				if (row.getCell(1).value === SHEET_LABELS.stage) stageRow = rowNumber;
				row.eachCell({ includeEmpty: true }, (cell, column) => {
					cells++;
					expect(cell.alignment, `${journey.id} ${cell.address}`).toMatchObject({ wrapText: true, vertical: 'top' });
					expect(Boolean(cell.font?.bold), `${journey.id} ${cell.address}`).toBe(column === 1 || rowNumber === stageRow);
				});
			});
			expect(stageRow, journey.id).toBeGreaterThan(0);
			expect(cells, journey.id).toBeGreaterThan(sheet.rowCount * 2);
		}
	});

	/** The sheet names of a workbook, read back. */
	async function sheetNames(bytes: unknown): Promise<string[]> {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes as ArrayBuffer);
		return book.worksheets.map((sheet) => sheet.name);
	}

	test('a sheet is named after its journey within Excel\'s rules, whatever the title', async () => {
		const project = await sampleProject();
		const [journey] = project.journeys;
		const titled = (title: string) => ({ ...journey!, title });
		const cases: Array<[string, string]> = [
			["' 'A", 'A'], // quotes and spaces at the ends, even once trimmed
			["'Quoted'", 'Quoted'],
			['History', 'History 2'], // a name Excel keeps for itself
			['a/b: c?', 'a b  c'],
			['x'.repeat(30) + '😀 more', 'x'.repeat(30)], // 31 units would split the emoji
			["''", 'Journey'],
		];
		for (const [title, name] of cases) expect(await sheetNames(await exportJourney('xlsx', titled(title), project)), title).toEqual([name]);
		const many = { ...project, journeys: [titled('Same'), titled('same'), titled('x'.repeat(40)), titled('x'.repeat(40)), titled('History')] };
		expect(await sheetNames(await exportProject('xlsx', many))).toEqual(['Same', 'same 2', 'x'.repeat(31), `${'x'.repeat(29)} 2`, 'History 2', 'Personas']);
	});

	test('any titles give a workbook whose sheet names keep the rules', async () => {
		const project = await sampleProject();
		const [journey] = project.journeys;
		await fc.assert(
			fc.asyncProperty(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom("'", ' ', 'History', 'personas', '[x]')), { minLength: 1, maxLength: 4 }), async (titles) => {
				const names = await sheetNames(await exportProject('xlsx', { ...project, journeys: titles.map((title) => ({ ...journey!, title })) }));
				expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
				for (const name of names) {
					expect(name.length).toBeGreaterThan(0);
					expect(name.length).toBeLessThanOrEqual(31);
					expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$|^\s|\s$|^history$|[\uD800-\uDBFF]$/i);
				}
			}),
			{ numRuns: 60 }
		);
	});
});
