/**
 * Where each field of the file format shows: views attached once to the field's schema (a zod
 * registry, kept out of the generated JSON Schemas), from which the diff and the table derive
 * the fields they walk. Every field says how each view shows it or why it does not, so a new
 * field that a view forgets fails a test (tests/core/fields.test.ts) instead of vanishing.
 */
import { z } from 'zod';

/** Deliberately not shown by a view; the reason says why. */
export interface Hidden {
	hidden: string;
}

/** Shown by code of the view's own rather than by walking the field list; says what it shows. */
export interface Own {
	own: string;
}

export interface FieldViews {
	/** `compare`: the diff compares the before and after values as text (a `field` change, or `owner`). */
	diff: 'compare' | Own | Hidden;
	/**
	 * `lane`: the row of the stage-by-touchpoint table that shows it; fields sharing a lane are
	 * shown together, lanes come in the order of their first field. `optional` lanes appear only
	 * when some touchpoint has a value (blueprint lanes, times, personas).
	 */
	table?: { lane: string; optional?: true } | Own | Hidden;
}

export type View = keyof FieldViews;

export const FIELD_VIEWS = z.registry<FieldViews>();

/** Attaches `views` to a field's schema; returns the same schema. */
export function shows<T extends z.ZodType>(schema: T, views: FieldViews): T {
	FIELD_VIEWS.add(schema, views);
	return schema;
}

/** Keys the model spells differently from the file, such as a touchpoint's `channel` → `channels`. */
export type ModelNames = Readonly<Record<string, string>>;

/** A schema's output under the model's names. */
export type Renamed<T, Names extends ModelNames> = { [K in keyof T as K extends keyof Names ? Names[K] : K]: T[K] };

/** `value` (a schema's output) under the model's names. */
export function renamed<T extends object, Names extends ModelNames>(value: T, names: Names): Renamed<T, Names> {
	const result: Record<string, unknown> = {};
	for (const key of Object.keys(value)) result[names[key] ?? key] = value[key as keyof T];
	return result as Renamed<T, Names>;
}

export interface Field {
	/** As written in the file. */
	key: string;
	/** As the model names it. */
	name: string;
	views?: FieldViews;
}

/** The fields of an object schema, in the order of the schema. */
export function fieldsOf(schema: z.ZodObject, names: ModelNames = {}): Field[] {
	return Object.entries(schema.shape).map(([key, field]) => ({ key, name: names[key] ?? key, views: FIELD_VIEWS.get(field) }));
}

/** Model names of the fields the diff compares as text, in schema order. */
export function comparedFields<T>(schema: z.ZodObject, names: ModelNames = {}): Array<keyof T & string> {
	return fieldsOf(schema, names)
		.filter((field) => field.views?.diff === 'compare')
		.map((field) => field.name as keyof T & string);
}

export interface Lane<T> {
	label: string;
	/** Model names of the fields it shows, in schema order. */
	fields: Array<keyof T & string>;
	optional: boolean;
}

/** The table's lanes, in the order of their first field. */
export function lanesOf<T>(schema: z.ZodObject, names: ModelNames = {}): Array<Lane<T>> {
	const lanes = new Map<string, Lane<T>>();
	for (const { name, views } of fieldsOf(schema, names)) {
		const table = views?.table;
		if (!table || !('lane' in table)) continue;
		const lane = lanes.get(table.lane) ?? { label: table.lane, fields: [], optional: false };
		lane.fields.push(name as keyof T & string);
		lane.optional ||= table.optional === true;
		lanes.set(table.lane, lane);
	}
	return [...lanes.values()];
}

/**
 * What is missing for every field of `schema` to be shown by each of `views` or hidden with a
 * reason: one line per field and view, naming the field. Empty when nothing is missing.
 */
export function unlistedFields(schema: z.ZodObject, views: View[]): string[] {
	return fieldsOf(schema).flatMap(({ key, views: shown }) =>
		views.flatMap((view) => {
			const how = shown?.[view];
			if (how === undefined) return [`\`${key}\` is neither shown by the ${view} nor hidden from it with a reason`];
			if (typeof how === 'object' && 'hidden' in how && how.hidden.trim() === '') return [`\`${key}\` is hidden from the ${view} without a reason`];
			return [];
		})
	);
}
