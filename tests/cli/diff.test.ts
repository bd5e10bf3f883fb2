/**
 * `cjm diff` as a reviewer runs it, on real git repositories: a temporary repository whose first
 * commit on `main` is the sample journeys and personas, one branch per kind of change, and the
 * real bin/cjm.js in a child process reading the versions through git. Every change is checked
 * in all three formats: text, JSON and the Markdown pull-request comment.
 *
 * The Markdown report of a realistic change is a checked-in fixture (tests/fixtures/diff/); when
 * the report changes on purpose, rewrite it with `UPDATE=1 npx vitest run tests/cli/diff.test.ts`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Change, ProjectDiff } from '../../src/core/diff.ts';
import { gitTestEnv } from '../helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'bin/cjm.js');
const FIXTURE = join(repo, 'tests/fixtures/diff/pizza-change.md');
const PIZZA = 'journeys/restaurant/pizza-visit.md';

/** No git settings from the machine or a surrounding hook (GIT_DIR would point git at another repository). */
const env: NodeJS.ProcessEnv = { ...gitTestEnv({ drop: ['CJM_DEBUG', 'FORCE_COLOR'] }), NO_COLOR: '1' };

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

type DiffJson = ProjectDiff & { base: string; head: string };

const temps: string[] = [];
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'cjm-diff-'));
	temps.push(dir);
	return dir;
}

/** `cjm …` in `cwd`. */
function cjm(cwd: string, ...args: string[]): Run {
	const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without waiting: the three formats of one diff run side by side. */
function cjmAsync(cwd: string, ...args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 }, (error, stdout, stderr) => {
			resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
		});
	});
}

class Repo {
	readonly dir: string;
	/** Where the project (journeys/, personas/) sits inside the repository. */
	readonly project: string;

	constructor(dir: string, project = dir) {
		this.dir = dir;
		this.project = project;
	}

	git(...args: string[]): string {
		const result = spawnSync('git', args, { cwd: this.dir, encoding: 'utf8', env });
		if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
		return result.stdout.trim();
	}

	read(path: string): string {
		return readFileSync(join(this.project, path), 'utf8');
	}

	write(path: string, text: string): void {
		mkdirSync(dirname(join(this.project, path)), { recursive: true });
		writeFileSync(join(this.project, path), text);
	}

	/** Replaces each `[old, new]` in the file; each `old` must occur exactly once. */
	edit(path: string, ...replacements: Array<[string, string]>): void {
		let text = this.read(path);
		for (const [old, replacement] of replacements) {
			expect(text.split(old).length - 1, `once in ${path}: ${old}`).toBe(1);
			text = text.replace(old, () => replacement);
		}
		this.write(path, text);
	}

	commit(message: string): void {
		this.git('add', '-A');
		this.git('commit', '-q', '-m', message);
	}

	/** A branch off `from` with one commit made by `change`; leaves `from` checked out. */
	branch(name: string, change: () => void, from = 'main'): void {
		this.git('checkout', '-q', '-b', name, from);
		change();
		this.commit(name);
		this.git('checkout', '-q', from);
	}

	cjm(...args: string[]): Run {
		return cjm(this.project, ...args);
	}

	/** `cjm diff …` in every format; each must succeed with nothing on stderr. */
	async diff(...refs: string[]): Promise<{ text: string; json: DiffJson; markdown: string }> {
		const formats = ['text', 'json', 'markdown'] as const;
		const runs = await Promise.all(formats.map((format) => cjmAsync(this.project, 'diff', ...refs, '--format', format)));
		runs.forEach((run, i) => expect(run, `cjm diff ${refs.join(' ')} --format ${formats[i]}`).toMatchObject({ status: 0, stderr: '' }));
		const [text, json, markdown] = runs.map((run) => run.stdout);
		return { text, json: JSON.parse(json) as DiffJson, markdown };
	}
}

/** A repository whose first commit on `main` is the sample project, at `subfolder` of the repository. */
function sampleRepo(subfolder = ''): Repo {
	const dir = tempDir();
	const project = join(dir, subfolder);
	for (const folder of ['journeys', 'personas']) cpSync(join(repo, folder), join(project, folder), { recursive: true });
	const result = new Repo(dir, project);
	result.git('init', '-q', '-b', 'main');
	result.commit('Sample journeys and personas');
	return result;
}

/** The body rows of the Markdown tables, each as its cells. */
const tableRows = (markdown: string) =>
	markdown
		.split('\n')
		.filter((line) => line.startsWith('| ') && !line.startsWith('| Change | Where') && !line.startsWith('| Where | Severity') && !line.startsWith('| - |'))
		.map((line) =>
			line
				.slice(1, -1)
				.split(/(?<!\\)\|/)
				.map((cell) => cell.trim())
		);

/** Text between `start` and the next `end`, or undefined. */
const between = (text: string, start: string, end: string) => {
	const from = text.indexOf(start);
	if (from < 0) return undefined;
	const to = text.indexOf(end, from + start.length);
	return to < 0 ? undefined : text.slice(from + start.length, to);
};

