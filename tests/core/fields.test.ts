/**
 * The format defined once: every field of the schema says how the diff and the table show it or
 * why they do not, and the field lists those views walk come from the schema under the model's names.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { comparedFields, fieldsOf, lanesOf, shows, unlistedFields } from '../../src/core/fields.ts';
import { touchpointsOf } from '../../src/core/index.ts';
import { JOURNEY_NAMES, JourneySchema, PersonaSchema, StageSchema, TOUCHPOINT_NAMES, TouchpointSchema } from '../../src/core/schema.ts';
import { journeyTable } from '../../src/render/index.ts';
import { sampleProject } from '../helpers.ts';

const { journeys, personas } = await sampleProject();
const stages = journeys.flatMap((journey) => journey.stages);
const touchpoints = journeys.flatMap(touchpointsOf);

describe('every field is shown by the views or hidden from them on purpose', () => {
	test.each([
		['journey', JourneySchema],
		['stage', StageSchema],
		['touchpoint', TouchpointSchema],
	])('%s fields: by the diff and the table', (_, schema) => {
		expect(unlistedFields(schema, ['diff', 'table'])).toEqual([]);
	});

	test('persona fields: by the diff (personas have no table)', () => {
		expect(unlistedFields(PersonaSchema, ['diff'])).toEqual([]);
	});

	test('the stage and touchpoint schemas checked are the ones inside the journey schema', () => {
		expect(JourneySchema.shape.stages.element).toBe(StageSchema);
		expect(StageSchema.shape.touchpoints.unwrap().element).toBe(TouchpointSchema);
	});

	test('a new field that says nothing is named, for each view', () => {
		const schema = TouchpointSchema.extend({ mood: z.string().optional() });
		expect(unlistedFields(schema, ['diff', 'table'])).toEqual([
			'`mood` is neither shown by the diff nor hidden from it with a reason',
			'`mood` is neither shown by the table nor hidden from it with a reason',
		]);
	});

	test('a field shown by the diff only is named for the table', () => {
		const schema = StageSchema.extend({ mood: shows(z.string().optional(), { diff: 'compare' }) });
		expect(unlistedFields(schema, ['diff', 'table'])).toEqual(['`mood` is neither shown by the table nor hidden from it with a reason']);
	});

	test('hiding a field takes a reason', () => {
		const schema = JourneySchema.extend({ mood: shows(z.string().optional(), { diff: { hidden: ' ' }, table: { hidden: 'not about stages' } }) });
		expect(unlistedFields(schema, ['diff', 'table'])).toEqual(['`mood` is hidden from the diff without a reason']);
	});
});

describe('the views walk the fields under the model’s names', () => {
	/** Every key some model object has. */
	const keys = (objects: object[]) => new Set(objects.flatMap((object) => Object.keys(object)));

	test.each([
		['journey', fieldsOf(JourneySchema, JOURNEY_NAMES), journeys],
		['stage', fieldsOf(StageSchema), stages],
		['touchpoint', fieldsOf(TouchpointSchema, TOUCHPOINT_NAMES), touchpoints],
		['persona', fieldsOf(PersonaSchema), personas],
	])('every %s field is a key of the model', (_, fields, models) => {
		const missing = fields.map((field) => field.name).filter((name) => !keys(models).has(name));
		expect(missing).toEqual([]);
	});

	test('the diff compares a touchpoint’s channels, not a `channel` the model lacks', () => {
		expect(comparedFields(TouchpointSchema, TOUCHPOINT_NAMES)).toContain('channels');
		expect(comparedFields(JourneySchema, JOURNEY_NAMES)).toContain('personas');
		expect(comparedFields(JourneySchema, JOURNEY_NAMES)).not.toContain('updated');
	});

	test('fields sharing a lane are shown in one row: feeling and emotion, conversion and KPIs', () => {
		const lanes = lanesOf(TouchpointSchema, TOUCHPOINT_NAMES);
		expect(lanes.find((lane) => lane.label === 'Feeling')?.fields).toEqual(['feeling', 'emotion']);
		expect(lanes.find((lane) => lane.label === 'Conversion & KPIs')?.fields).toEqual(['conversion', 'kpis']);
		expect(new Set(lanes.map((lane) => lane.label)).size).toBe(lanes.length);
	});

	test('every lane shows its fields as text or with a cell of its own, never as `[object Object]`', () => {
		for (const journey of journeys) expect(journeyTable(journey)).not.toContain('[object ');
	});
});

describe('the docs describe every field', async () => {
	const docs = await readFile(new URL('../../docs/file-format.md', import.meta.url), 'utf8');

	test.each([
		['journey', JourneySchema],
		['stage', StageSchema],
		['touchpoint', TouchpointSchema],
	])('docs/file-format.md names every %s key', (_, schema) => {
		expect(fieldsOf(schema).filter(({ key }) => !docs.includes(`\`${key}\``)).map(({ key }) => key)).toEqual([]);
	});

	test('docs/file-format.md shows every persona key in its example', () => {
		expect(fieldsOf(PersonaSchema).filter(({ key }) => !new RegExp(`^${key}:`, 'm').test(docs)).map(({ key }) => key)).toEqual([]);
	});
});
