/**
 * Which lane a spreadsheet's row or column header names. A header matches, ignoring case, the
 * field's name in the file or the model, its row label in exports (`SHEET_ROWS`, from the schema's
 * lanes), or a synonym practitioners use; a scale may follow in parentheses: `Score (1-5)`.
 */
import { suggester, TOUCHPOINT_NAMES } from '../core/index.ts';
import { SHEET_LABELS, SHEET_ROWS, type SheetField } from '../render/index.ts';

/** What a header can name: a touchpoint field, or a row that is not a lane. */
export type LaneTarget = SheetField | keyof typeof SHEET_LABELS;

/** Names people give lanes in their own spreadsheets, beyond the field names and our labels. */
const SYNONYMS: Partial<Record<LaneTarget, string[]>> = {
	title: ['Title', 'Journey map'],
	stage: ['Phase', 'Phases', 'Section', 'Stages'],
	touchpoint: ['Step', 'Steps', 'Task', 'Tasks', 'Touchpoints', 'Touch point'],
	action: ['Action', 'Actions', 'Doing', 'Does'],
	thinking: ['Thoughts', 'Thinks'],
	feeling: ['Feelings', 'Feels'],
	emotion: ['Emotions', 'Score', 'Scores', 'Rating', 'Experience'],
	desired: ['Desired', 'Desired score', 'Target emotion'],
	pains: ['Pain', 'Pain points', 'Pain point', 'Problems', 'Problem'],
	opportunities: ['Opportunity', 'Ideas', 'Idea'],
	channels: ['Channels'],
	kpis: ['KPI', 'Metrics'],
};

/**
 * Words that may mean a lane but too vaguely to place a column on their own ("Mood": the word or
 * the score?): a header named so stays unplaced, and the warning suggests the lane.
 */
const HINTS: Partial<Record<string, string>> = { mood: 'Feeling', sentiment: 'Feeling', mindset: 'Thinking' };

export interface LaneHeader {
	target: LaneTarget;
	/** The scale given in parentheses, as [lowest, highest]. */
	scale?: [number, number];
}

const SCALE = /^(.*?)\s*\(\s*(-?\d+)\s*(?:\.\.|–|—|to|-)\s*(-?\d+)\s*\)\s*$/i;

const names = new Map<string, LaneTarget>();
const add = (name: string, target: LaneTarget) => {
	const key = name.toLowerCase().replace(/\s*\([^)]*\)\s*$/, '').trim();
	if (!names.has(key)) names.set(key, target);
};
for (const [target, label] of Object.entries(SHEET_LABELS)) add(label, target as LaneTarget);
for (const row of SHEET_ROWS) add(row.label, row.field);
for (const row of SHEET_ROWS) add(row.field, row.field);
for (const [file, model] of Object.entries(TOUCHPOINT_NAMES)) add(file, model);
for (const [target, synonyms] of Object.entries(SYNONYMS)) for (const synonym of synonyms) add(synonym, target as LaneTarget);

/** The labels suggestions are made from: the ones exports write. */
const LABELS = [...Object.values(SHEET_LABELS), ...SHEET_ROWS.map((row) => row.label.replace(/\s*\(.*\)$/, ''))];
const suggest = suggester([...LABELS, ...Object.values(SYNONYMS).flat()]);

/** The lane `header` names, or undefined. */
export function laneOf(header: string): LaneHeader | undefined {
	const scaled = SCALE.exec(header.trim());
	const name = (scaled ? scaled[1] : header).trim().toLowerCase();
	const target = names.get(name);
	if (!target) return undefined;
	return scaled ? { target, scale: [Number(scaled[2]), Number(scaled[3])] } : { target };
}

/** `unknown lane "Mood", did you mean "Feeling"?` */
export function unknownLane(header: string): string {
	const name = header.replace(/\s*\(.*\)$/, '').trim();
	const close = HINTS[name.toLowerCase()] ?? suggest.closest(name);
	return `unknown lane "${header}"${close ? `, did you mean "${close}"?` : ''}`;
}
