/**
 * A journey as a spreadsheet grid, lanes as rows: the first column names the lanes, each
 * touchpoint has a column, a stage row names each stage over its first column (the cells after
 * it, empty or merged, continue it). The lanes, their fields and their order come from the
 * schema (`lanesOf`), so a new lane shows up in the spreadsheets without a change here; a lane
 * that shows several fields gets a row per field. `cjm import` reads this layout back.
 */
import { defaultStageId, defaultTouchpointId, type Journey, lanesOf, type Stage, TOUCHPOINT_NAMES, type Touchpoint, TouchpointSchema } from '../core/index.ts';
import type { Cell } from './csv.ts';

/** What a row of the grid holds: a touchpoint field (model name), or the desired half of its emotion. */
export type SheetField = keyof Touchpoint | 'desired';

export interface SheetRow {
	field: SheetField;
	/** In the first column; scores give their scale in parentheses, as `cjm import` reads it. */
	label: string;
	cell(touchpoint: Touchpoint): Cell;
}

/** The scale emotions are written on. */
export const EMOTION_SCALE = '-2..2';

const lines = (values: string[]): Cell => (values.length ? values.join('\n') : undefined);

/**
 * Fields that are not plain text, and how a cell shows them: numbers as numbers, lists one entry
 * per line; a field that needs several rows, or shares its lane, names its rows (the lane's label
 * otherwise). A field of a lane not listed here is text (tests/render/sheet.test.ts checks that).
 */
const CELLS: Partial<Record<keyof Touchpoint, Array<{ field?: SheetField; label?: string; cell: SheetRow['cell'] }>>> = {
	channels: [{ cell: (t) => lines(t.channels) }],
	emotion: [
		{ label: `Emotion (${EMOTION_SCALE})`, cell: (t) => t.emotion?.actual },
		{ field: 'desired', label: `Desired emotion (${EMOTION_SCALE})`, cell: (t) => t.emotion?.desired },
	],
	pains: [{ cell: (t) => lines(t.pains.map((item) => item.text)) }],
	opportunities: [{ cell: (t) => lines(t.opportunities.map((item) => item.text)) }],
	conversion: [{ label: 'Conversion', cell: (t) => t.conversion }],
	kpis: [{ label: 'KPIs', cell: (t) => lines(Object.entries(t.kpis).map(([name, value]) => `${name}: ${value}`)) }],
};

/** Every lane row, in the table's order. */
export const SHEET_ROWS: SheetRow[] = lanesOf<Touchpoint>(TouchpointSchema, TOUCHPOINT_NAMES).flatMap(({ label, fields }) =>
	fields.flatMap((field): SheetRow[] =>
		CELLS[field]
			? CELLS[field].map((row) => ({ field: row.field ?? field, label: row.label ?? label, cell: row.cell }))
			: [{ field, label, cell: (t) => (t[field] as string | undefined) ?? undefined }]
	)
);

/** Labels of the rows that are not lanes. */
export const SHEET_LABELS = { title: 'Journey', stage: 'Stage', stageId: 'Stage id', touchpoint: 'Touchpoint', touchpointId: 'Touchpoint id' } as const;

export interface JourneySheet {
	rows: Cell[][];
	/** Per stage, its first column and how many columns it spans (0-based, counting the label column). */
	stages: Array<{ column: number; span: number }>;
}

/**
 * The grid of a journey. A stage without touchpoints still gets an (empty) column, so it comes
 * back on import; the id rows appear only when an id is not the one its name gives by default.
 */
export function journeySheet(journey: Journey): JourneySheet {
	const columns = journey.stages.flatMap((stage): Array<{ stage: Stage; touchpoint?: Touchpoint }> => (stage.touchpoints.length ? stage.touchpoints.map((touchpoint) => ({ stage, touchpoint })) : [{ stage }]));
	const stages: JourneySheet['stages'] = [];
	columns.forEach(({ stage }, i) => {
		if (i === 0 || columns[i - 1].stage !== stage) stages.push({ column: i + 1, span: 1 });
		else stages[stages.length - 1].span++;
	});
	const row = (label: string, cell: (touchpoint: Touchpoint, stage: Stage) => Cell): Cell[] => [label, ...columns.map(({ stage, touchpoint }) => (touchpoint ? cell(touchpoint, stage) : undefined))];
	const stageRow: Cell[] = [SHEET_LABELS.stage, ...columns.map(({ stage }, i) => (i === 0 || columns[i - 1].stage !== stage ? stage.name : undefined))];
	const rows: Cell[][] = [[SHEET_LABELS.title, journey.title], stageRow];
	// An id cell only where the id is not the default: a default written out could be one the file format refuses (`-0` from the name `'-0`).
	const stageIdOf = (stage: Stage) => (stage.id === defaultStageId(stage.name, journey.stages.indexOf(stage)) ? undefined : stage.id);
	const touchpointIdOf = (t: Touchpoint, stage: Stage) => (t.id === defaultTouchpointId(t.name, stage.id, stage.touchpoints.indexOf(t)) ? undefined : t.id);
	if (journey.stages.some((stage) => stageIdOf(stage) !== undefined)) rows.push([SHEET_LABELS.stageId, ...columns.map(({ stage }, i) => (i === 0 || columns[i - 1].stage !== stage ? stageIdOf(stage) : undefined))]);
	rows.push(row(SHEET_LABELS.touchpoint, (t) => t.name));
	if (columns.some(({ stage, touchpoint }) => touchpoint && touchpointIdOf(touchpoint, stage) !== undefined)) rows.push(row(SHEET_LABELS.touchpointId, touchpointIdOf));
	// Every lane, filled in or not: the sheet doubles as a form for people who add what is missing.
	for (const sheetRow of SHEET_ROWS) rows.push(row(sheetRow.label, (t) => sheetRow.cell(t)));
	return { rows, stages };
}
