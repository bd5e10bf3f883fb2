/**
 * Measured KPIs over time: CSV files under `metrics/` in the long form analytics tools export,
 * `date,journey,touchpoint,kpi,value` (an empty touchpoint is a journey-level KPI; lines starting
 * with `#` are comments). Every field
 * is checked and reported at its own line and column: the header, dates, numbers and
 * percentages, and the journey, touchpoint and KPI each row names (with did-you-mean).
 */
import { parse } from 'csv-parse/sync';
import type { VFile } from 'vfile';
import { type Journey, withTouchpoints } from './model.ts';
import { FILE_START, type Locator, locator, type Place } from './place.ts';
import { report } from './rules.ts';
import { counted } from './words.ts';
import { suggester } from './suggest.ts';

export const METRICS_DIR = 'metrics';
export const METRIC_COLUMNS = ['date', 'journey', 'touchpoint', 'kpi', 'value'] as const;
/** The KPI that, measured, replaces a touchpoint's typed `conversion`. */
export const CONVERSION_KPI = 'conversion';

/** One row: a KPI's value on a date. */
export interface Measurement {
	date: string;
	journey: string;
	/** Absent for a journey-level KPI. */
	touchpoint?: string;
	kpi: string;
	/** Percentages as shares: `45%` is 0.45. */
	value: number;
	/** Whether the value was written as a percentage. */
	percent: boolean;
}

