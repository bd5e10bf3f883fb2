import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { jsonSchemas } from '../../src/core/json-schema.ts';
import { RULES } from '../../src/core/rules.ts';

const root = new URL('../../', import.meta.url);

describe('generated documentation', () => {
	test.each(Object.entries(jsonSchemas()))('schema/%s is up to date (run `npm run schema`)', async (name, schema) => {
		const committed = JSON.parse(await readFile(new URL(`schema/${name}`, root), 'utf8'));
		expect(committed).toEqual(schema);
	});

	test('the journey schema describes every touchpoint key', () => {
		const journey = jsonSchemas()['journey.schema.json'] as any;
		const touchpoint = journey.properties.stages.items.properties.touchpoints.items;
		expect(Object.keys(touchpoint.properties)).toContain('emotion');
		expect(touchpoint.additionalProperties).toBe(false);
		expect(touchpoint.required).toEqual(['name']);
	});

	test('docs/file-format.md documents every rule with its severity', async () => {
		const docs = await readFile(new URL('docs/file-format.md', root), 'utf8');
		for (const [rule, { severity }] of Object.entries(RULES)) {
			expect(docs).toContain(`| \`${rule}\` | ${severity} |`);
		}
	});
});
