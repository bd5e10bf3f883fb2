/**
 * The Excel sheet's look, read back with ExcelJS: the lane names (first column) and the stage row
 * in bold, every cell wrapped and aligned to the top. The writer shares equal style objects
 * between cells (`shareStyles`), so this also checks that no cell lost or borrowed a style.
 */
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { exportJourney } from '../../src/export/index.ts';
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
});
