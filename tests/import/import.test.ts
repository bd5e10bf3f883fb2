/** `importJourney` over real files: the checked-in fixtures, spreadsheets the test writes with exceljs, and broken files with their exact messages. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { importJourney } from '../../src/import/index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const frontmatter = (text: string) => parse(text.replace(/^---\n/, '').replace(/---\n$/, ''));
const run = (name: string, bytes = fixture(name), existingPersonas: string[] = []) => importJourney(name, bytes, { existingPersonas });

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array<ArrayBuffer>> {
	const book = new ExcelJS.Workbook();
	fill(book.addWorksheet('Sheet1'));
	return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('spreadsheets', () => {
	test('lanes as rows: a merged stage continues over its touchpoints, a 1-5 score maps to -2..2, synonyms place the lanes, an unknown lane is a warning', async () => {
		const imported = await run('lanes-as-rows.xlsx');
		expect(imported.warnings).toEqual(['lanes-as-rows.xlsx Sheet1!A7: unknown lane "Mood", did you mean "Feeling"?']);
		expect(frontmatter(imported.text)).toEqual({
			title: 'Lanes as rows',
			persona: 'customer',
			stages: [
				{ name: 'Discover', touchpoints: [{ name: 'See an ad', channel: ['mobile'], action: 'Taps the ad', emotion: 1 }, { name: 'Read reviews', channel: ['mobile', 'web'], action: 'Scrolls, compares', emotion: 0 }] },
				{ name: 'Buy', touchpoints: [{ name: 'Pay', channel: ['web'], action: 'Pays by card', emotion: -2, pains: ['Card declined', 'No PayPal'] }] },
			],
		});
		expect(imported.personas.map((persona) => persona.id)).toEqual(['customer']);
	});

	test('a row per touchpoint: a header row, a stage merged down, levels in any case', async () => {
		const { journey, warnings } = await run('touchpoint-rows.xlsx');
		expect(warnings).toEqual([]);
		expect(journey.stages.map((stage) => [stage.name, stage.touchpoints!.map((t) => t.name)])).toEqual([['Discover', ['See an ad', 'Read reviews']], ['Buy', ['Pay']]]);
		expect(journey.stages[0].touchpoints![1]).toEqual({ name: 'Read reviews', action: 'Scrolls, compares', emotion: 0, opportunities: ['Show reviews first', 'Filter by size'] });
		expect(journey.stages[1].touchpoints![0]).toMatchObject({ owner: 'Payments', criticality: 'high' });
	});

	test('both layouts, written here with exceljs, give the same journey', async () => {
		const rows = await workbook((sheet) => {
			sheet.addRow(['Stage', 'Discover', '', 'Buy']);
			sheet.addRow(['Touchpoint', 'See an ad', 'Read reviews', 'Pay']);
			sheet.addRow(['Thinking', 'Nice', 'Hmm', 'Ouch']);
			sheet.addRow(['Emotion (-2..2)', 2, 0, -2]);
		});
		const columns = await workbook((sheet) => {
			sheet.addRow(['Phase', 'Task', 'Thoughts', 'Rating (-2..2)']);
			sheet.addRow(['Discover', 'See an ad', 'Nice', 2]);
			sheet.addRow(['', 'Read reviews', 'Hmm', 0]);
			sheet.addRow(['Buy', 'Pay', 'Ouch', -2]);
		});
		const [a, b] = [await run('rows.xlsx', rows), await run('columns.xlsx', columns)];
		expect(a.journey.stages).toEqual(b.journey.stages);
		expect(a.journey.stages[1].touchpoints).toEqual([{ name: 'Pay', thinking: 'Ouch', emotion: -2 }]);
	});

	test('CSV and TSV: quoted separators, quotes and line breaks inside cells', async () => {
		const csv = await run('quoted.csv');
		expect(csv.journey.stages[0].touchpoints![0]).toEqual({ name: 'See an ad, then another', action: 'Taps it\nand waits', thinking: '"Is it cheap, though?"', emotion: 2 });
		expect(csv.journey.stages[1].touchpoints![0].action).toBe('Pays, by card');
		const tsv = await run('quoted.tsv');
		expect(tsv.journey.stages[0].touchpoints![0]).toEqual({ name: 'See an ad', action: 'Taps it, then\nwaits', feeling: 'curious', emotion: 1 });
	});

	test('a score without a scale on 1-5 is mapped, with a warning that says so; the formula guard of exports comes off', async () => {
		const text = "Stage,Discover,Buy\nTouchpoint,See an ad,Pay\nScore,4,1\nThinking,'=1+1,'-2 is bad\n";
		const imported = await run('scores.csv', new TextEncoder().encode(text));
		expect(imported.warnings).toEqual(['scores.csv A3: "Score" has no scale, assumed 1-5 (the values are 1 to 5); write "Score (1-5)" to say so']);
		expect(imported.journey.stages.map((stage) => stage.touchpoints![0])).toEqual([
			{ name: 'See an ad', thinking: '=1+1', emotion: 1 },
			{ name: 'Pay', thinking: '-2 is bad', emotion: -2 },
		]);
	});
});

describe('Mermaid', () => {
	test('the journey of Mermaid’s documentation, in a Markdown page: sections, tasks, scores and actors', async () => {
		const imported = await run('working-day.md');
		expect(frontmatter(imported.text)).toEqual({
			title: 'My working day',
			persona: ['me', 'cat'],
			stages: [
				{ name: 'Go to work', touchpoints: [{ name: 'Make tea', emotion: 2, persona: 'me' }, { name: 'Go upstairs', emotion: 0, persona: 'me' }, { name: 'Do work', emotion: -2 }] },
				{ name: 'Go home', touchpoints: [{ name: 'Go downstairs', emotion: 2, persona: 'me' }, { name: 'Sit down', emotion: 2, persona: 'me' }] },
			],
		});
		expect(imported.personas.map(({ id, name }) => [id, name])).toEqual([['me', 'Me'], ['cat', 'Cat']]);
		expect((await run('working-day.md', undefined, ['cat'])).personas.map((persona) => persona.id)).toEqual(['me']);
	});

	test('a score of 0 counts as 1; --persona takes every touchpoint', async () => {
		const text = 'journey\n  section A\n    Wait: 0: Me\n';
		const imported = await importJourney('a.mmd', new TextEncoder().encode(text), { existingPersonas: ['marco-rossi'], persona: 'marco-rossi' });
		expect(imported.journey).toEqual({ title: 'A', persona: 'marco-rossi', stages: [{ name: 'A', touchpoints: [{ name: 'Wait', emotion: -2 }] }] });
		expect(imported.personas).toEqual([]);
	});
});

describe('broken files stop with the sheet, row and column', () => {
	test.each([
		['empty.xlsx', 'empty.xlsx Sheet1: the sheet is empty'],
		['no-stage.csv', 'no-stage.csv: no stage row: name a row "Stage" (or Phase, Section) in column A, with each stage over its first touchpoint, or give a header row with a "Stage" column'],
		['score-9.csv', 'score-9.csv C3: score 9 is outside -2..2 and 1-5: give the scale in the header, such as "Score (1-10)"'],
		['not-a-workbook.xlsx', 'not-a-workbook.xlsx: not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx, or as .csv'],
	])('%s', async (name, message) => {
		await expect(run(name)).rejects.toThrow(message);
		await expect(run(name)).rejects.toHaveProperty('message', message);
	});

	test('a score outside the scale its header gives', async () => {
		await expect(run('s.csv', new TextEncoder().encode('Stage,A\nTouchpoint,B\nScore (1-5),6\n'))).rejects.toHaveProperty('message', 's.csv B3: score 6 is outside the scale 1..5 of "Score (1-5)"');
	});
});
