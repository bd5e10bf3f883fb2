/**
 * The format defined once: every field of the schema says how the diff and the table show it or
 * why they do not, and the field lists those views walk come from the schema under the model's names.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { diffProjects } from '../../src/core/diff.ts';
import { comparedFields, fieldsOf, lanesOf, shows, unlistedFields } from '../../src/core/fields.ts';
import { type Journey, type Stage, type Touchpoint, touchpointsOf } from '../../src/core/index.ts';
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

describe('the diff reports a change of every field it compares', () => {
	/** What a field holds when it is left out of the file. */
	const emptied = (value: unknown) => (Array.isArray(value) ? [] : undefined);
	const filled = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);
	/** The changes from the samples to the samples with `edit` applied to a copy of `journey`. */
	const changes = (journey: Journey, edit: (copy: Journey) => void) => {
		const copy = structuredClone(journey);
		edit(copy);
		const version = (list: Journey[]) => ({ project: { journeys: list, personas }, files: [] });
		return diffProjects(version(journeys), version(journeys.map((each) => (each === journey ? copy : each)))).journeys.flatMap((diff) => diff.changes);
	};

	test.each(comparedFields<Journey>(JourneySchema, JOURNEY_NAMES))('journey `%s`', (field) => {
		const journey = journeys.find((each) => filled(each[field]))!;
		expect(changes(journey, (copy) => Object.assign(copy, { [field]: emptied(journey[field]) }))).toContainEqual(expect.objectContaining({ scope: 'journey', field }));
	});

	test.each(comparedFields<Stage>(StageSchema))('stage `%s`', (field) => {
		const journey = journeys.find((each) => each.stages.some((stage) => filled(stage[field])))!;
		const index = journey.stages.findIndex((stage) => filled(stage[field]));
		const change = changes(journey, (copy) => Object.assign(copy.stages[index], { [field]: emptied(journey.stages[index][field]) }));
		expect(change).toContainEqual(expect.objectContaining({ scope: 'stage', id: journey.stages[index].id, field }));
	});

	// The last touchpoint of a journey is left alone: its `next` ends the journey whether written or not.
	test.each(comparedFields<Touchpoint>(TouchpointSchema, TOUCHPOINT_NAMES))('touchpoint `%s`', (field) => {
		const journey = journeys.find((each) => touchpointsOf(each).slice(0, -1).some((t) => filled(t[field])))!;
		const touchpoint = touchpointsOf(journey).find((t) => filled(t[field]))!;
		const change = changes(journey, (copy) => Object.assign(touchpointsOf(copy).find((t) => t.id === touchpoint.id)!, { [field]: emptied(touchpoint[field]) }));
		expect(change).toContainEqual(expect.objectContaining({ scope: 'touchpoint', id: touchpoint.id, field }));
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
