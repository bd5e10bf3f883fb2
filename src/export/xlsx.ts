/**
 * The journey as an Excel workbook, lanes as rows (see `journeySheet`), stages merged over their
 * touchpoints; `--all` writes a sheet per journey and one for the personas. Text cells get the
 * same formula guard as the CSV (`csvCell`), so a sheet saved again as CSV stays safe.
 */
import ExcelJS from 'exceljs';
import { type Journey, type Persona, PersonaSchema, type Project } from '../core/index.ts';
import { type Cell, csvCell, journeySheet } from '../render/index.ts';
import type { Encoder, Encoded } from './encoders.ts';

export const encoder: Encoder = {
	journey: ({ journey, compress }) => workbookBytes((book) => addJourney(book, journey, new Set()), compress),
	project: (project: Project) =>
		workbookBytes((book) => {
			const taken = new Set<string>();
			for (const journey of project.journeys) addJourney(book, journey, taken);
			addPersonas(book, project.personas, taken);
		}),
};

async function workbookBytes(fill: (book: ExcelJS.Workbook) => void, compress = true): Promise<Encoded> {
	const book = new ExcelJS.Workbook();
	// Fixed dates, so the same journey gives the same file.
	book.created = book.modified = new Date(0);
	fill(book);
	return new Uint8Array(await book.xlsx.writeBuffer({ zip: { compression: compress ? 'DEFLATE' : 'STORE' } }));
}

/** A guarded cell value: numbers stay numbers, text cannot become a formula. */
const value = (cell: Cell) => (typeof cell === 'number' ? cell : cell === undefined ? null : csvCell(cell));

function addJourney(book: ExcelJS.Workbook, journey: Journey, taken: Set<string>) {
	const sheet = book.addWorksheet(sheetName(journey.title, taken));
	const { rows, stages } = journeySheet(journey);
	for (const row of rows) sheet.addRow(row.map(value));
	const stageRow = rows.findIndex((row) => row[0] === 'Stage') + 1;
	for (const { column, span } of stages) if (span > 1) sheet.mergeCells(stageRow, column + 1, stageRow, column + span);
	sheet.getColumn(1).font = { bold: true };
	sheet.getColumn(1).width = 22;
	for (let i = 2; i <= sheet.columnCount; i++) sheet.getColumn(i).width = 28;
	sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
	sheet.getRow(stageRow).font = { bold: true };
	sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: stageRow }];
	shareStyles(sheet);
}

/** One row per persona, a column per field of the file format. */
function addPersonas(book: ExcelJS.Workbook, personas: Persona[], taken: Set<string>) {
	const sheet = book.addWorksheet(sheetName('Personas', taken));
	const fields = ['id', ...Object.keys(PersonaSchema.shape)] as Array<keyof Persona>;
	sheet.addRow(fields);
	for (const persona of personas) {
		sheet.addRow(
			fields.map((field) => {
				const cell = persona[field];
				if (Array.isArray(cell)) return value(cell.join('\n') || undefined);
				if (cell && typeof cell === 'object') return value(Object.entries(cell).map(([name, each]) => `${name}: ${each}`).join('\n') || undefined);
				return value(cell);
			})
		);
	}
	sheet.getRow(1).font = { bold: true };
	sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
	shareStyles(sheet);
}

/**
 * Gives cells with equal styles one style object. Setting a row's or a column's style gives each
 * of its cells a style object of its own, and ExcelJS's writer recognises a style it has written
 * by its object only: it otherwise serialises every cell's style to XML to find the same one
 * again, which was most of the time of writing a journey's sheet. A file ExcelJS reads shares its
 * style objects the same way. The bytes written do not change.
 */
function shareStyles(sheet: ExcelJS.Worksheet) {
	const shared = new Map<string, Partial<ExcelJS.Style>>();
	sheet.eachRow((row) =>
		row.eachCell({ includeEmpty: true }, (cell) => {
			const key = JSON.stringify(cell.style);
			const style = shared.get(key);
			if (style) cell.style = style;
			else shared.set(key, cell.style);
		})
	);
}

/** Excel's rules for sheet names: 1 to 31 characters, none of `[]:*?/\`, no `'` first or last, not `History`, unique ignoring case. */
function sheetName(title: string, taken: Set<string>): string {
	const base = fitName(title.replace(/[[\]:*?/\\]/g, ' '), 31) || 'Journey';
	const free = (name: string) => !taken.has(name.toLowerCase()) && name.toLowerCase() !== 'history';
	let name = base;
	for (let n = 2; !free(name); n++) name = `${fitName(base, 31 - ` ${n}`.length)} ${n}`;
	taken.add(name.toLowerCase());
	return name;
}

/** Quotes and spaces at either end: Excel refuses a quote there, and a space there cannot be seen. */
const NAME_ENDS = /^['\s]+|['\s]+$/g;

/** `text` without `NAME_ENDS`, cut to `max` UTF-16 units without splitting a character in two. */
function fitName(text: string, max: number): string {
	let name = text.replace(NAME_ENDS, '');
	if (name.length > max) name = name.slice(0, /[\uD800-\uDBFF]/.test(name[max - 1]!) ? max - 1 : max).replace(NAME_ENDS, '');
	return name;
}