const PIZZA_TITLE = 'A Friday pizza at Forno Verde';
const touchpoint = (id: string, where: string) => ({ scope: 'touchpoint', id, where }) as const;
const entrance = touchpoint('find-entrance', 'Finding the entrance');

/** The one changed journey of a diff, with its changes. */
function onlyJourney(json: DiffJson, id = 'restaurant/pizza-visit') {
	expect(json.journeys.map((journey) => [journey.id, journey.status])).toEqual([[id, 'changed']]);
	return json.journeys[0];
}

let samples: Repo;

beforeAll(() => {
	samples = sampleRepo();
	const remove = (text: string): [string, string] => [text, ''];

	samples.branch('add-journey', () =>
		samples.write(
			'journeys/restaurant/takeaway.md',
			[
				'---',
				'title: Ordering a takeaway pizza',
				'persona: eva-molin',
				'stages:',
				'  - name: Ordering',
				'    touchpoints:',
				'      - name: Calling the restaurant',
				'        channel: phone',
				'        emotion: 0',
				'      - name: Picking up the pizza',
				'        channel: in person',
				'        emotion: 1',
				'---',
				'',
			].join('\n')
		)
	);

	samples.branch('remove-touchpoint', () =>
		samples.edit(
			PIZZA,
			remove(`      - name: Waiting for the pizza
        channel: in person
        action: Chats with her friends while the pizzas are baked
        feeling: relaxed
        emotion: 0
        time: "19:40"
`)
		)
	);

	samples.branch('emotion', () =>
		samples.edit(PIZZA, ['        feeling: annoyed\n        emotion: -2\n', '        feeling: annoyed\n        emotion: 0\n'], ['        feeling: delighted\n        emotion: 2\n', '        feeling: delighted\n        emotion: 1\n'])
	);

	samples.branch('rename-journey', () => samples.git('mv', 'journeys/saas/trial-evaluation.md', 'journeys/saas/wiki-trial.md'));

	samples.branch('rename-touchpoint', () => samples.edit(PIZZA, ['      - name: Finding the entrance\n        id: find-entrance\n', '      - name: Finding the courtyard door\n        id: find-entrance\n']));

	samples.branch('reorder-stages', () => {
		const text = samples.read(PIZZA);
		const [gettingThere, arrival, ordering] = ['  - name: Getting there\n', '  - name: Arrival & seating\n', '  - name: Ordering\n'].map((line) => text.indexOf(line));
		samples.write(PIZZA, text.slice(0, gettingThere) + text.slice(arrival, ordering) + text.slice(gettingThere, arrival) + text.slice(ordering));
	});

	samples.branch('move-touchpoint', () => {
		const restroom = `      - name: Looking for the restroom
        channel: in person
        action: Goes to find the restroom and opens the kitchen door by mistake
        thinking: "There isn't a single sign. This is embarrassing."
        feeling: embarrassed
        emotion: -2
        pains:
          - text: No restroom signs anywhere in the dining room
            owner: Operations
            impact: 3
            effort: 1
        opportunities: Put up restroom signs that can be seen from every table
        owner: Operations
        criticality: low
`;
		samples.edit(PIZZA, remove(restroom), ['      - name: Splitting the bill by card\n', `${restroom}      - name: Splitting the bill by card\n`]);
	});

	samples.branch('persona', () => {
		samples.edit('personas/eva-molin.md', ['role: Journalist at a regional daily newspaper', 'role: Editor at a regional daily newspaper'], ['  age: 29\n', '  age: 30\n']);
		samples.write('personas/luca-bianchi.md', '---\nname: Luca Bianchi\nrole: Chef and owner of Forno Verde\n---\n\nLuca runs the kitchen.\n');
	});

	samples.branch('pains-and-kpis', () =>
		samples.edit(
			PIZZA,
			['owner: Guest experience team\n', 'owner: Operations\n'],
			['        owner: Marketing\n        criticality: high\n        conversion: 0.6\n', '        owner: Front of house\n        criticality: high\n        conversion: 0.5\n'],
			['          listing views per week: 1200\n', '          listing views per week: 1500\n'],
			['          calls from listing per week: 18\n', '          photos on the listing: 12\n'],
			['          - text: Nothing about how the kitchen handles allergies\n            owner: Kitchen\n', '          - text: Nothing about how the kitchen handles allergies\n            owner: Front of house\n'],
			['        pains: The Friday rush leaves one waiter for the whole room; the bill takes ten minutes\n', '        pains: The card terminal has to be fetched from the counter\n']
		)
	);

	samples.branch('unknown-persona', () => samples.edit(PIZZA, ['persona: eva-molin\n', 'persona: eva-mollin\n']));
	samples.branch('unknown-key', () => samples.edit(PIZZA, ['        id: find-entrance\n', '        id: find-entrance\n        colour: red\n']));
	samples.branch('fix-key', () => samples.edit(PIZZA, ['        colour: red\n', '']), 'unknown-key');
}, 60_000);

