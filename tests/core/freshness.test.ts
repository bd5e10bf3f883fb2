/**
 * `stale-map` and the settings file: in real temporary git repositories with dated commits, so
 * the last commit stands in for a missing `reviewed` date exactly as `cjm validate` reads it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadProject, reviewState, touchpointDates } from '../../src/core/index.ts';
import { lastCommitDates, lastCommitDatesWhenMoved, lineDates } from '../../src/history.ts';
import { gitTestEnv } from '../helpers.ts';

const fixtures = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/cjm.js', import.meta.url));

const temps: string[] = [];
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** No git settings from the machine; every commit dated as given. */
const gitEnv = (date?: string): NodeJS.ProcessEnv => gitTestEnv({ date });

function git(dir: string, args: string[], date?: string): string {
	const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv(date) });
	if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
	return result.stdout;
}

/** A repository with the stale-map fixture project, committed on `date`. */
function repository(date: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'cjm-fresh-'));
	temps.push(dir);
	cpSync(join(fixtures, 'stale-map'), dir, { recursive: true });
	git(dir, ['init', '-q', '-b', 'main']);
	git(dir, ['add', '-A']);
	git(dir, ['commit', '-q', '-m', 'Maps'], date);
	return dir;
}

const rows = async (root: string, options: Parameters<typeof loadProject>[1] = {}) => {
	const { files } = await loadProject(root, { displayRoot: 'p', ...options });
	return Object.fromEntries(files.map((file) => [file.path.slice(2), file.messages.map((m) => [m.line, m.column, m.ruleId, m.reason])]));
};

describe('stale-map', () => {
	test('a review older than the setting, at `reviewed`; a hypothesis says it was never validated; the owner is named or asked for', async () => {
		const found = await rows(join(fixtures, 'stale-map'), { today: '2026-11-30' });
		expect(found['journeys/old.md']).toEqual([
			[6, 11, 'stale-map', 'Unexpected map reviewed 2511 days ago (2020-01-15), reviews hold 180 days: review it with its owner Ticketing team and update `reviewed`'],
		]);
		expect(found['journeys/guess.md']).toEqual([
			[
				5,
				11,
				'stale-map',
				'Unexpected hypothesis map reviewed 2100 days ago (2021-03-01) that was never validated, reviews hold 180 days: validate it with research and set `status: validated`, or review its assumptions with an owner (it has none: add `owner`) and update `reviewed`',
			],
		]);
		// Without `reviewed` or a known last commit, nothing says how old it is.
		expect(found['journeys/unreviewed.md']).toEqual([]);
	});

	test('without `reviewed`, the last commit counts: stale 181 days after it, not 180', async () => {
		const dir = repository('2026-01-01');
		const lastCommit = lastCommitDates(dir, ['journeys']);
		expect(lastCommit.get('journeys/unreviewed.md')).toBe('2026-01-01');
		expect((await rows(dir, { today: '2026-06-30', lastCommit }))['journeys/unreviewed.md']).toEqual([]);
		expect((await rows(dir, { today: '2026-07-01', lastCommit }))['journeys/unreviewed.md']).toEqual([
			[1, 1, 'stale-map', 'Unexpected map last changed 181 days ago (2026-01-01, its last commit; no `reviewed` date), reviews hold 180 days: review it with an owner (it has none: add `owner`) and update `reviewed`'],
		]);
		// A later commit is a later last review.
		writeFileSync(join(dir, 'journeys/unreviewed.md'), '---\ntitle: Buying a season pass\npersona: p\nowner: Passes\nstages: [{name: Look, touchpoints: [{name: Search, emotion: 0}]}]\n---\n');
		git(dir, ['commit', '-qam', 'Owner'], '2026-06-01');
		expect((await rows(dir, { today: '2026-07-01', lastCommit: lastCommitDates(dir, ['journeys']) }))['journeys/unreviewed.md']).toEqual([]);
	});

	test('no settings file, no date-dependent check: the same commit validates the same whenever it runs', async () => {
		const dir = repository('2020-01-01');
		rmSync(join(dir, 'cjm.config.yaml'));
		const found = await rows(dir, { today: '2030-01-01', lastCommit: lastCommitDates(dir, ['journeys']) });
		expect(Object.values(found).flat()).toEqual([]);
	});

	test('cjm validate reads the last commits itself and warns (exit 0 unless --strict)', () => {
		const dir = repository('2020-06-01');
		const run = spawnSync(process.execPath, [bin, 'validate', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...gitEnv(), NO_COLOR: '1' } });
		expect(run.status).toBe(0);
		const messages = (JSON.parse(run.stdout) as Array<{ path: string; messages: Array<{ rule: string; line: number }> }>).flatMap((file) => file.messages.map((m) => [file.path, m.rule, m.line]));
		expect(messages).toEqual([
			['journeys/guess.md', 'stale-map', 5],
			['journeys/old.md', 'stale-map', 6],
			['journeys/unreviewed.md', 'stale-map', 1],
		]);
		expect(spawnSync(process.execPath, [bin, 'validate', '--strict'], { cwd: dir, encoding: 'utf8', env: gitEnv() }).status).toBe(1);
	});

	test('reviewState: the age in whole days and the source of the date', () => {
		expect(reviewState({ reviewed: '2026-01-01' }, { today: '2026-01-31', every: 30 })).toEqual({ last: '2026-01-01', from: 'reviewed', age: 30, every: 30, due: false });
		expect(reviewState({}, { today: '2026-02-01', every: 30, lastCommit: '2026-01-01' })).toEqual({ last: '2026-01-01', from: 'commit', age: 31, every: 30, due: true });
		expect(reviewState({}, { today: '2026-02-01', every: 30 })).toEqual({ every: 30, due: false });
	});
});

