/**
 * The semantic diff on projects in memory (checkSources, no git): what counts as a move, a
 * rename, an add or a remove, which knock-on effects are not changes of their own, and which
 * validation problems are new. The CLI tests (tests/cli/diff.test.ts) run the same through git.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Change, commonSubsequence, diffProjects, type ProjectDiff, type Version } from '../../src/core/diff.ts';
import { checkSources, treeFiles } from '../../src/core/index.ts';

const PERSONA = '---\nname: Pat\nrole: Shopper\n---\n';

/** A project from file texts, with personas/p.md unless personas are given. */
function version(files: Record<string, string>, displayRoot?: string): Version {
	const all = Object.keys(files).some((path) => path.startsWith('personas/')) ? files : { 'personas/p.md': PERSONA, ...files };
	return checkSources(
		Object.entries(all).map(([path, value]) => ({ path, value })),
		{ displayRoot, files: treeFiles(new Map()) }
	);
}

/** A journey with stages of touchpoints, each touchpoint `name` or `name: yaml lines`. */
function journey(stages: Array<[string, string[]]>, head = 'title: Shopping\n'): string {
	const touchpoint = (spec: string) => {
		const [name, ...lines] = spec.split('\n');
		const emotion = lines.some((line) => line.startsWith('emotion:')) ? [] : ['emotion: 0'];
		return [`      - name: ${name}`, ...[...lines, ...emotion].map((line) => `        ${line}`)].join('\n');
	};
	const body = stages.map(([stage, touchpoints]) => [`  - name: ${stage}`, '    touchpoints:', ...touchpoints.map(touchpoint)].join('\n')).join('\n');
	return `---\n${head}persona: p\nstages:\n${body}\n---\n`;
}

const j = (stages: Array<[string, string[]]>, head?: string) => ({ 'journeys/shop.md': journey(stages, head) });
const changesOf = (diff: ProjectDiff): Change[] => {
	expect(diff.journeys).toHaveLength(1);
	return diff.journeys[0].changes;
};
const compare = (before: Record<string, string>, after: Record<string, string>) => diffProjects(version(before), version(after));
const tp = (id: string, where: string) => ({ scope: 'touchpoint', id, where }) as const;

describe('commonSubsequence', () => {
	test.each([
		[['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']],
		[['a', 'b', 'c'], ['c', 'a', 'b'], ['a', 'b']],
		[['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'], ['b', 'c', 'd']],
		[['a', 'b', 'c'], ['c', 'b', 'a'], ['c']],
		[[], ['a'], []],
		[['a', 'x', 'b'], ['a', 'b', 'y'], ['a', 'b']],
	])('%j and %j keep %j', (a, b, common) => {
		expect(commonSubsequence(a, b)).toHaveLength(common.length);
		if (common.length !== 1) expect(commonSubsequence(a, b)).toEqual(common);
	});

	/** The quadratic table it replaced, kept as the reference: the same answer, ties included. */
	const byTable = (a: string[], b: string[]) => {
		const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
		for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
		const common: string[] = [];
		for (let i = 0, j = 0; i < a.length && j < b.length; ) {
			if (a[i] === b[j]) (common.push(a[i]), i++, j++);
			else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
			else j++;
		}
		return common;
	};

	test('gives the same answer as a full table for reorders, adds and removes of unique ids', () => {
		const ids = fc.uniqueArray(fc.integer({ min: 0, max: 40 }).map(String), { maxLength: 30 });
		fc.assert(fc.property(ids, ids, (a, b) => void expect(commonSubsequence(a, b)).toEqual(byTable(a, b))), { numRuns: 500 });
	});

	test('runs in linear memory on 30,000 ids', () => {
		const a = Array.from({ length: 30_000 }, (_, i) => `t${i}`);
		const b = [...a.slice(1), a[0]];
		expect(commonSubsequence(a, b)).toHaveLength(29_999);
	});
});

