/**
 * A draft's cells as journey fields, in the file format: scores on the header's scale (or one
 * inferred from the values, with a warning) as emotions from -2 to 2, lines as lists, `name: value`
 * lines as KPIs, levels in any case. A cell it cannot read is a warning naming the cell; a score
 * outside its scale stops the import.
 */
import { defaultStageId, defaultTouchpointId, type JourneyInput, TouchpointSchema } from '../core/index.ts';
import { EMOTION_SCALE } from '../render/index.ts';
import type { Draft, DraftCell, DraftTouchpoint } from './layouts.ts';
import type { LaneTarget } from './lanes.ts';
import { ImportError, type Warning } from './problems.ts';

type TouchpointInput = JourneyInput['stages'][number]['touchpoints'] extends Array<infer T> | undefined ? T : never;
type StageInput = JourneyInput['stages'][number];

const [LOWEST, HIGHEST] = EMOTION_SCALE.split('..').map(Number);
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** The options of a field whose schema is an enum (criticality, confidence), to read `High` as `high`. */
function optionsOf(field: string): readonly string[] | undefined {
	let schema = (TouchpointSchema.shape as Record<string, unknown>)[field] as { unwrap?: () => unknown; options?: readonly string[] } | undefined;
	while (schema && !schema.options && schema.unwrap) schema = schema.unwrap() as typeof schema;
	return schema?.options;
}

/** Stages in the file format; ids only where the name's default would repeat one. */
export function stagesOf(draft: Draft, warnings: Warning[]): StageInput[] {
	const scales = new Map<LaneTarget, (cell: DraftCell) => number | undefined>();
	for (const target of ['emotion', 'desired'] as const) scales.set(target, scaleOf(draft, target, warnings));
	const stageIds = new Set<string>();
	const touchpointIds = new Set<string>();
	return draft.stages.map((stage, s) => {
		const out: StageInput = { name: stage.name };
		const stageDefault = defaultStageId(stage.name, s);
		const id = uniqueId(stage.id?.text, stageDefault, stageIds);
		if (id) out.id = id;
		const stageId = id ?? stageDefault;
		let index = 0;
		out.touchpoints = stage.touchpoints.flatMap((touchpoint) => {
			const decoded = touchpointOf(touchpoint, scales, warnings);
			if (!decoded) return [];
			const id = uniqueId(touchpoint.cells.get('touchpointId')?.text, defaultTouchpointId(decoded.name, stageId, index++), touchpointIds);
			const { name, ...rest } = decoded;
			return [id ? { name, id, ...rest } : decoded];
		});
		return out;
	});
}

/**
 * The id to write: the one given, or none when the default the core gives (`fallback`) is free,
 * or, when two share a default, a numbered id the file format accepts.
 */