/** What a row may name: each journey's touchpoints and the KPIs typed for each (and for the journey, any of them). */
export interface MetricTargets {
	/** Ids of every journey file, readable or not. */
	journeyIds: readonly string[];
	/** The models of the journeys that could be read. */
	journeys: readonly Journey[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?(%)?$/;

/** Reads and checks one metrics file; its problems become messages on `file`. */
export function readMetrics(file: VFile, targets: MetricTargets): Measurement[] {
	const text = String(file.value).replace(/^\uFEFF/, '');
	file.value = text;
	const locate = locator(file);
	let rows: Array<{ record: string[]; raw: string; info: { bytes: number } }>;
	try {
		// With `info` and `raw`, csv-parse gives each record as { record, raw, info }; its types only know plain records.
		rows = parse(text, { info: true, raw: true, comment: '#', relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }) as unknown as typeof rows;
	} catch (error) {
		const { lines, message } = error as { lines?: number; message: string };
		report(file, 'invalid-metric', `Unexpected CSV: ${message.split(':')[0]}, fix the quoting`, lines ? { line: lines, column: 1 } : FILE_START);
		return [];
	}
	if (rows.length === 0) {
		report(file, 'invalid-metric', `Unexpected empty metrics file, expected the header \`${METRIC_COLUMNS.join(',')}\` and a row per value`, FILE_START);
		return [];
	}
	const [header, ...body] = rows;
	const columns = header.record.map((name) => name.trim().toLowerCase());
	if (columns.join(',') !== METRIC_COLUMNS.join(',')) {
		report(file, 'invalid-metric', `Unexpected header \`${header.record.join(',')}\`, expected \`${METRIC_COLUMNS.join(',')}\` (the long form analytics tools export)`, FILE_START);
		return [];
	}
	const check = rowChecker(file, targets);
	return body.flatMap((row) => {
		// Places are found only for a row with a problem: most rows have none.
		let places: Place[] | undefined;
		const at = (column: number) => (places ??= fieldPlaces(row, locate))[column];
		if (row.record.length !== METRIC_COLUMNS.length) {
			report(file, 'invalid-metric', `Unexpected row of ${counted(row.record.length, 'field')}, expected ${METRIC_COLUMNS.length}: ${METRIC_COLUMNS.join(', ')}`, at(0));
			return [];
		}
		const measurement = check(
			row.record.map((field) => field.trim()),
			at
		);
		return measurement ? [measurement] : [];
	});
}

/** The place where each field of a row starts: csv-parse gives a record's raw text and where it ends, the fields are found in it. */
function fieldPlaces(row: { raw: string; info: { bytes: number } }, locate: Locator): Place[] {
	// The raw text starts with the blank and comment lines skipped before the record.
	const blank = /^(?:(?:#[^\n]*)?\r?\n)*/.exec(row.raw)![0].length;
	const start = row.info.bytes - row.raw.length + blank;
	const raw = row.raw.slice(blank);
	const offsets = [0];
	let quoted = false;
	for (let i = 0; i < raw.length; i++) {
		const character = raw[i];
		if (character === '"') {
			if (quoted && raw[i + 1] === '"') i++;
			else quoted = !quoted;
		} else if (character === ',' && !quoted) offsets.push(i + 1);
	}
	return offsets.map((offset) => locate(start + offset));
}

function rowChecker(file: VFile, { journeyIds, journeys }: MetricTargets) {
	const known = new Set(journeyIds);
	const byId = new Map(journeys.map((journey) => [journey.id, journey]));
	const journeyTypos = suggester(journeyIds);
	const advice = (suggestion: string | undefined, otherwise: string) => (suggestion ? `did you mean "${suggestion}"?` : otherwise);
	// Exports repeat each journey thousands of times: index its touchpoints and KPIs once.
	const indexed = new Map<string, { touchpoints: Map<string, Journey['stages'][number]['touchpoints'][number]>; kpis: string[] } | undefined>();
	const targetsOf = (journeyId: string) => {
		if (!indexed.has(journeyId)) {
			const journey = byId.get(journeyId);
			const touchpoints = journey && journey.stages.flatMap((stage) => stage.touchpoints);
			indexed.set(journeyId, touchpoints && { touchpoints: new Map(touchpoints.map((t) => [t.id, t])), kpis: [CONVERSION_KPI, ...new Set(touchpoints.flatMap((t) => Object.keys(t.kpis)))] });
		}
		return indexed.get(journeyId);
	};
	return ([date, journeyId, touchpointId, kpi, written]: string[], at: (column: number) => Place): Measurement | undefined => {
		let ok = true;
		const fail = (column: number, reason: string, rule: 'invalid-metric' | 'unknown-metric' = 'invalid-metric') => {
			report(file, rule, reason, at(column));
			ok = false;
		};
		if (!DATE.test(date) || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) fail(0, `Unexpected date "${date}", expected a date such as 2026-11-23`);
		const number = NUMBER.exec(written);
		const percent = Boolean(number?.[4]);
		const value = number ? Number.parseFloat(written) / (percent ? 100 : 1) : Number.NaN;
		if (!number || !Number.isFinite(value)) fail(4, `Unexpected value "${written}", expected a number such as 0.42 or a percentage such as "45%"`);
		else if (kpi === CONVERSION_KPI && (value < 0 || value > 1)) fail(4, `Unexpected ${CONVERSION_KPI} "${written}", expected a share from 0 to 1, or a percentage such as "45%"`);
		if (!known.has(journeyId)) {
			fail(1, `Unexpected journey "${journeyId}", ${advice(journeyTypos.closest(journeyId), 'expected the id of a file under journeys/ (its path without `.md`)')}`, 'unknown-metric');
			return undefined;
		}
		const targets = targetsOf(journeyId);
		// A journey that could not be read has its own errors; its touchpoints and KPIs are unknown, not wrong.
		if (!targets) return undefined;
		const touchpoint = touchpointId === '' ? undefined : targets.touchpoints.get(touchpointId);
		if (touchpointId !== '' && !touchpoint) {
			const suggestion = suggester([...targets.touchpoints.keys()]).closest(touchpointId);
			fail(2, `Unexpected touchpoint "${touchpointId}" in journey ${journeyId}, ${advice(suggestion, 'expected the id of one of its touchpoints, or nothing for a KPI of the whole journey')}`, 'unknown-metric');
			return undefined;
		}
		const kpis = touchpoint ? [CONVERSION_KPI, ...Object.keys(touchpoint.kpis)] : targets.kpis;
		if (!kpis.includes(kpi)) {
			const where = touchpoint ? `touchpoint ${touchpoint.id} of journey ${journeyId}` : `journey ${journeyId}`;
			fail(3, `Unexpected KPI "${kpi}" for ${where}, ${advice(suggester(kpis).closest(kpi), `expected \`${CONVERSION_KPI}\` or a KPI its \`kpis\` name`)}`, 'unknown-metric');
		}
		return ok ? { date, journey: journeyId, ...(touchpoint ? { touchpoint: touchpoint.id } : {}), kpi, value, percent } : undefined;
	};
}

/** One KPI's measurements over time, oldest first. */
export interface KpiSeries {
	kpi: string;
	/** Whether its values were written as percentages. */
	percent: boolean;
	points: Array<{ date: string; value: number }>;
	/** The latest value, and the one before it when there is one. */
	latest: { date: string; value: number };
	previous?: { date: string; value: number };
	trend?: 'up' | 'down' | 'flat';
}

/** The series of a set of measurements, one per KPI, in order of first appearance; the last row of a date wins. */
export function kpiSeries(measurements: readonly Measurement[]): KpiSeries[] {
	const byKpi = new Map<string, Map<string, Measurement>>();
	for (const m of measurements) {
		const dates = byKpi.get(m.kpi) ?? new Map<string, Measurement>();
		dates.set(m.date, m);
		byKpi.set(m.kpi, dates);
	}
	return [...byKpi].map(([kpi, dates]) => {
		const points = [...dates.values()].sort((a, b) => a.date.localeCompare(b.date)).map(({ date, value }) => ({ date, value }));
		const latest = points.at(-1)!;
		const previous = points.at(-2);
		const trend = previous === undefined ? undefined : latest.value > previous.value ? 'up' : latest.value < previous.value ? 'down' : 'flat';
		return { kpi, percent: [...dates.values()].some((m) => m.percent), points, latest, ...(previous ? { previous } : {}), ...(trend ? { trend } : {}) };
	});
}

/**
 * The journeys with the measurements that name them: each touchpoint's and journey's series in
 * `measured`, and a measured `conversion` in place of the typed one, so the funnel and the curve
 * reading use what was measured. A journey without measurements is returned as it is; the others
 * are new objects (a parsed model is never changed: see `withTouchpoints`).
 */
export function applyMeasurements(journeys: readonly Journey[], measurements: readonly Measurement[]): Journey[] {
	if (measurements.length === 0) return [...journeys];
	const byJourney = new Map<string, Measurement[]>();
	for (const m of measurements) {
		const list = byJourney.get(m.journey);
		if (list) list.push(m);
		else byJourney.set(m.journey, [m]);
	}
	return journeys.map((journey) => {
		const mine = byJourney.get(journey.id);
		if (!mine) return journey;
		const level = mine.filter((m) => m.touchpoint === undefined);
		const byTouchpoint = new Map<string, Measurement[]>();
		for (const m of mine) if (m.touchpoint !== undefined) byTouchpoint.set(m.touchpoint, [...(byTouchpoint.get(m.touchpoint) ?? []), m]);
		const measuredJourney = level.length > 0 ? { ...journey, measured: kpiSeries(level) } : journey;
		return withTouchpoints(measuredJourney, (touchpoint) => {
			const rows = byTouchpoint.get(touchpoint.id) ?? [];
			if (rows.length === 0) return touchpoint;
			const measured = kpiSeries(rows);
			const conversion = measured.find((series) => series.kpi === CONVERSION_KPI);
			if (!conversion) return { ...touchpoint, measured };
			return { ...touchpoint, measured, ...(touchpoint.conversion !== undefined && { estimate: touchpoint.conversion }), conversion: conversion.latest.value };
		});
	});
}
