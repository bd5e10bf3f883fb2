/**
 * The site's reads of the content (src/site/project.ts): between reloads, a file is read again
 * when it changed on disk or a save of it was reported, and only then, so the parse cache finds
 * the same bytes (and their key) for every other file; in a build, git is asked for the files'
 * commit dates once, though the module runs twice (the loaders' copy and the pages').
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { sourceReader } from '../../src/site/project.ts';
import { gitTestEnv } from '../helpers.ts';
import { repo } from './browser.ts';
import { userBuildEnv } from './build-env.ts';

const dir = mkdtempSync(join(tmpdir(), 'cjm-reads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an unchanged file is not read again; a changed one, or one whose save was reported, is', () => {
	const reader = sourceReader();
	const path = join(dir, 'journey.md');
	const read = () => reader.read(path, statSync(path));
	writeFileSync(path, 'title: One\n');
	const first = read();
	expect(Buffer.from(first).toString()).toBe('title: One\n');
	expect(read()).toBe(first);

	writeFileSync(path, 'title: Two, longer\n');
	const second = read();
	expect(Buffer.from(second).toString()).toBe('title: Two, longer\n');

	// Same size, and `stat` as before (a save within the clock's tick): the reported save is read.
	const stats = statSync(path);
	writeFileSync(path, 'title: Tw0, longer\n');
	expect(reader.read(path, stats)).toBe(second);
	reader.saved(path);
	expect(Buffer.from(reader.read(path, stats)).toString()).toBe('title: Tw0, longer\n');
	// Reported once, read once.
	const third = reader.read(path, stats);
	expect(reader.read(path, stats)).toBe(third);
});

test('a build asks git for the commit dates of the journeys and personas once', () => {
	const content = join(dir, 'history');
	for (const folder of ['journeys', 'personas']) cpSync(join(repo, folder), join(content, folder), { recursive: true });
	const git = (...args: string[]) => execFileSync('git', args, { cwd: content, env: gitTestEnv(), stdio: 'ignore' });
	git('init', '-q', '-b', 'main');
	git('add', '.');
	git('commit', '-q', '-m', 'Maps');
	// A `git` first on PATH that writes down how it was called, then runs the real one.
	const bin = join(dir, 'bin');
	const calls = join(dir, 'git-calls.log');
	mkdirSync(bin);
	writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()}' "$@"\n`);
	chmodSync(join(bin, 'git'), 0o755);
	const run = spawnSync(process.execPath, ['bin/cjm.js', 'build', content, '--out-dir', join(dir, 'site')], {
		cwd: repo,
		env: { ...userBuildEnv(), PATH: `${bin}${delimiter}${process.env.PATH}` },
		encoding: 'utf8',
		timeout: 180_000,
	});
	expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
	const logs = readFileSync(calls, 'utf8').split('\n').filter((call) => call.startsWith('log ') && call.endsWith('-- journeys personas'));
	expect(logs).toHaveLength(1);
}, 240_000);