function uniqueId(given: string | undefined, fallback: string, taken: Set<string>): string | undefined {
	if (given && (given !== fallback || taken.has(fallback))) {
		taken.add(given);
		return given;
	}
	if (!taken.has(fallback)) {
		taken.add(fallback);
		return undefined;
	}
	// A default may start with `-` or hold letters an explicit id may not (`-a`, `ärger`).
	const base = fallback.replace(/[^\w-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'id';
	let n = 2;
	while (taken.has(`${base}-${n}`)) n++;
	taken.add(`${base}-${n}`);
	return `${base}-${n}`;
}

function touchpointOf(touchpoint: DraftTouchpoint, scales: Map<LaneTarget, (cell: DraftCell) => number | undefined>, warnings: Warning[]): TouchpointInput | undefined {
	const name = touchpoint.cells.get('touchpoint');
	if (!name) {
		const [first] = touchpoint.cells.values();
		warnings.push(`${first.ref}: a touchpoint without a name, left out: write its name in the touchpoint lane`);
		return undefined;
	}
	const out: Record<string, unknown> = { name: name.text };
	const get = (target: LaneTarget) => touchpoint.cells.get(target);
	// In the schema's order, so the file reads like one written by hand.
	for (const key of Object.keys(TouchpointSchema.shape)) {
		const field = key === 'channel' ? 'channels' : key;
		const cell = get(field as LaneTarget);
		if (key === 'emotion') {
			const actual = cell && scales.get('emotion')!(cell);
			const wanted = get('desired');
			const desired = wanted && scales.get('desired')!(wanted);
			if (actual !== undefined) out.emotion = desired === undefined ? actual : { actual, desired };
			else if (desired !== undefined) warnings.push(`${wanted!.ref}: a desired emotion without an emotion, left out: fill in the emotion too`);
			continue;
		}
		if (!cell || key === 'name' || key === 'id') continue;
		const value = fieldValue(key, cell, warnings);
		if (value !== undefined) out[key] = value;
	}
	return out as TouchpointInput;
}

function fieldValue(key: string, cell: DraftCell, warnings: Warning[]): unknown {
	switch (key) {
		case 'channel':
		case 'pains':
		case 'opportunities':
			return lines(cell.text);
		case 'conversion': {
			if (/^\d+(\.\d+)?\s*%$/.test(cell.text)) return cell.text;
			const share = Number(cell.text);
			if (cell.text !== '' && share >= 0 && share <= 1) return share;
			warnings.push(`${cell.ref}: conversion "${cell.text}" left out: write a share from 0 to 1, or a percentage such as "45%"`);
			return undefined;
		}
		case 'kpis': {
			const kpis: Record<string, string | number> = {};
			for (const line of lines(cell.text)) {
				const match = /^(.+?):\s*(.+)$/.exec(line);
				if (!match) warnings.push(`${cell.ref}: KPI "${line}" left out: write one "name: value" per line`);
				else kpis[match[1].trim()] = /^-?\d+(\.\d+)?$/.test(match[2]) ? Number(match[2]) : match[2];
			}
			return Object.keys(kpis).length ? kpis : undefined;
		}
		case 'next':
		case 'moment':
			return undefined;
		default: {
			const options = optionsOf(key);
			if (!options) return cell.text;
			const option = options.find((each) => each === cell.text.toLowerCase());
			if (option) return option;
			warnings.push(`${cell.ref}: ${key} "${cell.text}" left out: write ${options.map((each) => `"${each}"`).join(', ')}`);
			return undefined;
		}
	}
}

/**
 * How to read a score lane's cells: on the header's scale, or on -2..2 when every value fits, or
 * on 1-5 when every value fits that and some is above 2 (a warning says so). A value outside the
 * scale stops the import: guessing would put the curve in the wrong place.
 */
function scaleOf(draft: Draft, target: 'emotion' | 'desired', warnings: Warning[]): (cell: DraftCell) => number | undefined {
	const header = draft.headers.get(target);
	const cells = draft.stages.flatMap((stage) => stage.touchpoints.flatMap((touchpoint) => touchpoint.cells.get(target) ?? []));
	const numbers = cells.flatMap((cell) => {
		const value = Number(cell.text);
		return Number.isFinite(value) && cell.text !== '' ? [{ cell, value }] : [];
	});
	let scale = header?.scale;
	if (!scale && numbers.length) {
		const within = (low: number, high: number) => numbers.every(({ value }) => value >= low && value <= high);
		if (within(LOWEST, HIGHEST)) scale = [LOWEST, HIGHEST];
		else if (within(1, 5)) {
			scale = [1, 5];
			warnings.push(`${header!.ref}: "${header!.header}" has no scale, assumed 1-5 (the values are 1 to 5); write "${header!.header} (1-5)" to say so`);
		} else {
			const outside = numbers.find(({ value }) => value < LOWEST || value > 5)!;
			throw new ImportError(`${outside.cell.ref}: score ${outside.cell.text} is outside ${EMOTION_SCALE} and 1-5: give the scale in the header, such as "${header!.header} (1-10)"`);
		}
	}
	const [low, high] = scale ?? [LOWEST, HIGHEST];
	return (cell) => {
		const value = Number(cell.text);
		if (cell.text === '' || !Number.isFinite(value)) {
			warnings.push(`${cell.ref}: ${target === 'desired' ? 'desired emotion' : 'emotion'} "${cell.text}" left out: write a number from ${low} to ${high}`);
			return undefined;
		}
		if (value < Math.min(low, high) || value > Math.max(low, high)) throw new ImportError(`${cell.ref}: score ${cell.text} is outside the scale ${low}..${high} of "${header?.header}"`);
		return Math.round(LOWEST + ((value - low) * (HIGHEST - LOWEST)) / (high - low)) || 0;
	};
}
