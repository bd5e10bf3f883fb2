/**
 * Touchpoint `evidence`: references to the journey's `sources` by title or position, resolved to
 * titles in the model; a reference to no source is an error where it is written, and a critical
 * step of a validated map without evidence is a warning.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { loadProject, parseJourney, touchpointsOf } from '../../src/core/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));

async function messagesOf(rule: string) {
	const { project, files } = await loadProject(join(fixtures, rule), { displayRoot: rule });
	const found: Record<string, Array<[number, number, string, string]>> = {};
	for (const file of files) found[file.path.slice(rule.length + 1)] = file.messages.map((m) => [m.line!, m.column!, m.ruleId!, m.reason]);
	return { project, found };
}

describe('unknown-source', () => {
	test('titles (ignoring case) and positions resolve; a typo, a position past the end, an unknown title and a journey without sources are errors at the reference', async () => {
		const { project, found } = await messagesOf('unknown-source');
		expect(found['journeys/evidence.md']).toEqual([
			[16, 20, 'unknown-source', 'Unexpected `evidence` `Ten interviews with comuters`, did you mean `Ten interviews with commuters`?'],
			[16, 50, 'unknown-source', 'Unexpected `evidence` 3, expected the title of one of the journey’s `sources` or its position, from 1 to 2'],
			[19, 19, 'unknown-source', 'Unexpected `evidence` `Card terminal errors`, expected the title of one of the journey’s `sources` or its position, from 1 to 2'],
		]);
		expect(found['journeys/no-sources.md']).toEqual([[9, 19, 'unknown-source', 'Unexpected `evidence` 1, expected a source of this journey, and it lists none: add it to `sources`']]);
		const journey = project.journeys.find((j) => j.id === 'evidence')!;
		// The model holds the sources' titles as the journey lists them; unknown references are left out.
		expect(touchpointsOf(journey).map((t) => t.evidence)).toEqual([['Ten interviews with commuters', 'Ticket machine logs'], undefined, undefined]);
	});

	test('a reference that is neither a title nor a whole position from 1 is a schema error', () => {
		const file = new VFile({
			path: 'journeys/x.md',
			value: '---\ntitle: T\npersona: p\nsources: [A]\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        evidence: [0, 1.5, {title: A}]\n---\n',
		});
		parseJourney(file, 'x');
		expect(file.messages.map((m) => [m.line, m.column, m.ruleId, m.reason])).toEqual([
			[9, 20, 'out-of-range', 'Unexpected `evidence[0]` 0 in touchpoint `A` of stage `S`, expected a source title or position (from 1), or a list of them'],
			[9, 23, 'wrong-type', 'Unexpected `evidence[1]` 1.5 in touchpoint `A` of stage `S`, expected a source title or position (from 1), or a list of them'],
			[9, 28, 'wrong-type', 'Unexpected `evidence[2]` map in touchpoint `A` of stage `S`, expected a source title or position (from 1), or a list of them'],
		]);
	});
});

describe('unsupported-touchpoint', () => {
	test('only high-criticality touchpoints without evidence, only on validated maps, at the criticality', async () => {
		const { found } = await messagesOf('unsupported-touchpoint');
		expect(found['journeys/hypothesis.md']).toEqual([]);
		expect(found['journeys/validated.md']).toEqual([
			[
				12,
				22,
				'unsupported-touchpoint',
				'Unexpected high-criticality touchpoint `Search` without `evidence` on a validated map, list the `sources` it rests on in `evidence`, or mark the map a `hypothesis`',
			],
		]);
	});
});