describe('cjm.config.yaml', () => {
	test('typos and wrong values are errors at their key or value; the defaults apply', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cjm-config-'));
		temps.push(dir);
		cpSync(join(fixtures, 'stale-map'), dir, { recursive: true });
		writeFileSync(join(dir, 'cjm.config.yaml'), 'review:\n  evry: 90\nblame: yes please\n');
		const { files, config } = await loadProject(dir, { displayRoot: 'p', today: '2026-11-30' });
		const settings = files.find((file) => file.path === 'p/cjm.config.yaml')!;
		expect(settings.messages.map((m) => [m.line, m.column, m.ruleId, m.reason])).toEqual([
			[2, 3, 'unknown-key', 'Unexpected key `evry`, did you mean `every`?'],
			[3, 8, 'wrong-type', 'Unexpected `blame` "yes please", expected `true` or `false`'],
		]);
		expect(config).toEqual({ review: { every: 180 }, blame: false });
	});

	/** The messages on `text` as the settings of a project without journeys. */
	async function settingsMessages(text: string) {
		const dir = mkdtempSync(join(tmpdir(), 'cjm-config-'));
		temps.push(dir);
		mkdirSync(join(dir, 'journeys'));
		writeFileSync(join(dir, 'cjm.config.yaml'), text);
		const { files } = await loadProject(dir, { displayRoot: 'p' });
		return files.find((file) => file.path === 'p/cjm.config.yaml')!.messages;
	}

	test('broken YAML is a positioned yaml-syntax error', async () => {
		// `yaml` reports an unclosed flow list where the input ends.
		expect((await settingsMessages('review:\n  every: [90\n')).map((m) => [m.line, m.ruleId])).toEqual([[3, 'yaml-syntax']]);
	});

	test('a setting indented one space off is named on its line, with the indentation it needs', async () => {
		expect((await settingsMessages('review:\n  every: 90\n   due: 30\nblame: true\n')).map((m) => [m.line, m.column, m.ruleId, m.reason])).toEqual([
			[3, 4, 'yaml-syntax', 'Unexpected indentation of 3 spaces under `every: 90`, which already has a value: indent this line 2 spaces, as that line is (in the settings)'],
		]);
	});
});

describe('git blame', () => {
	test('each line gets the date of the commit that last changed it; uncommitted lines none', () => {
		const dir = repository('2025-03-01');
		writeFileSync(join(dir, 'journeys/unreviewed.md'), '---\ntitle: Buying a season pass\npersona: p\nstages:\n  - name: Look\n    touchpoints:\n      - name: Search online\n        emotion: 0\n---\n');
		git(dir, ['commit', '-qam', 'Rename'], '2025-09-15');
		writeFileSync(join(dir, 'journeys/unreviewed.md'), '---\ntitle: Buying a season pass\npersona: p\nstages:\n  - name: Look\n    touchpoints:\n      - name: Search online\n        emotion: 1\n---\n');
		const dates = lineDates(dir, 'journeys/unreviewed.md');
		expect(dates.slice(1)).toEqual(['2025-03-01', '2025-03-01', '2025-03-01', '2025-03-01', '2025-03-01', '2025-03-01', '2025-09-15', undefined, '2025-03-01']);
		expect(lineDates(dir, 'journeys/missing.md')).toEqual([]);
	});
});

describe('last commit dates, asked again and again (the dev server)', () => {
	test('git runs again only once the repository moved: saves change nothing, a commit does', () => {
		const dir = repository('2025-03-01');
		const dates = lastCommitDatesWhenMoved(dir, ['journeys']);
		const first = dates();
		expect(first.get('journeys/unreviewed.md')).toBe('2025-03-01');
		// A save is no commit: the same answer, without asking git.
		writeFileSync(join(dir, 'journeys/unreviewed.md'), `${readFileSync(join(dir, 'journeys/unreviewed.md'), 'utf8')}\nMore notes.\n`);
		expect(dates()).toBe(first);
		git(dir, ['commit', '-qam', 'Notes'], '2025-09-15');
		expect(dates().get('journeys/unreviewed.md')).toBe('2025-09-15');
		expect(dates()).toEqual(lastCommitDates(dir, ['journeys']));
	});

	test('a folder that is no checkout has no dates, and git is asked once', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cjm-nogit-'));
		temps.push(dir);
		const dates = lastCommitDatesWhenMoved(dir, ['journeys']);
		expect(dates().size).toBe(0);
		expect(dates()).toBe(dates());
	});
});

describe('per-touchpoint dates', () => {
	test('each touchpoint gets the latest commit date of its own lines, from one blame of the file', async () => {
		const dir = repository('2025-03-01');
		const path = 'journeys/unreviewed.md';
		const text = (search: string) =>
			`---\ntitle: Buying a season pass\npersona: p\nstages:\n  - name: Look\n    touchpoints:\n      - name: ${search}\n        emotion: 0\n      - name: Compare\n        emotion: 1\n  - name: Pay\n    touchpoints:\n      - name: Card\n        emotion: 0\n---\n`;
		writeFileSync(join(dir, path), text('Search'));
		git(dir, ['commit', '-qam', 'Three touchpoints'], '2025-04-01');
		writeFileSync(join(dir, path), text('Search online'));
		git(dir, ['commit', '-qam', 'Rename one'], '2025-09-15');
		const { project } = await loadProject(dir);
		const journey = project.journeys.find((j) => j.id === 'unreviewed')!;
		expect(touchpointDates(readFileSync(join(dir, path), 'utf8'), journey, lineDates(dir, path))).toEqual({
			'search-online': '2025-09-15',
			compare: '2025-04-01',
			card: '2025-04-01',
		});
	});
});
