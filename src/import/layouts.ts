/**
 * The two layouts practitioners use, told apart by where the lane names are: lanes as rows (the
 * first column names them; a stage row, whose empty or merged cells continue the stage to their
 * left, and a column per touchpoint) or a row per touchpoint (a header row names the columns;
 * an empty or merged stage cell continues the stage above). Both give the same draft: stages,
 * touchpoints, and each touchpoint's cells by lane, with their references for messages.
 */
import { cellName, cellRef, type Grid, sheetRef } from './grid.ts';
import { type LaneHeader, laneOf, type LaneTarget, unknownLane } from './lanes.ts';
import { ImportError, type Warning } from './problems.ts';

export interface DraftCell {
	text: string;
	ref: string;
}

export interface DraftTouchpoint {
	cells: Map<LaneTarget, DraftCell>;
}

export interface DraftStage {
	name: string;
	id?: DraftCell;
	touchpoints: DraftTouchpoint[];
}

export interface Draft {
	title?: string;
	stages: DraftStage[];
	/** Each lane's header, with its scale when it gives one. */
	headers: Map<LaneTarget, LaneHeader & { header: string; ref: string }>;
}

type Line = Array<{ index: number; lane: LaneHeader; header: string }>;

/** The lanes a line of headers names (the first column, or the header row), with a warning for each header that names none. */
function lanesAlong(grid: Grid, headers: Array<{ text: string; row: number; column: number; index: number }>, warnings: Warning[]): Line {
	const line: Line = [];
	const seen = new Set<LaneTarget>();
	for (const { text, row, column, index } of headers) {
		if (text === '') continue;
		const lane = laneOf(text);
		if (!lane) warnings.push(`${cellRef(grid, row, column)}: ${unknownLane(text)}`);
		else if (seen.has(lane.target)) warnings.push(`${cellRef(grid, row, column)}: a second "${text}" lane, ignored`);
		else {
			seen.add(lane.target);
			line.push({ index, lane, header: text });
		}
	}
	return line;
}

export function draftOf(grid: Grid): { draft: Draft; warnings: Warning[] } {
	if (grid.cells.every((row) => row.every((cell) => cell === ''))) throw new ImportError(`${sheetRef(grid)}: the sheet is empty`);
	const headerRow = grid.cells.findIndex((row) => row.some((cell) => cell !== ''));
	const count = (texts: string[]) => texts.filter((text) => text !== '' && laneOf(text)).length;
	const firstColumn = grid.cells.map((row) => row[0] ?? '');
	const asRows = count(firstColumn) >= count(grid.cells[headerRow]);
	const warnings: Warning[] = [];
	const draft = asRows ? lanesAsRows(grid, warnings) : touchpointRows(grid, headerRow, warnings);
	if (grid.otherSheets.length) warnings.push(`${sheetRef(grid)}: read this sheet only; not read: ${grid.otherSheets.map((name) => `"${name}"`).join(', ')}`);
	return { draft, warnings };
}

function noStage(grid: Grid, where: string): never {
	throw new ImportError(
		`${sheetRef(grid)}: no stage ${where}: name a row "Stage" (or Phase, Section) in column A, with each stage over its first touchpoint, or give a header row with a "Stage" column`
	);
}

function lanesAsRows(grid: Grid, warnings: Warning[]): Draft {
	const line = lanesAlong(grid, grid.cells.map((row, i) => ({ text: row[0] ?? '', row: i, column: 0, index: i })), warnings);
	const rowOf = (target: LaneTarget) => line.find((each) => each.lane.target === target)?.index;
	const stageRow = rowOf('stage');
	if (stageRow === undefined) noStage(grid, 'row');
	const titleRow = rowOf('title');
	const width = Math.max(...line.filter((each) => each.index !== titleRow).map((each) => grid.cells[each.index].length));
	const headers: Draft['headers'] = new Map(line.map(({ index, lane, header }) => [lane.target, { ...lane, header, ref: cellRef(grid, index, 0) }]));
	const stages: DraftStage[] = [];
	for (let column = 1; column < width; column++) {
		const cell = (row: number | undefined) => (row === undefined ? '' : (grid.cells[row][column] ?? ''));
		const stageName = cell(stageRow);
		const previous = stages.at(-1);
		if (stageName !== '' && !(stageName === previous?.name && grid.continued.has(cellName(stageRow, column)))) {
			const id = cell(rowOf('stageId'));
			stages.push({ name: stageName, id: id ? { text: id, ref: cellRef(grid, rowOf('stageId')!, column) } : undefined, touchpoints: [] });
		} else if (!previous) {
			const filled = line.find((each) => each.index !== titleRow && cell(each.index) !== '');
			if (filled) throw new ImportError(`${cellRef(grid, stageRow, column)}: a touchpoint before the first stage: write the stage's name in the stage row above it`);
			continue;
		}
		const touchpoint = touchpointAt(line.filter((each) => each.index !== stageRow && each.index !== titleRow && each.lane.target !== 'stageId').map((each) => ({ target: each.lane.target, text: cell(each.index), ref: cellRef(grid, each.index, column) })));
		if (touchpoint) stages.at(-1)!.touchpoints.push(touchpoint);
	}
	return { title: titleRow === undefined ? undefined : grid.cells[titleRow].slice(1).find((text) => text !== ''), stages, headers };
}

function touchpointRows(grid: Grid, headerRow: number, warnings: Warning[]): Draft {
	const line = lanesAlong(grid, grid.cells[headerRow].map((text, column) => ({ text, row: headerRow, column, index: column })), warnings);
	const columnOf = (target: LaneTarget) => line.find((each) => each.lane.target === target)?.index;
	const stageColumn = columnOf('stage');
	if (stageColumn === undefined) noStage(grid, 'column');
	const headers: Draft['headers'] = new Map(line.map(({ index, lane, header }) => [lane.target, { ...lane, header, ref: cellRef(grid, headerRow, index) }]));
	const stages: DraftStage[] = [];
	for (let row = headerRow + 1; row < grid.cells.length; row++) {
		const cell = (column: number | undefined) => (column === undefined ? '' : (grid.cells[row][column] ?? ''));
		const stageName = cell(stageColumn);
		if (stageName !== '' && !(stageName === stages.at(-1)?.name && grid.continued.has(cellName(row, stageColumn)))) {
			const idColumn = columnOf('stageId');
			stages.push({ name: stageName, id: cell(idColumn) ? { text: cell(idColumn), ref: cellRef(grid, row, idColumn!) } : undefined, touchpoints: [] });
		} else if (stages.length === 0) {
			if (grid.cells[row].some((text) => text !== '')) throw new ImportError(`${cellRef(grid, row, stageColumn)}: a touchpoint before the first stage: write its stage in the "${grid.cells[headerRow][stageColumn]}" column`);
			continue;
		}
		const touchpoint = touchpointAt(line.filter((each) => each.index !== stageColumn && each.lane.target !== 'stageId' && each.lane.target !== 'title').map((each) => ({ target: each.lane.target, text: cell(each.index), ref: cellRef(grid, row, each.index) })));
		if (touchpoint) stages.at(-1)!.touchpoints.push(touchpoint);
	}
	return { stages, headers };
}

/** A touchpoint from its cells; undefined when they are all empty (a stage's empty column or a blank row). */
function touchpointAt(cells: Array<{ target: LaneTarget; text: string; ref: string }>): DraftTouchpoint | undefined {
	const filled = cells.filter((cell) => cell.text !== '');
	if (filled.length === 0) return undefined;
	return { cells: new Map(filled.map(({ target, text, ref }) => [target, { text, ref }])) };
}
