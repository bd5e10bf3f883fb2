/** `parent` and `zoom`: unknown journeys with did-you-mean, and loops of journeys detailing each other, at the reference. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/core/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));

async function found(rule: string) {
	const { files } = await loadProject(join(fixtures, rule), { displayRoot: rule });
	return Object.fromEntries(files.map((file) => [file.path.slice(rule.length + 1), file.messages.map((m) => [m.line, m.column, m.ruleId, m.reason])]));
}

describe('unknown-journey', () => {
	test('a typo gets a suggestion, a journey that does not exist the advice; zoom and parent alike', async () => {
		expect(await found('unknown-journey')).toEqual({
			'journeys/buying.md': [
				[9, 15, 'unknown-journey', 'Unexpected `zoom` `searhc`, did you mean `search`?'],
				[12, 15, 'unknown-journey', 'Unexpected `zoom` `archive/paying`, expected the id of a file under journeys/ (its path without `.md`)'],
			],
			'journeys/search.md': [[4, 9, 'unknown-journey', 'Unexpected `parent` `buyng`, did you mean `buying`?']],
			'personas/p.md': [],
		});
	});
});

describe('journey-cycle', () => {
	test('a parent and a zoom that point both ways, and a journey zooming into itself; a plain chain is fine', async () => {
		expect(await found('journey-cycle')).toEqual({
			'journeys/board.md': [],
			'journeys/search.md': [
				[10, 15, 'journey-cycle', 'Unexpected `zoom` `search` that closes a loop of journeys detailing each other (`search` → `search`, each detailed by the next), remove one of the links'],
			],
			'journeys/ticket.md': [],
			'journeys/trip.md': [
				[4, 9, 'journey-cycle', 'Unexpected `parent` `ticket` that closes a loop of journeys detailing each other (`ticket` → `trip` → `ticket`, each detailed by the next), remove one of the links'],
				[10, 15, 'journey-cycle', 'Unexpected `zoom` `ticket` that closes a loop of journeys detailing each other (`trip` → `ticket` → `trip`, each detailed by the next), remove one of the links'],
			],
			'personas/p.md': [],
		});
	});
});
