/** `cjm diff` reads `metrics/` at both revisions and reports the latest measured values that changed. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import type { ProjectDiff } from '../../src/core/diff.ts';
import { gitTestEnv } from '../helpers.ts';

const fixtures = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/cjm.js', import.meta.url));
const env: NodeJS.ProcessEnv = { ...gitTestEnv(), NO_COLOR: '1' };
const temps: string[] = [];
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

test('a new month of measurements: the conversion and the KPI changes, with their dates', () => {
	const dir = mkdtempSync(join(tmpdir(), 'cjm-diff-metrics-'));
	temps.push(dir);
	cpSync(join(fixtures, 'invalid-metric/journeys'), join(dir, 'journeys'), { recursive: true });
	cpSync(join(fixtures, 'invalid-metric/personas'), join(dir, 'personas'), { recursive: true });
	const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' }).status).toBe(0);
	const rows = ['date,journey,touchpoint,kpi,value', '2026-10-01,shop/signup,checkout,conversion,40%', '2026-10-01,shop/signup,checkout,time on page (s),41'];
	mkdirSync(join(dir, 'metrics'));
	writeFileSync(join(dir, 'metrics/web.csv'), `${rows.join('\n')}\n`);
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-qm', 'October');
	writeFileSync(join(dir, 'metrics/web.csv'), `${[...rows, '2026-11-01,shop/signup,checkout,conversion,46%', '2026-11-01,shop/signup,checkout,time on page (s),35'].join('\n')}\n`);
	const run = spawnSync(process.execPath, [bin, 'diff', 'main', '--format', 'json'], { cwd: dir, env, encoding: 'utf8' });
	expect(run.stderr).toBe('');
	const diff = JSON.parse(run.stdout) as ProjectDiff;
	const changes = diff.journeys.flatMap((entity) => entity.changes.map((change) => [change.kind, change.field ?? '', change.before, change.after]));
	expect(changes).toEqual([
		['conversion', '', '40%', '46%'],
		['kpi', 'time on page (s) (measured)', '41 (2026-10-01)', '35 (2026-11-01)'],
	]);
});
