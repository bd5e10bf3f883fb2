/** Spreadsheet downloads of the cross-journey views: the whole backlog, and what each owner answers for. */
import type { BacklogItem, OwnerRow } from '../core/index.ts';

/** A cell: text from content, or a number we computed (an emotion of -2 is a number, not a formula). */
export type Cell = string | number | undefined;

/**
 * A spreadsheet evaluates a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (OWASP "CSV injection"): such text gets a leading `'`, which spreadsheets show as text. Text
 * that already starts with `'`s before one of those gets one more, so `unguardedCell` can take
 * the guard off again exactly. Numbers are written as numbers, so they stay numbers in the sheet.
 */
const EVALUATED = /^'*[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
	if (value === undefined) return '';
	if (typeof value === 'number') return String(value);
	return EVALUATED.test(value) ? `'${value}` : value;
}

/** The text `csvCell` guarded: `cjm import` reads exports back. Other text is left as it is. */
export function unguardedCell(text: string): string {
	return text.startsWith("'") && EVALUATED.test(text.slice(1)) ? text.slice(1) : text;
}

/** A field that holds a separator, a quote or a line break is quoted, its quotes doubled (RFC 4180). */
const QUOTED = /[",\r\n]/;
const csvField = (text: string) => (QUOTED.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * Every CSV download goes through here, so no cell escapes `csvCell`. Written here rather than by
 * csv-stringify, with the same output (a line break after each row): its per-field options made
 * the backlog's 80,000 rows at 1000 journeys take 0.6 to 1 s of every build, three times this
 * (tests/render/csv.test.ts reads every kind of cell back with csv-parse).
 */
export function toCsv(rows: Cell[][]): string {
	let csv = '';
	for (const row of rows) csv += `${row.map((cell) => csvField(csvCell(cell))).join(',')}\n`;
	return csv;
}

export function backlogCsv(items: BacklogItem[]): string {
	return toCsv([
		['kind', 'item', 'owner', 'impact', 'effort', 'touchpoint', 'stage', 'journey', 'journey id', 'criticality', 'emotion'],
		...items.map((entry) => [
			entry.kind,
			entry.item.text,
			entry.owner ?? '',
			entry.item.impact,
			entry.item.effort,
			entry.touchpoint.name,
			entry.stage.name,
			entry.journey.title,
			entry.journey.id,
			entry.touchpoint.criticality ?? '',
			entry.touchpoint.emotion?.actual,
		]),
	]);
}

export function ownerCsv(rows: OwnerRow[]): string {
	return toCsv([
		['touchpoint', 'stage', 'journey', 'journey id', 'owns touchpoint', 'criticality', 'emotion', 'pain points', 'opportunities', 'kpis'],
		...rows.map((row) => [
			row.touchpoint.name,
			row.stage.name,
			row.journey.title,
			row.journey.id,
			row.ownsTouchpoint ? 'yes' : 'no',
			row.touchpoint.criticality ?? '',
			row.touchpoint.emotion?.actual,
			row.pains.map((item) => item.text).join('\n'),
			row.opportunities.map((item) => item.text).join('\n'),
			row.ownsTouchpoint ? Object.entries(row.touchpoint.kpis).map(([name, value]) => `${name}: ${value}`).join('\n') : '',
		]),
	]);
}
