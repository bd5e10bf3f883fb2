/** `cjm export` as a user runs it: the real CLI over the sample project, writing into a temporary folder. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, sampleJourney } from '../helpers.ts';

const cli = join(repoRoot, 'bin/cjm.js');
const work = mkdtempSync(join(tmpdir(), 'cjm-export-'));
cpSync(join(repoRoot, 'journeys'), join(work, 'journeys'), { recursive: true });
cpSync(join(repoRoot, 'personas'), join(work, 'personas'), { recursive: true });
cpSync(join(repoRoot, 'metrics'), join(work, 'metrics'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cjm(...args: string[]) {
	const result = spawnSync(process.execPath, [cli, 'export', ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cjm export', () => {
	test('a text format goes to standard output: the JSON model of the journey', async () => {
		const { status, stdout } = cjm('online-store/signup-current', '--format', 'json');
		expect(status).toBe(0);
		expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(await sampleJourney('online-store/signup-current'))));
	});

	test('-o writes the file and says so; the journey may be given by its path', () => {
		const { status, stderr } = cjm('journeys/online-store/signup-current.md', '-f', 'mermaid-journey', '-o', 'out/signup.mmd');
		expect(status).toBe(0);
		expect(stderr).toBe('Wrote out/signup.mmd\n');
		expect(readFileSync(join(work, 'out/signup.mmd'), 'utf8')).toMatch(/^journey\n/);
	});

	test('never writes into the content folders', () => {
		const { status, stderr } = cjm('online-store/signup-current', '-f', 'json', '-o', 'journeys/online-store/signup-current.md');
		expect(status).toBe(2);
		expect(stderr).toBe('cjm: will not write journeys/online-store/signup-current.md: journeys/ holds content people write; choose another place with -o\n');
		expect(readFileSync(join(work, 'journeys/online-store/signup-current.md'), 'utf8')).toBe(readFileSync(join(repoRoot, 'journeys/online-store/signup-current.md'), 'utf8'));
	});

	test('nor over the measurements or the settings file', () => {
		expect(cjm('online-store/signup-current', '-f', 'csv', '-o', 'metrics/signup.csv')).toMatchObject({ status: 2, stderr: 'cjm: will not write metrics/signup.csv: metrics/ holds content people write; choose another place with -o\n' });
		expect(cjm('online-store/signup-current', '-f', 'json', '-o', 'cjm.config.yaml')).toMatchObject({ status: 2, stderr: 'cjm: will not write cjm.config.yaml: cjm.config.yaml holds content people write; choose another place with -o\n' });
		expect(existsSync(join(work, 'metrics/signup.csv'))).toBe(false);
		expect(existsSync(join(work, 'cjm.config.yaml'))).toBe(false);
	});

	test('usage errors: no journey, an unknown journey, an unknown format, a format --all cannot write', () => {
		expect(cjm('--format', 'json')).toMatchObject({ status: 2, stderr: 'cjm: which journey? give its file or id, or --all for the whole project\n' });
		expect(cjm('nope', '--format', 'json')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^cjm: No journey `nope` in this project; journeys: /) });
		expect(cjm('online-store/signup-current', '--format', 'docx')).toMatchObject({ status: 2, stderr: expect.stringContaining("argument 'docx' is invalid") });
		expect(cjm('--all', '--format', 'json').stderr).toMatch(/^cjm: --all does not support --format json; it supports /);
		expect(existsSync(join(work, 'journeys.json'))).toBe(false);
	});

	test('a picture goes to the file -o names: --format png -o x.png', () => {
		const { status, stderr } = cjm('restaurant/pizza-visit', '--format', 'png', '-o', 'x.png');
		expect(status).toBe(0);
		expect(stderr).toBe('Wrote x.png\n');
		expect([...readFileSync(join(work, 'x.png')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	});

	test('without -o, bytes go to a file named after the journey, never to the terminal; --paper picks the page', () => {
		const { status, stdout, stderr } = cjm('restaurant/pizza-visit', '--format', 'pdf', '--paper', 'a4');
		expect(status).toBe(0);
		expect(stdout).toBe('');
		expect(stderr).toBe('Wrote pizza-visit.pdf\n');
		expect(readFileSync(join(work, 'pizza-visit.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
	});

	test('--help lists every format with what it is for', () => {
		const result = spawnSync(process.execPath, [cli, 'export', '--help'], { cwd: work, encoding: 'utf8' });
		expect(result.stdout).toContain('mermaid-journey  the journey as a Mermaid `journey` diagram');
	});
});