describe('nothing changed', () => {
	test('the same files give an empty diff', () => {
		const files = j([['Look', ['Search', 'Browse']]]);
		expect(compare(files, files)).toEqual({ journeys: [], personas: [], problems: { introduced: [], resolved: [] } });
	});

	test('`updated` is not part of the diff', () => {
		const before = journey([['Look', ['Search']]], 'title: Shopping\nupdated: 2026-01-01\n');
		const after = journey([['Look', ['Search']]], 'title: Shopping\nupdated: 2026-02-01\n');
		expect(compare({ 'journeys/shop.md': before }, { 'journeys/shop.md': after }).journeys).toEqual([]);
	});

	test('edits to the Markdown body are notes changes: introduction, stage and touchpoint notes', () => {
		const base = journey([['Look', ['Search']]], 'title: Shopping\n');
		const before = `${base}\nIntro.\n\n## Look\n\nOld stage note.\n\n### Search\n\nSame.\n`;
		const after = `${base}\nIntro, longer.\n\n## Look\n\nNew stage note.\n\n### Search\n\nSame.\n`;
		expect(changesOf(compare({ 'journeys/shop.md': before }, { 'journeys/shop.md': after }))).toEqual([
			{ kind: 'field', scope: 'stage', id: 'look', where: 'Look', field: 'notes', before: 'Old stage note.', after: 'New stage note.' },
			{ kind: 'field', scope: 'journey', field: 'introduction', before: 'Intro.', after: 'Intro, longer.' },
		]);
	});
});

describe('stages', () => {
	const stages = (...names: string[]) => j(names.map((name) => [name, [`${name} step`]]));

	test('two stages swapped: one stage moved, its touchpoints not, and no `next` changes', () => {
		expect(changesOf(compare(stages('A', 'B', 'C'), stages('A', 'C', 'B')))).toEqual([{ kind: 'moved', scope: 'stage', id: 'b', where: 'B', before: 'position 2', after: 'position 3' }]);
	});

	test('the first stage moved to the end: only that one moved', () => {
		expect(changesOf(compare(stages('A', 'B', 'C', 'D'), stages('B', 'C', 'D', 'A')))).toEqual([{ kind: 'moved', scope: 'stage', id: 'a', where: 'A', before: 'position 1', after: 'position 4' }]);
	});

	test('three stages reversed: two moved', () => {
		const changes = changesOf(compare(stages('A', 'B', 'C'), stages('C', 'B', 'A')));
		expect(changes.map((change) => [change.kind, change.scope])).toEqual([
			['moved', 'stage'],
			['moved', 'stage'],
		]);
	});

	test('added, removed, renamed under the same id, and a field change', () => {
		const before = j([
			['A', ['a1']],
			['Old name\n    id: keep', ['k1']],
			['Gone', ['g1']],
		]);
		const after = j([
			['A\n    goal: Find it', ['a1']],
			['New name\n    id: keep', ['k1']],
			['Fresh', ['g1']],
		]);
		expect(changesOf(compare(before, after))).toEqual([
			{ kind: 'field', scope: 'stage', id: 'a', where: 'A', field: 'goal', after: 'Find it' },
			{ kind: 'renamed', scope: 'stage', id: 'keep', where: 'New name', before: 'Old name', after: 'New name' },
			{ kind: 'added', scope: 'stage', id: 'fresh', where: 'Fresh' },
			{ kind: 'removed', scope: 'stage', id: 'gone', where: 'Gone' },
			{ kind: 'moved', scope: 'touchpoint', id: 'g1', where: 'g1', before: 'Gone', after: 'Fresh' },
		]);
	});
});