describe('an added journey', () => {
	test('is added, with no changes of its own to list', async () => {
		const { text, json, markdown } = await samples.diff('main', 'add-journey');
		expect(text).toBe('1 journey added · no new validation problems\n\njourney restaurant/takeaway: added — Ordering a takeaway pizza\n');
		expect(json).toEqual({
			base: 'main',
			head: 'add-journey',
			journeys: [{ type: 'journey', status: 'added', id: 'restaurant/takeaway', title: 'Ordering a takeaway pizza', changes: [] }],
			personas: [],
			problems: { introduced: [], resolved: [] },
		});
		expect(markdown).toBe(
			[
				'<!-- cjm-diff -->',
				'',
				'## Journey map changes',
				'',
				'**1 journey added · no new validation problems**',
				'',
				'Compared `main` with `add-journey`.',
				'',
				'### Journey added: Ordering a takeaway pizza',
				'',
				'`restaurant/takeaway`',
				'',
			].join('\n')
		);
	});
});

describe('touchpoints and stages', () => {
	test('a removed touchpoint, with the stage it was in and the emotion that goes with it', async () => {
		const { text, json, markdown } = await samples.diff('main', 'remove-touchpoint');
		expect(text).toBe(
			[
				'1 journey changed · no new validation problems',
				'',
				`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
				'  Touchpoint removed     Waiting for the pizza: in Time to eat',
				'  Emotion                Waiting for the pizza: 0 → —',
				'',
			].join('\n')
		);
		const waiting = touchpoint('waiting-for-the-pizza', 'Waiting for the pizza');
		expect(onlyJourney(json).changes).toEqual([
			{ kind: 'removed', ...waiting, before: 'Time to eat' },
			{ kind: 'emotion', ...waiting, before: '0' },
		]);
		expect(json.problems).toEqual({ introduced: [], resolved: [] });
		expect(tableRows(markdown)).toEqual([
			['Touchpoint removed', 'Waiting for the pizza', 'in Time to eat', ''],
			['Emotion', 'Waiting for the pizza', '0', '—'],
		]);
		// The other touchpoints feel the same as before: no curve to compare.
		expect(markdown).not.toContain('mermaid');
	});

	test('emotion up and down, with exact values, directions and the before/after curve', async () => {
		const { text, json, markdown } = await samples.diff('main', 'emotion');
		expect(text).toBe(
			[
				'1 journey changed · emotion up at 1 touchpoint, down at 1 · no new validation problems',
				'',
				`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
				'  Emotion ↑              Finding the entrance: −2 → 0',
				'  Emotion ↓              Eating the pizza: +2 → +1',
				'',
			].join('\n')
		);
		const journey = onlyJourney(json);
		expect(journey.changes).toEqual([
			{ kind: 'emotion', ...entrance, before: '−2', after: '0', direction: 'up' },
			{ kind: 'emotion', ...touchpoint('eating-the-pizza', 'Eating the pizza'), before: '+2', after: '+1', direction: 'down' },
		]);
		const curves = journey.curves!;
		expect(curves.labels).toHaveLength(23);
		const at = (name: string) => curves.labels.indexOf(name);
		expect([curves.before[at('Finding the entrance')], curves.after[at('Finding the entrance')]]).toEqual([-2, 0]);
		expect([curves.before[at('Eating the pizza')], curves.after[at('Eating the pizza')]]).toEqual([2, 1]);
		expect(curves.before.filter((score, i) => score !== curves.after[i])).toHaveLength(2);

		expect(markdown).toContain('**1 journey changed · emotion up at 1 touchpoint, down at 1 · no new validation problems**');
		expect(tableRows(markdown)).toEqual([
			['Emotion ↑', 'Finding the entrance', '−2', '0'],
			['Emotion ↓', 'Eating the pizza', '+2', '+1'],
		]);
		// The chart is folded: a comment opens on the table, the curve is one click away.
		const folded = between(markdown, '<details><summary>Emotion curve, before and after</summary>\n\n', '\n\n</details>');
		expect(folded).toBeDefined();
		const chart = between(folded!, '```mermaid\n', '\n```');
		expect(chart).toContain('\nxychart-beta\n');
		expect(chart).toContain('\n  y-axis "Emotion" -2 --> 2\n');
		expect(chart).toContain(`\n  line [${curves.before.join(', ')}]\n  line [${curves.after.join(', ')}]`);
	});

	test('a journey file moved with git mv is renamed, not removed and added', async () => {
		const { text, json, markdown } = await samples.diff('main', 'rename-journey');
		const title = 'Evaluating a team wiki during a 14-day trial';
		expect(text).toBe(`1 journey renamed · no new validation problems\n\njourney saas/wiki-trial (was saas/trial-evaluation): renamed — ${title}\n`);
		expect(json.journeys).toEqual([{ type: 'journey', status: 'renamed', id: 'saas/wiki-trial', previousId: 'saas/trial-evaluation', title, changes: [] }]);
		expect(markdown).toContain(`### Journey renamed: ${title}\n\n\`saas/wiki-trial\`, was \`saas/trial-evaluation\`\n`);
		expect(markdown).not.toMatch(/removed|added/);
	});

	test('a touchpoint whose explicit id survives a new name is renamed, not removed and added', async () => {
		const { text, json, markdown } = await samples.diff('main', 'rename-touchpoint');
		const lines = text.split('\n');
		expect(lines.slice(0, 4)).toEqual([
			'1 journey changed · no new validation problems',
			'',
			`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
			'  Touchpoint renamed     Finding the courtyard door: Finding the entrance → Finding the courtyard door',
		]);
		// The body's `### Finding the entrance` no longer names the touchpoint, so its notes fall back to the stage: the report says so.
		expect(lines).toContain('  Notes                  Finding the courtyard door: Seven of twelve interviewed guests mentioned the entrance without being asked. … → —');
		const changes = onlyJourney(json).changes;
		expect(changes[0]).toEqual({ kind: 'renamed', ...touchpoint('find-entrance', 'Finding the courtyard door'), before: 'Finding the entrance', after: 'Finding the courtyard door' });
		expect(changes.filter((change: { kind: string }) => change.kind === 'removed' || change.kind === 'added')).toEqual([]);
		expect(changes.slice(1).map((change: { field?: string; where?: string }) => [change.field, change.where])).toEqual([
			['notes', 'Getting there'],
			['notes', 'Finding the courtyard door'],
		]);
		expect(tableRows(markdown)[0]).toEqual(['Touchpoint renamed', 'Finding the courtyard door', 'Finding the entrance', 'Finding the courtyard door']);
	});

	test('swapped stages: one stage moved, none of its touchpoints, no knock-on `next` changes', async () => {
		const { text, json, markdown } = await samples.diff('main', 'reorder-stages');
		expect(text).toBe(
			['1 journey changed · no new validation problems', '', `journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`, '  Stage moved            Getting there: position 3 → position 4', ''].join('\n')
		);
		expect(onlyJourney(json).changes).toEqual([{ kind: 'moved', scope: 'stage', id: 'getting-there', where: 'Getting there', before: 'position 3', after: 'position 4' }]);
		expect(tableRows(markdown)).toEqual([['Stage moved', 'Getting there', 'position 3', 'position 4']]);
		expect(markdown).not.toContain('mermaid');
	});

	test('a touchpoint moved to another stage names both stages', async () => {
		const { text, json, markdown } = await samples.diff('main', 'move-touchpoint');
		expect(text).toBe(
			[
				'1 journey changed · no new validation problems',
				'',
				`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
				'  Touchpoint moved       Looking for the restroom: Time to eat → Paying the bill',
				'',
			].join('\n')
		);
		expect(onlyJourney(json).changes).toEqual([{ kind: 'moved', ...touchpoint('looking-for-the-restroom', 'Looking for the restroom'), before: 'Time to eat', after: 'Paying the bill' }]);
		expect(tableRows(markdown)).toEqual([['Touchpoint moved', 'Looking for the restroom', 'Time to eat', 'Paying the bill']]);
	});
});

describe('personas', () => {
	test('a changed field, a changed trait and an added persona (unused, so a new warning)', async () => {
		const { text, json, markdown } = await samples.diff('main', 'persona');
		const unused = 'Unexpected persona `luca-bianchi` that no journey uses, reference it from a journey’s `persona` or remove it';
		expect(text).toBe(
			[
				'2 personas: 1 changed, 1 added · 1 new warning',
				'',
				'persona eva-molin: changed — Eva Molin',
				'  Role                   Journalist at a regional daily newspaper → Editor at a regional daily newspaper',
				'  Trait age              29 → 30',
				'',
				'persona luca-bianchi: added — Luca Bianchi',
				'',
				'New validation problems:',
				`  personas/luca-bianchi.md:2:1: warning ${unused} [unused-persona]`,
				'',
			].join('\n')
		);
		expect(json.journeys).toEqual([]);
		expect(json.personas).toEqual([
			{
				type: 'persona',
				status: 'changed',
				id: 'eva-molin',
				title: 'Eva Molin',
				changes: [
					{ kind: 'field', scope: 'persona', field: 'role', before: 'Journalist at a regional daily newspaper', after: 'Editor at a regional daily newspaper' },
					{ kind: 'field', scope: 'persona', field: 'trait age', before: '29', after: '30' },
				],
			},
			{ type: 'persona', status: 'added', id: 'luca-bianchi', title: 'Luca Bianchi', changes: [] },
		]);
		expect(json.problems).toEqual({
			introduced: [{ path: 'personas/luca-bianchi.md', line: 2, column: 1, severity: 'warning', rule: 'unused-persona', message: unused }],
			resolved: [],
		});
		expect(markdown).toContain('**2 personas: 1 changed, 1 added · 1 new warning**');
		expect(markdown).toContain('### Persona changed: Eva Molin\n\n`eva-molin`\n');
		expect(markdown).toContain('### Persona added: Luca Bianchi\n\n`luca-bianchi`\n');
		expect(tableRows(markdown)).toEqual([
			['personas/luca-bianchi.md:2:1', 'warning', 'Unexpected persona `luca-bianchi` that no journey uses, reference it from a journey’s `persona` or remove it', 'unused-persona'],
			['Role', '', 'Journalist at a regional daily newspaper', 'Editor at a regional daily newspaper'],
			['Trait age', '', '29', '30'],
		]);
		// New problems come first: they are what a reviewer must act on.
		expect(markdown.indexOf('### New validation problems')).toBeLessThan(markdown.indexOf('### Persona changed'));
	});
});

describe('pains, conversion, KPIs and owners', () => {
	test('each change on its touchpoint, in journey order, and the end-to-end conversion it leads to', async () => {
		const { text, json, markdown } = await samples.diff('main', 'pains-and-kpis');
		const maps = touchpoint('searching-google-maps', 'Searching Google Maps');
		const reviews = touchpoint('reading-online-reviews', 'Reading online reviews');
		const bill = touchpoint('asking-for-the-bill', 'Asking for the bill');
		const changes: Change[] = [
			{ kind: 'owner', scope: 'journey', field: 'owner', before: 'Guest experience team', after: 'Operations' },
			{ kind: 'conversion', ...maps, before: '60%', after: '50%', direction: 'down' },
			{ kind: 'kpi', ...maps, field: 'listing views per week', before: '1200', after: '1500' },
			{ kind: 'kpi', ...maps, field: 'calls from listing per week', before: '18' },
			{ kind: 'kpi', ...maps, field: 'photos on the listing', after: '12' },
			{ kind: 'owner', ...maps, field: 'owner', before: 'Marketing', after: 'Front of house' },
			{ kind: 'owner', ...reviews, field: 'owner of pain “Nothing about how the kitchen handles allergies”', before: 'Kitchen', after: 'Front of house' },
			{ kind: 'pain-added', ...bill, after: 'The card terminal has to be fetched from the counter' },
			{ kind: 'pain-resolved', ...bill, before: 'The Friday rush leaves one waiter for the whole room; the bill takes ten minutes' },
		];
		const journey = onlyJourney(json);
		expect(journey.changes.slice(0, -1)).toEqual(changes);
		const endToEnd = journey.changes.at(-1)!;
		expect(endToEnd).toMatchObject({ kind: 'conversion', scope: 'journey', field: 'end-to-end conversion', direction: 'down' });
		expect(Number.parseFloat(endToEnd.after!) / Number.parseFloat(endToEnd.before!)).toBeCloseTo(0.5 / 0.6, 1);

		expect(text).toBe(
			[
				'1 journey changed · 1 pain added, 1 resolved · no new validation problems',
				'',
				`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
				'  Owner                  Whole journey: Guest experience team → Operations',
				'  Conversion ↓           Searching Google Maps: 60% → 50%',
				'  KPI “listing views per week” Searching Google Maps: 1200 → 1500',
				'  KPI “calls from listing per week” Searching Google Maps: 18 → —',
				'  KPI “photos on the listing” Searching Google Maps: — → 12',
				'  Owner                  Searching Google Maps: Marketing → Front of house',
				'  Owner of pain “Nothing about how the kitchen handles allergies” Reading online reviews: Kitchen → Front of house',
				'  Pain added             Asking for the bill: The card terminal has to be fetched from the counter',
				'  Pain resolved          Asking for the bill: The Friday rush leaves one waiter for the whole room; the bill takes ten minutes',
				`  End-to-end conversion ↓ Whole journey: ${endToEnd.before} → ${endToEnd.after}`,
				'',
			].join('\n')
		);
		expect(markdown).toContain('**1 journey changed · 1 pain added, 1 resolved · no new validation problems**');
		expect(tableRows(markdown)).toEqual([
			['Owner', 'Whole journey', 'Guest experience team', 'Operations'],
			['Conversion ↓', 'Searching Google Maps', '60%', '50%'],
			['KPI “listing views per week”', 'Searching Google Maps', '1200', '1500'],
			['KPI “calls from listing per week”', 'Searching Google Maps', '18', '—'],
			['KPI “photos on the listing”', 'Searching Google Maps', '—', '12'],
			['Owner', 'Searching Google Maps', 'Marketing', 'Front of house'],
			['Owner of pain “Nothing about how the kitchen handles allergies”', 'Reading online reviews', 'Kitchen', 'Front of house'],
			['Pain added', 'Asking for the bill', '', 'The card terminal has to be fetched from the counter'],
			['Pain resolved', 'Asking for the bill', 'The Friday rush leaves one waiter for the whole room; the bill takes ten minutes', ''],
			['End-to-end conversion ↓', 'Whole journey', endToEnd.before, endToEnd.after],
		]);
	});
});

describe('validation problems', () => {
	const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

	test('an unknown persona: the journey still reads, the new error and warning have their places', async () => {
		const { text, json, markdown } = await samples.diff('main', 'unknown-persona');
		const error = 'Unexpected `persona` `eva-mollin`, did you mean `eva-molin`?';
		const warning = 'Unexpected persona `eva-molin` that no journey uses, reference it from a journey’s `persona` or remove it';
		expect(onlyJourney(json).changes).toEqual([{ kind: 'field', scope: 'journey', field: 'personas', before: 'eva-molin', after: 'eva-mollin' }]);
		expect(json.problems).toEqual({
			introduced: [
				{ path: PIZZA, line: 3, column: 10, severity: 'error', rule: 'unknown-persona', message: error },
				{ path: 'personas/eva-molin.md', line: 2, column: 1, severity: 'warning', rule: 'unused-persona', message: warning },
			],
			resolved: [],
		});
		expect(text).toBe(
			[
				'1 journey changed · 1 new error, 1 new warning',
				'',
				`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
				'  Personas               Whole journey: eva-molin → eva-mollin',
				'',
				'New validation problems:',
				`  ${PIZZA}:3:10: error ${error} [unknown-persona]`,
				`  personas/eva-molin.md:2:1: warning ${warning} [unused-persona]`,
				'',
			].join('\n')
		);
		expect(markdown).toContain('**1 journey changed · 1 new error, 1 new warning**');
		expect(tableRows(markdown)).toEqual([
			[`${PIZZA}:3:10`, 'error', error, 'unknown-persona'],
			['personas/eva-molin.md:2:1', 'warning', warning, 'unused-persona'],
			['Personas', 'Whole journey', 'eva-molin', 'eva-mollin'],
		]);
	});

	test('an unknown key makes the journey unreadable: said so, not reported as removed', async () => {
		const line = lineOf(samples.git('show', `unknown-key:${PIZZA}`), '        colour: red');
		const { text, json, markdown } = await samples.diff('main', 'unknown-key');
		expect(json.journeys).toEqual([{ type: 'journey', status: 'changed', id: 'restaurant/pizza-visit', title: PIZZA_TITLE, changes: [], unreadable: 'head' }]);
		expect(json.problems.resolved).toEqual([]);
		expect(json.problems.introduced).toEqual([
			{ path: PIZZA, line, column: 9, severity: 'error', rule: 'unknown-key', message: expect.stringMatching(/^Unexpected key `colour` in touchpoint `Finding the entrance` of stage `Getting there`, expected one of `name`, /) },
		]);
		const { message } = json.problems.introduced[0];
		expect(text).toBe(
			[
				'1 journey changed · 1 new error',
				'',
				`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
				'  This change leaves the file unreadable, so what else changed is not known: see the new validation problems.',
				'',
				'New validation problems:',
				`  ${PIZZA}:${line}:9: error ${message} [unknown-key]`,
				'',
			].join('\n')
		);
		expect(markdown).toContain('**1 journey changed · 1 new error**');
		expect(markdown).toContain('*This change leaves the file unreadable, so what else changed is not known: see the new validation problems.*');
		expect(tableRows(markdown)).toEqual([[`${PIZZA}:${line}:9`, 'error', message, 'unknown-key']]);
		expect(markdown).not.toContain('removed');
	});

	test('fixing it shows the problem as fixed, at its place in the base', async () => {
		const line = lineOf(samples.git('show', `unknown-key:${PIZZA}`), '        colour: red');
		const { text, json, markdown } = await samples.diff('unknown-key', 'fix-key');
		expect(json.journeys).toEqual([{ type: 'journey', status: 'changed', id: 'restaurant/pizza-visit', title: PIZZA_TITLE, changes: [], unreadable: 'base' }]);
		expect(json.problems.introduced).toEqual([]);
		expect(json.problems.resolved).toEqual([expect.objectContaining({ path: PIZZA, line, column: 9, severity: 'error', rule: 'unknown-key' })]);
		const { message } = json.problems.resolved[0];
		expect(text).toBe(
			[
				'1 journey changed · no new validation problems, 1 fixed',
				'',
				`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
				'  The file could not be read before this change, so what changed is not known: see the fixed validation problems.',
				'',
				'Fixed validation problems (where they were in the base):',
				`  ${PIZZA}:${line}:9: error ${message} [unknown-key]`,
				'',
			].join('\n')
		);
		expect(markdown).toContain('**1 journey changed · no new validation problems, 1 fixed**');
		expect(markdown).not.toContain('### New validation problems');
		const fixed = between(markdown, '<details><summary>1 validation problem fixed</summary>\n\n', '\n\n</details>');
		expect(fixed && tableRows(fixed)).toEqual([[`${PIZZA}:${line}:9`, 'error', message, 'unknown-key']]);
	});

	test('broken and fixed again: nothing to report', async () => {
		const { text, json, markdown } = await samples.diff('main', 'fix-key');
		expect(text).toBe('No journey or persona changed; no new validation problems.\n');
		expect(json).toEqual({ base: 'main', head: 'fix-key', journeys: [], personas: [], problems: { introduced: [], resolved: [] } });
		expect(markdown).toBe('<!-- cjm-diff -->\n\n## Journey map changes\n\n**No journey or persona changed; no new validation problems.**\n\nCompared `main` with `fix-key`.\n');
	});
});

describe('which versions are compared', () => {
	let flow: Repo;
	let mergeBase: string;

	beforeAll(() => {
		// main ── samples ─┬─ alana's role changes (main moves on)
		//                  └─ feature: entrance emotion −2 → 0; uncommitted: pizza emotion 2 → 1
		flow = sampleRepo();
		mergeBase = flow.git('rev-parse', 'HEAD');
		flow.branch('feature', () => flow.edit(PIZZA, ['        feeling: annoyed\n        emotion: -2\n', '        feeling: annoyed\n        emotion: 0\n']));
		flow.edit('personas/alana.md', ['role: Project manager\n', 'role: Head of project management\n']);
		flow.commit('Alana got promoted');
		flow.git('checkout', '-q', 'feature');
		flow.edit(PIZZA, ['        feeling: delighted\n        emotion: 2\n', '        feeling: delighted\n        emotion: 1\n']);
	}, 60_000);

	const emotions = (json: DiffJson) => json.journeys.flatMap((journey) => journey.changes.filter((change) => change.kind === 'emotion').map((change) => change.where));
	const personas = (json: DiffJson) => json.personas.map((persona) => persona.id);

	test('no arguments: the merge base with main against the working tree, committed or not', async () => {
		const { text, json, markdown } = await flow.diff();
		expect(json.base).toBe(mergeBase);
		expect(json.head).toBe('working tree');
		expect(emotions(json)).toEqual(['Finding the entrance', 'Eating the pizza']);
		// What happened on main since the branch is not part of this change.
		expect(personas(json)).toEqual([]);
		expect(text).toContain('  Emotion ↑              Finding the entrance: −2 → 0\n  Emotion ↓              Eating the pizza: +2 → +1\n');
		expect(markdown).toContain(`Compared \`merge base ${mergeBase.slice(0, 12)}\` with \`working tree\`.`);
	});

	test('a base only: that revision against the working tree', async () => {
		const { json, markdown } = await flow.diff('main');
		expect(json.base).toBe('main');
		expect(emotions(json)).toEqual(['Finding the entrance', 'Eating the pizza']);
		// main is ahead: its change shows up undone.
		expect(json.personas).toEqual([expect.objectContaining({ id: 'alana', changes: [expect.objectContaining({ field: 'role', before: 'Head of project management', after: 'Project manager' })] })]);
		expect(markdown).toContain('Compared `main` with `working tree`.');
	});

	test('base and head: two revisions, the working tree plays no part', async () => {
		const { json, text } = await flow.diff(mergeBase, 'feature');
		expect(json.head).toBe('feature');
		expect(emotions(json)).toEqual(['Finding the entrance']);
		expect(personas(json)).toEqual([]);
		expect((await flow.diff('HEAD~1', 'HEAD')).text).toBe(text);
	});

	test('HEAD against the working tree: only what is not committed yet', async () => {
		const { json } = await flow.diff('HEAD');
		expect(emotions(json)).toEqual(['Eating the pizza']);
	});

	test('on main with a clean tree, the default base is HEAD itself: nothing changed', async () => {
		const clean = sampleRepo();
		expect(clean.cjm('diff')).toEqual({ status: 0, stdout: 'No journey or persona changed; no new validation problems.\n', stderr: '' });
	});

	test('from a folder inside the project, and for a project in a subfolder of the repository', async () => {
		const nested = sampleRepo('docs/maps');
		nested.edit(PIZZA, ['        feeling: annoyed\n        emotion: -2\n', '        feeling: annoyed\n        emotion: 0\n']);
		const expected = [
			'1 journey changed · emotion up at 1 touchpoint · no new validation problems',
			'',
			`journey restaurant/pizza-visit: changed — ${PIZZA_TITLE}`,
			'  Emotion ↑              Finding the entrance: −2 → 0',
			'',
		].join('\n');
		expect(nested.cjm('diff')).toEqual({ status: 0, stdout: expected, stderr: '' });
		expect(cjm(join(nested.project, 'journeys/restaurant'), 'diff', 'main')).toEqual({ status: 0, stdout: expected, stderr: '' });
		nested.commit('Entrance fixed');
		expect(nested.cjm('diff', 'HEAD~1', 'HEAD')).toEqual({ status: 0, stdout: expected, stderr: '' });
	});
});

describe('usage errors: exit 2, one clear line, no stack trace', () => {
	const unknown = (ref: string) => `cjm: Unknown git revision \`${ref}\`; pass a branch, tag or commit (on CI, fetch it first: \`git fetch origin ${ref}\`)\n`;

	test('an unknown base or head revision', async () => {
		expect(samples.cjm('diff', 'no-such-branch')).toEqual({ status: 2, stdout: '', stderr: unknown('no-such-branch') });
		expect(samples.cjm('diff', 'main', 'no-such-branch', '--format', 'markdown')).toEqual({ status: 2, stdout: '', stderr: unknown('no-such-branch') });
		expect(samples.cjm('diff', 'origin/main').stderr).toBe(unknown('origin/main').replace('git fetch origin origin/main', 'git fetch origin main'));
	});

	test('outside a git repository', async () => {
		const dir = tempDir();
		cpSync(join(repo, 'journeys'), join(dir, 'journeys'), { recursive: true });
		for (const args of [['diff'], ['diff', 'main'], ['diff', 'main', 'HEAD', '-f', 'json']]) {
			const run = cjm(dir, ...args);
			expect(run).toEqual({
				status: 2,
				stdout: '',
				stderr: 'cjm: Not inside a git repository; `cjm diff` compares git revisions of a project (to check files outside git, use `cjm validate`)\n',
			});
		}
	});

	test('no default branch to compare with', async () => {
		const trunk = sampleRepo();
		trunk.git('branch', '-m', 'main', 'trunk');
		expect(trunk.cjm('diff')).toEqual({ status: 2, stdout: '', stderr: 'cjm: Cannot find the default branch to compare with; pass the base revision, e.g. `cjm diff origin/main`\n' });
	});

	test('not in a project folder', async () => {
		const run = cjm(tempDir(), 'diff');
		expect(run.status).toBe(2);
		expect(run.stderr).toBe('cjm: `.` is not a project folder (one with journeys/ or personas/) nor inside one\n');
	});

	test('a format that does not exist', async () => {
		const run = samples.cjm('diff', '--format', 'html');
		expect(run.status).toBe(2);
		expect(run.stderr).toContain("argument 'html' is invalid. Allowed choices are text, json, markdown.");
	});
});

describe('the Markdown report of a realistic change (checked-in fixture)', () => {
	test('fixing the hard-to-find entrance of the pizza journey', async () => {
		samples.branch('fix-entrance', () => {
			samples.edit(
				PIZZA,
				[
					`        action: Walks past the gate twice before a friend spots a small sign inside the courtyard
        thinking: "If I were on my own I'd have gone home by now."
        feeling: annoyed
        emotion: -2
        pains:
          - text: The only sign is inside the courtyard and cannot be seen from the street
            owner: Operations
            impact: 5
            effort: 2
          - Google Maps puts the pin on the front building, not the courtyard door
        opportunities:
          - text: Put a lit sign on the street gate and a chalkboard on the pavement
            owner: Operations
            impact: 5
            effort: 2
          - text: Move the map pin and add a photo of the gate to the listing
            owner: Marketing
            impact: 3
            effort: 1
`,
					`        action: Sees the lit sign on the street gate and walks through the courtyard to the door
        thinking: "There it is. That was easy."
        feeling: relieved
        emotion: 0
        pains:
          - Google Maps puts the pin on the front building, not the courtyard door
        opportunities:
          - text: Move the map pin and add a photo of the gate to the listing
            owner: Marketing
            impact: 3
            effort: 1
          - text: Mention the courtyard entrance in the booking confirmation
            owner: Front of house
            impact: 3
            effort: 1
`,
				],
				['        conversion: 0.85\n', '        conversion: 0.95\n'],
				['          guests who mention the entrance in interviews: "7 of 12"\n', '          guests who mention the entrance in interviews: "1 of 12"\n'],
				['          - text: No restroom signs anywhere in the dining room\n            owner: Operations\n', '          - text: No restroom signs anywhere in the dining room\n            owner: Front of house\n'],
				[
					'      - name: Asking the waiter about peanuts\n',
					`      - name: Reading the allergen menu
        id: allergen-menu
        channel: in person
        action: Turns the menu over and finds an allergen column next to every dish
        thinking: "Pesto: pine nuts, no peanuts. I don't even have to ask."
        feeling: reassured
        emotion: 1
        owner: Kitchen
      - name: Asking the waiter about peanuts
`,
				]
			);
		});
		const { text, json, markdown } = await samples.diff('main', 'fix-entrance');

		if (process.env.UPDATE || !existsSync(FIXTURE)) {
			mkdirSync(dirname(FIXTURE), { recursive: true });
			writeFileSync(FIXTURE, markdown);
		}
		expect(markdown).toBe(readFileSync(FIXTURE, 'utf8'));

		// What the fixture has to show, whatever its exact wording.
		expect(markdown.split('\n')[0]).toBe('<!-- cjm-diff -->');
		expect(markdown).toContain('**1 journey changed · emotion up at 1 touchpoint · 1 pain resolved · no new validation problems**');
		expect(tableRows(markdown)).toEqual(
			expect.arrayContaining([
				['Emotion ↑', 'Finding the entrance', '−2', '0'],
				['Pain resolved', 'Finding the entrance', 'The only sign is inside the courtyard and cannot be seen from the street', ''],
				['Opportunity added', 'Finding the entrance', '', 'Mention the courtyard entrance in the booking confirmation'],
				['Conversion ↑', 'Finding the entrance', '85%', '95%'],
				['Owner of pain “No restroom signs anywhere in the dining room”', 'Looking for the restroom', 'Operations', 'Front of house'],
				['Touchpoint added', 'Reading the allergen menu', '', 'in Ordering'],
				['Emotion', 'Reading the allergen menu', '—', '+1'],
			])
		);
		expect(markdown).toMatch(/<details><summary>Emotion curve, before and after<\/summary>\n\n```mermaid\n[^`]*xychart-beta[^`]*```\n\n<\/details>\n/);
		expect(markdown.length).toBeLessThan(65_536);

		// The same change in the other formats.
		expect(text.split('\n')[0]).toBe('1 journey changed · emotion up at 1 touchpoint · 1 pain resolved · no new validation problems');
		expect(text).toContain('  Touchpoint added       Reading the allergen menu: in Ordering\n  Emotion                Reading the allergen menu: — → +1\n');
		expect(onlyJourney(json).changes.map((change) => change.kind)).toEqual([
			'emotion',
			'pain-resolved',
			'opportunity-added',
			'opportunity-removed',
			'conversion',
			'kpi',
			'field',
			'field',
			'field',
			'added',
			'emotion',
			'owner',
			'conversion',
		]);
	});
});
