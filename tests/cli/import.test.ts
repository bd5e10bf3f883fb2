/** `cjm import` as a user runs it: the real CLI in a copy of the sample project. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.ts';

const cli = join(repoRoot, 'bin/cjm.js');
const work = mkdtempSync(join(tmpdir(), 'cjm-import-'));
cpSync(join(repoRoot, 'journeys'), join(work, 'journeys'), { recursive: true });
cpSync(join(repoRoot, 'personas'), join(work, 'personas'), { recursive: true });
cpSync(join(repoRoot, 'tests/fixtures/import'), join(work, 'in'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cjm(...args: string[]) {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cjm import', () => {
	test('a Mermaid journey: the journey and a persona per actor, every file listed, and the project still validates', () => {
		const { status, stderr } = cjm('import', 'in/working-day.md');
		expect(status).toBe(0);
		expect(stderr).toMatch(/Wrote journeys\/my-working-day\.md\nWrote personas\/me\.md\nWrote personas\/cat\.md\n$/);
		expect(readFileSync(join(work, 'personas/cat.md'), 'utf8')).toMatch(/^---\nname: Cat\n---\n/);
		expect(cjm('validate').status).toBe(0);
	});

	test('never overwrites: importing again is an error and writes nothing', () => {
		const before = readFileSync(join(work, 'journeys/my-working-day.md'), 'utf8');
		expect(cjm('import', 'in/working-day.md')).toMatchObject({ status: 1, stderr: 'cjm: journeys/my-working-day.md exists; import never overwrites a file: choose another path with -o\n' });
		expect(readFileSync(join(work, 'journeys/my-working-day.md'), 'utf8')).toBe(before);
	});

	test('--persona: an existing persona takes every touchpoint; an unknown one is an error with a suggestion', () => {
		expect(cjm('import', 'in/touchpoint-rows.xlsx', '--persona', 'marco-rosi')).toMatchObject({ status: 1, stderr: 'cjm: --persona marco-rosi: no such persona in personas/, did you mean marco-rossi?\n' });
		const { status, stderr } = cjm('import', 'in/touchpoint-rows.xlsx', '--persona', 'marco-rossi', '-o', 'journeys/shop/rows.md');
		expect(status).toBe(0);
		// The core's own warnings about the new file show before it is written.
		expect(stderr).toMatch(/^journeys\/shop\/rows\.md\n.*unexplained-drop[\s\S]*\nWrote journeys\/shop\/rows\.md\n$/);
		expect(readFileSync(join(work, 'journeys/shop/rows.md'), 'utf8')).toMatch(/^---\ntitle: Touchpoint rows\npersona: marco-rossi\n/);
	});

	test('warnings name the cell; a broken file is exit 1 with its message and nothing written', () => {
		const imported = cjm('import', 'in/lanes-as-rows.xlsx');
		expect(imported.status).toBe(0);
		expect(imported.stderr).toContain('warning: in/lanes-as-rows.xlsx Sheet1!A7: unknown lane "Mood", did you mean "Feeling"?\n');
		expect(cjm('import', 'in/score-9.csv')).toMatchObject({ status: 1, stderr: 'cjm: in/score-9.csv C3: score 9 is outside -2..2 and 1-5: give the scale in the header, such as "Score (1-10)"\n' });
		expect(existsSync(join(work, 'journeys/score-9.md'))).toBe(false);
	});

	test('export then import: the CSV of a sample comes back as a journey that validates', () => {
		expect(cjm('export', 'online-store/signup-current', '-f', 'csv', '-o', 'out/signup.csv').status).toBe(0);
		const { status } = cjm('import', 'out/signup.csv', '--persona', 'marco-rossi', '-o', 'journeys/signup-again.md');
		expect(status).toBe(0);
		expect(cjm('validate', 'journeys/signup-again.md').status).toBe(0);
	});
});