describe('touchpoints', () => {
	test('two touchpoints swapped within a stage: one moved, with its positions in the stage', () => {
		expect(changesOf(compare(j([['Look', ['Search', 'Browse', 'Compare']]]), j([['Look', ['Browse', 'Search', 'Compare']]])))).toEqual([
			{ kind: 'moved', ...tp('search', 'Search'), before: 'position 1 in Look', after: 'position 2 in Look' },
		]);
	});

	test('moved to the next stage without changing the overall order: still a move', () => {
		const before = j([
			['Look', ['Search', 'Browse']],
			['Buy', ['Pay']],
		]);
		const after = j([
			['Look', ['Search']],
			['Buy', ['Browse', 'Pay']],
		]);
		expect(changesOf(compare(before, after))).toEqual([{ kind: 'moved', ...tp('browse', 'Browse'), before: 'Look', after: 'Buy' }]);
	});

	test('moved to another stage: the touchpoints around it are not moved', () => {
		const before = j([
			['Look', ['Search', 'Browse', 'Compare']],
			['Buy', ['Pay', 'Confirm']],
		]);
		const after = j([
			['Look', ['Search', 'Compare']],
			['Buy', ['Pay', 'Browse', 'Confirm']],
		]);
		expect(changesOf(compare(before, after))).toEqual([{ kind: 'moved', ...tp('browse', 'Browse'), before: 'Look', after: 'Buy' }]);
	});

	test('a new name with an explicit id is a rename; without one the id follows the name', () => {
		expect(changesOf(compare(j([['Look', ['Search\nid: s']]]), j([['Look', ['Find\nid: s']]])))).toEqual([{ kind: 'renamed', ...tp('s', 'Find'), before: 'Search', after: 'Find' }]);
		expect(changesOf(compare(j([['Look', ['Search']]]), j([['Look', ['Find']]])))).toEqual([
			{ kind: 'added', ...tp('find', 'Find'), after: 'Look' },
			{ kind: 'emotion', ...tp('find', 'Find'), after: '0' },
			{ kind: 'removed', ...tp('search', 'Search'), before: 'Look' },
			{ kind: 'emotion', ...tp('search', 'Search'), before: '0' },
		]);
	});

	test('added and removed touchpoints bring their emotion, and their neighbours’ default `next` is no change', () => {
		const before = j([['Look', ['Search', 'Browse\nemotion: -2\npains: Slow', 'Pay']]]);
		const after = j([['Look', ['Search', 'Pay', 'Review\nemotion: 1']]]);
		expect(changesOf(compare(before, after))).toEqual([
			{ kind: 'added', ...tp('review', 'Review'), after: 'Look' },
			{ kind: 'emotion', ...tp('review', 'Review'), after: '+1' },
			{ kind: 'removed', ...tp('browse', 'Browse'), before: 'Look' },
			{ kind: 'emotion', ...tp('browse', 'Browse'), before: '−2' },
		]);
	});

	test('an explicit `next` that changes is reported, by touchpoint id', () => {
		const before = j([['Look', ['Search', 'Browse', 'Pay']]]);
		const after = j([['Look', ['Search\nnext: [pay]', 'Browse', 'Pay']]]);
		expect(changesOf(compare(before, after))).toEqual([{ kind: 'field', ...tp('search', 'Search'), field: 'next', before: 'browse', after: 'pay' }]);
		const ends = j([['Look', ['Search\nnext: []', 'Browse', 'Pay']]]);
		expect(changesOf(compare(after, ends))).toEqual([{ kind: 'field', ...tp('search', 'Search'), field: 'next', before: 'pay', after: 'end of journey' }]);
	});

	test('emotion with direction, and the desired emotion as a field', () => {
		const before = j([['Look', ['Search\nemotion: -2', 'Pay\nemotion: 2', 'Leave\nemotion: 0']]]);
		const after = j([['Look', ['Search\nemotion: 0', 'Pay\nemotion: 1', 'Leave\nemotion: {actual: 0, desired: 2}']]]);
		expect(changesOf(compare(before, after))).toEqual([
			{ kind: 'emotion', ...tp('search', 'Search'), before: '−2', after: '0', direction: 'up' },
			{ kind: 'emotion', ...tp('pay', 'Pay'), before: '+2', after: '+1', direction: 'down' },
			{ kind: 'field', ...tp('leave', 'Leave'), field: 'desired emotion', after: '+2' },
		]);
	});

	test('pains and opportunities matched by text; owner and rating changes of one item', () => {
		const before = j([['Look', ['Search\nemotion: -1\nowner: Web\npains:\n  - text: Slow\n    owner: Web\n    impact: 2\n  - Ugly\nopportunities: Cache it']]]);
		const after = j([['Look', ['Search\nemotion: -1\nowner: Web\npains:\n  - text: Slow\n    owner: Platform\n    impact: 4\n  - Confusing\nopportunities: [Cache it, Redesign]']]]);
		const at = tp('search', 'Search');
		expect(changesOf(compare(before, after))).toEqual([
			{ kind: 'pain-added', ...at, after: 'Confusing' },
			{ kind: 'pain-resolved', ...at, before: 'Ugly' },
			{ kind: 'owner', ...at, field: 'owner of pain “Slow”', before: 'Web', after: 'Platform' },
			{ kind: 'field', ...at, field: 'impact of pain “Slow”', before: '2', after: '4' },
			{ kind: 'opportunity-added', ...at, after: 'Redesign' },
		]);
	});

	test('conversion of a touchpoint and of the whole journey, KPIs one by one, owners', () => {
		const before = j([['Look', ['Search\nconversion: 0.5\nowner: Web\nkpis: {visits: 100, bounce: "40%"}', 'Pay\nconversion: 0.5']]], 'title: Shopping\nowner: Team A\n');
		const after = j([['Look', ['Search\nconversion: 60%\nowner: Shop\nkpis: {visits: 120, orders: 7}', 'Pay\nconversion: 0.5']]], 'title: Shopping\nowner: Team B\n');
		const at = tp('search', 'Search');
		expect(changesOf(compare(before, after))).toEqual([
			{ kind: 'owner', scope: 'journey', field: 'owner', before: 'Team A', after: 'Team B' },
			{ kind: 'conversion', ...at, before: '50%', after: '60%', direction: 'up' },
			{ kind: 'kpi', ...at, field: 'visits', before: '100', after: '120' },
			{ kind: 'kpi', ...at, field: 'bounce', before: '40%' },
			{ kind: 'kpi', ...at, field: 'orders', after: '7' },
			{ kind: 'owner', ...at, field: 'owner', before: 'Web', after: 'Shop' },
			{ kind: 'conversion', scope: 'journey', field: 'end-to-end conversion', before: '25%', after: '30%', direction: 'up' },
		]);
	});
});

