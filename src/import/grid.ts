/**
 * A spreadsheet file as a grid of text cells, whatever its format: `.xlsx` (read with exceljs,
 * the first sheet), `.csv` and `.tsv` (csv-parse: quoted separators and line breaks in cells).
 * Cells keep where they came from, so every message can name the sheet, row and column.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unguardedCell } from '../render/index.ts';
import { ImportError } from './problems.ts';

export interface Grid {
	/** The file's name, as messages show it. */
	file: string;
	/** The sheet read, for workbooks. */
	sheet?: string;
	/** Other sheets of the workbook, not read. */
	otherSheets: string[];
	/** Rows of cells, trimmed, with the exports' formula guard removed; `''` when empty. */
	cells: string[][];
	/** Cells that continue a merged cell to their left or above: they hold nothing of their own. */
	continued: Set<string>;
}

export const SPREADSHEET_EXTENSIONS = ['xlsx', 'csv', 'tsv'] as const;

/** `C7`: the column letters and the row number of a cell (0-based row and column in). */
export function cellName(row: number, column: number): string {
	let letters = '';
	for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return `${letters}${row + 1}`;
}

/** Where a cell is, as messages start: `journey.xlsx Sheet1!A7`, `journey.csv A7`. */
export function cellRef(grid: Grid, row: number, column: number): string {
	return `${grid.file} ${grid.sheet === undefined ? '' : `${grid.sheet}!`}${cellName(row, column)}`;
}

export const sheetRef = (grid: Grid) => (grid.sheet === undefined ? grid.file : `${grid.file} ${grid.sheet}`);

export async function readGrid(file: string, bytes: Uint8Array, extension: (typeof SPREADSHEET_EXTENSIONS)[number]): Promise<Grid> {
	if (extension === 'xlsx') return readWorkbook(file, bytes);
	const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
	let rows: string[][];
	try {
		rows = parse(text, { delimiter: extension === 'tsv' ? '\t' : ',', bom: true, relax_column_count: true, skip_empty_lines: false });
	} catch (error) {
		const { lines, column } = error as { lines?: number; column?: number };
		throw new ImportError(`${file}${lines ? `:${lines}${column ? `:${column}` : ''}` : ''}: not a readable ${extension.toUpperCase()} file: ${(error as Error).message.replace(/^Invalid Record Length: |^CSV_\w+: /, '')}`);
	}
	return { file, otherSheets: [], cells: trimmed(rows.map((row) => row.map(clean))), continued: new Set() };
}

async function readWorkbook(file: string, bytes: Uint8Array): Promise<Grid> {
	const book = new ExcelJS.Workbook();
	try {
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		throw new ImportError(`${file}: not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx, or as .csv`);
	}
	const [sheet, ...others] = book.worksheets;
	if (!sheet) throw new ImportError(`${file}: the workbook has no sheets`);
	const cells: string[][] = [];
	const continued = new Set<string>();
	sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
		const values: string[] = [];
		row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
			if (cell.isMerged && cell.master.address !== cell.address) {
				continued.add(cellName(rowNumber - 1, columnNumber - 1));
				values[columnNumber - 1] = '';
			} else values[columnNumber - 1] = clean(textOf(cell.value));
		});
		cells[rowNumber - 1] = Array.from(values, (value) => value ?? '');
	});
	return { file, sheet: sheet.name, otherSheets: others.map((each) => each.name), cells: trimmed(Array.from(cells, (row) => row ?? [])), continued };
}

/** The text a spreadsheet shows for a value: numbers as written, rich text and links as their text, formulas as their result. */
function textOf(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
	if (typeof value !== 'object') return String(value);
	if ('richText' in value) return value.richText.map((part) => part.text).join('');
	if ('formula' in value || 'sharedFormula' in value) return textOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
	if ('text' in value) return String(value.text);
	if ('error' in value) return '';
	return '';
}

/** A cell's text: the exports' formula guard taken off, Windows line breaks made plain, ends trimmed. */
const clean = (text: string) => unguardedCell(text.replace(/\r\n?/g, '\n').trim());

/** Without trailing empty rows and cells, so "the last column" means the last one with something in it. */
function trimmed(rows: string[][]): string[][] {
	const out = rows.map((row) => {
		let end = row.length;
		while (end > 0 && row[end - 1] === '') end--;
		return row.slice(0, end);
	});
	while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
	return out;
}
