/**
 * cjm installed in a folder whose path has a space (`C:\Users\Ana Lima\…`, `~/My Projects/…`):
 * the files it reads beside its own code are found from its file URL, where a space is `%20`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot } from '../helpers.ts';

const copy = mkdtempSync(join(tmpdir(), 'cjm with space-'));
for (const part of ['bin', 'src', 'package.json']) cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const cjm = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'bin/cjm.js'), ...args], { cwd: copy, encoding: 'utf8', input: '', timeout: 60_000 });

test('`cjm validate --cache` keeps one version of results (an internal error before)', () => {
	const cache = join(copy, 'results');
	const first = cjm('validate', repoRoot, '--cache', '--cache-location', cache);
	expect(first.stderr).toBe('');
	expect(first.status).toBe(0);
	const [version] = readdirSync(cache);
	expect(version).toMatch(/^[0-9a-f]{16}$/);
	expect(cjm('validate', repoRoot, '--cache', '--cache-location', cache).status).toBe(0);
	// A second process computes the same version: it reads the first one's results, it does not start over.
	expect(readdirSync(cache)).toEqual([version]);
});

test('`cjm new persona` finds its template (an internal error before)', () => {
	const run = cjm('new', 'persona', 'ana-lima');
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	expect(readFileSync(join(copy, 'personas/ana-lima.md'), 'utf8')).toMatch(/^---\n/);
});