describe('curves', () => {
	test('over the touchpoints both versions have, in the new order', () => {
		const before = j([['Look', ['A\nemotion: -1', 'B\nemotion: 0', 'C\nemotion: 1', 'Gone\nemotion: 2']]]);
		const after = j([['Look', ['C\nemotion: 1', 'A\nemotion: 1', 'New\nemotion: -2', 'B\nemotion: 0']]]);
		expect(compare(before, after).journeys[0].curves).toEqual({ labels: ['C', 'A', 'B'], before: [1, -1, 0], after: [1, 1, 0] });
	});

	test('none with fewer than two shared touchpoints', () => {
		const diff = compare(j([['Look', ['A\nemotion: -1', 'B']]]), j([['Look', ['A\nemotion: 1', 'C']]]));
		expect(diff.journeys[0].changes.length).toBeGreaterThan(0);
		expect(diff.journeys[0].curves).toBeUndefined();
	});
});

describe('journeys and personas', () => {
	const shop = journey([['Look', ['Search', 'Browse', 'Compare']]]);

	test('a journey in a new file whose touchpoints survive is renamed, even with a new title', () => {
		const moved = journey([['Look', ['Search', 'Browse', 'Compare', 'Ask']]], 'title: Shopping online\n');
		const diff = compare({ 'journeys/shop.md': shop }, { 'journeys/web/shop.md': moved });
		expect(diff.journeys).toEqual([
			{
				type: 'journey',
				status: 'renamed',
				id: 'web/shop',
				previousId: 'shop',
				title: 'Shopping online',
				changes: [
					{ kind: 'field', scope: 'journey', field: 'title', before: 'Shopping', after: 'Shopping online' },
					{ kind: 'added', ...tp('ask', 'Ask'), after: 'Look' },
					{ kind: 'emotion', ...tp('ask', 'Ask'), after: '0' },
				],
				curves: { labels: ['Search', 'Browse', 'Compare'], before: [0, 0, 0], after: [0, 0, 0] },
			},
		]);
	});

	test('a different journey in a new file is an add and a remove', () => {
		const other = journey([['Visit', ['Arrive', 'Leave']]], 'title: Visiting\n');
		const diff = compare({ 'journeys/shop.md': shop }, { 'journeys/visit.md': other });
		expect(diff.journeys.map((each) => [each.status, each.id])).toEqual([
			['added', 'visit'],
			['removed', 'shop'],
		]);
	});

	test('personas: moved file with the same name is renamed; fields, list items and traits', () => {
		const files = { 'journeys/shop.md': shop };
		const before = { ...files, 'personas/p.md': '---\nname: Pat\nrole: Shopper\nneeds: [Speed]\ntraits: {age: 30, city: Oslo}\n---\n' };
		const after = {
			...files,
			'personas/p.md': '---\nname: Pat\nrole: Buyer\nneeds: [Speed, Trust]\ntraits: {age: 31, city: Oslo, pets: 1}\n---\n',
			'personas/q.md': PERSONA.replace('Pat', 'Quinn'),
		};
		const diff = compare(before, after);
		expect(diff.personas).toEqual([
			{
				type: 'persona',
				status: 'changed',
				id: 'p',
				title: 'Pat',
				changes: [
					{ kind: 'field', scope: 'persona', field: 'role', before: 'Shopper', after: 'Buyer' },
					{ kind: 'field', scope: 'persona', field: 'needs', before: 'Speed', after: 'Speed, Trust' },
					{ kind: 'field', scope: 'persona', field: 'trait age', before: '30', after: '31' },
					{ kind: 'field', scope: 'persona', field: 'trait pets', after: '1' },
				],
			},
			{ type: 'persona', status: 'added', id: 'q', title: 'Quinn', changes: [] },
		]);
		const renamed = compare({ ...files, 'personas/p.md': PERSONA }, { 'journeys/shop.md': shop.replace('persona: p', 'persona: team/p'), 'personas/team/p.md': PERSONA });
		expect(renamed.personas).toEqual([{ type: 'persona', status: 'renamed', id: 'team/p', previousId: 'p', title: 'Pat', changes: [] }]);
		expect(renamed.problems).toEqual({ introduced: [], resolved: [] });
	});

	test('a file that breaks is "unreadable", neither removed nor a rename candidate; fixed, likewise', () => {
		const broken = shop.replace('title: Shopping\n', 'title: Shopping\ncolour: red\n');
		const copy = journey([['Look', ['Search', 'Browse', 'Compare']]]);
		const diff = compare({ 'journeys/shop.md': shop }, { 'journeys/shop.md': broken, 'journeys/copy.md': copy });
		expect(diff.journeys).toEqual([
			{ type: 'journey', status: 'added', id: 'copy', title: 'Shopping', changes: [] },
			{ type: 'journey', status: 'changed', id: 'shop', title: 'Shopping', changes: [], unreadable: 'head' },
		]);
		expect(diff.problems.introduced).toEqual([expect.objectContaining({ path: 'journeys/shop.md', line: 3, column: 1, rule: 'unknown-key', severity: 'error' })]);

		const fixed = compare({ 'journeys/shop.md': broken }, { 'journeys/shop.md': shop });
		expect(fixed.journeys).toEqual([{ type: 'journey', status: 'changed', id: 'shop', title: 'Shopping', changes: [], unreadable: 'base' }]);
		expect(fixed.problems).toEqual({ introduced: [], resolved: [expect.objectContaining({ rule: 'unknown-key' })] });
	});

	test('a file replaced by bytes that cannot be read has fixed none of its problems', () => {
		const two = shop.replace('title: Shopping\n', 'title: Shopping\ncolour: red\nsize: big\n');
		const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
		const diff = diffProjects(version({ 'journeys/shop.md': two }), checkSources([{ path: 'personas/p.md', value: PERSONA }, { path: 'journeys/shop.md', value: binary }], { files: treeFiles(new Map()) }));
		expect(diff.problems.resolved).toEqual([]);
		expect(diff.problems.introduced).toEqual([expect.objectContaining({ path: 'journeys/shop.md', rule: 'invalid-encoding' })]);
	});

	test('unreadable is found with a display root in the file paths too', () => {
		const broken = shop.replace('title: Shopping\n', 'title: Shopping\ncolour: red\n');
		const diff = diffProjects(version({ 'journeys/shop.md': shop }, 'maps'), version({ 'journeys/shop.md': broken }, 'maps'));
		expect(diff.journeys).toEqual([expect.objectContaining({ id: 'shop', status: 'changed', unreadable: 'head' })]);
		expect(diff.problems.introduced[0].path).toBe('maps/journeys/shop.md');
	});
});

describe('validation problems', () => {
	const unknown = (extraTags: string) => ({ 'journeys/shop.md': journey([['Look', ['Search']]], `title: Shopping\n${extraTags}`).replace('persona: p', 'persona: nobody') });

	test('a problem that only moved down a few lines is neither new nor fixed', () => {
		const diff = compare(unknown(''), unknown('tags: [a, b]\nowner: Web\n'));
		expect(diff.problems).toEqual({ introduced: [], resolved: [] });
	});

	test('one more of the same problem is one new problem', () => {
		const one = journey([['Look', ['Search\nemotion: 2', 'Pay\nemotion: 0']]]);
		const two = journey([['Look', ['Search\nemotion: 2', 'Pay\nemotion: 0', 'Wait\nemotion: 2', 'Leave\nemotion: 0']]]);
		const diff = compare({ 'journeys/shop.md': one }, { 'journeys/shop.md': two });
		expect(diff.problems.introduced.map((problem) => problem.rule)).toEqual(['unexplained-drop']);
		expect(diff.problems.introduced[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('`Leave`') });
	});
});
