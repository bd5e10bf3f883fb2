/**
 * `cjm validate` as a user runs it: the real bin/cjm.js in a child process (the Node running
 * vitest is the project's Node 24), from the repository root, on the rule fixtures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const rules = 'tests/fixtures/rules';

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

const runs: Run[] = [];

function cjm(...args: string[]): Run {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	delete env.CJM_DEBUG;
	delete env.FORCE_COLOR;
	const result = spawnSync(process.execPath, ['bin/cjm.js', 'validate', ...args], { cwd: repo, encoding: 'utf8', env, timeout: 60_000 });
	const run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
	runs.push(run);
	return run;
}

const temps: string[] = [];
/** A copy of a rule fixture in a temporary folder, as a path relative to the repository (how a user would type it). */
function copyOf(rule: string): { dir: string; shown: string } {
	const dir = mkdtempSync(join(tmpdir(), 'cjm-cli-'));
	temps.push(dir);
	cpSync(join(repo, rules, rule), dir, { recursive: true });
	return { dir, shown: relative(repo, dir) };
}
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('exit codes', () => {
	test('0 when clean', () => {
		const run = cjm(`${rules}/unknown-baseline/journeys/current.md`);
		expect(run).toEqual({ status: 0, stdout: '✔ 1 file checked, no problems found\n', stderr: '' });
	});

	test('0 for the sample content, with no path given', () => {
		const run = cjm();
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^✔ \d+ files checked, no problems found\n$/);
	});

	test('0 with warnings only, 1 with warnings and --strict', () => {
		expect(cjm(`${rules}/empty-stage`).status).toBe(0);
		expect(cjm(`${rules}/empty-stage`, '--strict').status).toBe(1);
	});

	test('1 with errors', () => {
		expect(cjm(`${rules}/out-of-range`).status).toBe(1);
		expect(cjm(`${rules}/empty-stage`, `${rules}/out-of-range`, '-f', 'compact').status).toBe(1);
	});

	test('2 for an unknown option', () => {
		const run = cjm('--bogus');
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain("unknown option '--bogus'");
	});

	test('2 for an unknown format', () => {
		const run = cjm('--format', 'xml', `${rules}/empty-stage`);
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain("argument 'xml' is invalid. Allowed choices are stylish, compact, json, github.");
	});

	test('2 for a path that does not exist', () => {
		expect(cjm('no/such/place')).toEqual({ status: 2, stdout: '', stderr: 'cjm: No such file or folder `no/such/place`\n' });
	});

	test('2 for a path outside any project', () => {
		expect(cjm('src')).toEqual({
			status: 2,
			stdout: '',
			stderr: 'cjm: `src` is not a project folder (one with journeys/ or personas/) nor inside one\n',
		});
	});
});

describe('formats', () => {
	const noStages = `${rules}/out-of-range/journeys/no-stages.md`;

	test('compact: path:line:col: severity message [rule]', () => {
		const run = cjm(noStages, '--format', 'compact');
		expect(run.stdout).toBe(`${noStages}:4:9: error Unexpected \`stages\` empty list, expected a list of at least one stage [out-of-range]\n`);
		expect(cjm(`${rules}/empty-stage`, '-f', 'compact').stdout).toBe(
			`${rules}/empty-stage/journeys/stages.md:9:11: warning Unexpected stage \`Wait\` without touchpoints, add at least one [empty-stage]\n` +
				`${rules}/empty-stage/journeys/stages.md:11:11: warning Unexpected stage \`Leave\` without touchpoints, add at least one [empty-stage]\n`
		);
	});

	test('compact: nothing at all when clean', () => {
		expect(cjm(`${rules}/unknown-baseline/journeys/current.md`, '-f', 'compact')).toEqual({ status: 0, stdout: '', stderr: '' });
	});

	test('json: every file with its counts and messages, ranges and suggestions', () => {
		const run = cjm(`${rules}/unknown-next`, '--format', 'json');
		expect(run.status).toBe(1);
		expect(JSON.parse(run.stdout)).toEqual([
			{
				path: `${rules}/unknown-next/journeys/branches.md`,
				errorCount: 2,
				warningCount: 0,
				messages: [
					{
						line: 9,
						column: 16,
						endLine: 9,
						endColumn: 21,
						severity: 'error',
						rule: 'unknown-next',
						message: 'Unexpected `next` target `serch`, did you mean `search`?',
						expected: ['search'],
					},
					{
						line: 13,
						column: 17,
						endLine: 13,
						endColumn: 24,
						severity: 'error',
						rule: 'unknown-next',
						message: 'Unexpected `next` target `nowhere`, expected the id of a touchpoint in this journey',
						expected: ['search', 'compare'],
					},
				],
			},
			{ path: `${rules}/unknown-next/personas/p.md`, errorCount: 0, warningCount: 0, messages: [] },
		]);
	});

	test('json: a point without a range has no endLine or endColumn', () => {
		const [file] = JSON.parse(cjm(`${rules}/missing-key/journeys/no-title.md`, '-f', 'json').stdout);
		expect(file.messages).toEqual([{ line: 2, column: 1, severity: 'error', rule: 'missing-key', message: 'Missing required `title`' }]);
	});

	test('github: workflow commands with the range and the rule as title', () => {
		const run = cjm(`${rules}/unknown-persona/journeys/string-form.md`, '--format', 'github');
		expect(run.stdout).toBe(
			`::error file=${rules}/unknown-persona/journeys/string-form.md,line=3,col=10,endLine=3,endColumn=19,title=cjm unknown-persona::Unexpected \`persona\` \`eva-molen\`, did you mean \`eva-molin\`?\n`
		);
		expect(cjm(`${rules}/missing-emotion`, '-f', 'github').stdout).toBe(
			`::warning file=${rules}/missing-emotion/journeys/gaps.md,line=9,col=15,endLine=9,endColumn=22,title=cjm missing-emotion::Missing \`emotion\` on touchpoint \`Compare\`, add a score from -2 to 2 so the emotion curve has no gap\n`
		);
	});

	test('github: % , and : are escaped in properties, % in the message', () => {
		const { dir, shown } = copyOf('invalid-value');
		cpSync(join(dir, 'journeys/values.md'), join(dir, 'journeys/50%, a:b.md'));
		rmSync(join(dir, 'journeys/values.md'));
		const lines = cjm(dir, '-f', 'github').stdout.trimEnd().split('\n');
		// 8 problems in the file, and since issue 9 its name: `%`, `,`, `:` and spaces cannot be in a URL.
		expect(lines).toHaveLength(9);
		expect(lines[0]).toMatch(/^::error file=.*\/journeys\/50%25%2C a%3Ab\.md,line=1,col=1,title=cjm invalid-file-name::Unexpected `%25` in the file name/);
		expect(lines.at(-1)).toBe(
			`::error file=${shown}/journeys/50%25%2C a%3Ab.md,line=18,col=21,endLine=18,endColumn=27,title=cjm invalid-value::` +
				'Unexpected `conversion` "120%25" in touchpoint `Search` of stage `Look`, expected a share from 0 to 1, or a percentage such as "45%25"'
		);
	});

	test('stylish: a block per file and a summary; a single line when clean', () => {
		const run = cjm(`${rules}/empty-stage`);
		expect(run.stdout).toBe(
			`${rules}/empty-stage/journeys/stages.md\n` +
				'9:11-9:15   warning Unexpected stage `Wait` without touchpoints, add at least one  empty-stage cjm\n' +
				'11:11-11:16 warning Unexpected stage `Leave` without touchpoints, add at least one empty-stage cjm\n' +
				'\n⚠ 2 warnings\n'
		);
		expect(run.stdout).not.toMatch(/\u001b\[/); // no colour codes when not on a terminal
	});
});

describe('what is reported', () => {
	test('a single file: only that file, but its references are checked against the whole project', () => {
		const run = cjm(`${rules}/unknown-persona/journeys/string-form.md`, '-f', 'compact');
		expect(run.stdout).toBe(
			`${rules}/unknown-persona/journeys/string-form.md:3:10: error Unexpected \`persona\` \`eva-molen\`, did you mean \`eva-molin\`? [unknown-persona]\n`
		);
		// The other journeys of the project have errors too, but are not asked about.
		expect(cjm(`${rules}/unknown-persona/journeys/list-form.md`, '-f', 'json').stdout).not.toContain('string-form');
	});

	test('a single persona is checked against every journey', () => {
		const run = cjm(`${rules}/unused-persona/personas/lonely.md`, '-f', 'compact');
		expect(run.stdout).toBe(
			`${rules}/unused-persona/personas/lonely.md:2:1: warning Unexpected persona \`lonely\` that no journey uses, reference it from a journey’s \`persona\` or remove it [unused-persona]\n`
		);
		expect(cjm(`${rules}/unused-persona/personas/p.md`).stdout).toBe('✔ 1 file checked, no problems found\n');
	});

	test('a folder inside a project: only the files under it', () => {
		const files = JSON.parse(cjm(`${rules}/unused-persona/personas/b2b`, '-f', 'json').stdout).map((file: { path: string }) => file.path);
		expect(files).toEqual([`${rules}/unused-persona/personas/b2b/buyer.md`, `${rules}/unused-persona/personas/b2b/lonely.md`]);
	});

	test('hostile files: one message each, no crash', () => {
		const run = cjm(`${rules}/invalid-encoding`, `${rules}/yaml-limits`, '-f', 'json');
		expect(run.status).toBe(1);
		const files = JSON.parse(run.stdout) as Array<{ path: string; messages: Array<{ rule: string }> }>;
		expect(files.map((file) => [file.path.slice(rules.length + 1), file.messages.map((message) => message.rule)])).toEqual([
			['invalid-encoding/journeys/latin1.md', ['invalid-encoding']],
			['invalid-encoding/journeys/nul.md', ['invalid-encoding']],
			['invalid-encoding/journeys/utf16.md', ['invalid-encoding']],
			['invalid-encoding/personas/p.md', []],
			['yaml-limits/journeys/alias-bomb.md', ['yaml-limits']],
			['yaml-limits/journeys/deep-nesting.md', ['yaml-limits']],
			['yaml-limits/personas/p.md', []],
		]);
	});

	test('a map used as a key: an unknown key, and no Node warning on stderr', () => {
		const { dir, shown } = copyOf('unknown-key');
		writeFileSync(join(dir, 'journeys/complex-key.md'), '---\ntitle: T\npersona: p\n? [a, b]\n: x\nstages:\n  - name: Look\n---\n');
		const run = cjm(`${dir}/journeys/complex-key.md`, '-f', 'compact');
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(new RegExp(`^${shown}/journeys/complex-key\\.md:\\d+:\\d+: error Unexpected key \`\\[ a, b \\]\`, expected one of .* \\[unknown-key\\]\\n$`));
	});

	test('a file too large to read', () => {
		const { dir, shown } = copyOf('file-too-large');
		writeFileSync(join(dir, 'journeys/huge.md'), Buffer.alloc(10 * 1024 * 1024, '#'));
		const run = cjm(dir, '-f', 'compact');
		expect(run.status).toBe(1);
		expect(run.stdout).toBe(
			`${shown}/journeys/huge.md:1:1: error Unexpected file larger than 2 MB, split it or remove what does not belong to the map [file-too-large]\n`
		);
	});
});

describe('--cache', () => {
	test('gives the same output as a run without it, from a cold cache and a warm one', () => {
		const location = mkdtempSync(join(tmpdir(), 'cjm-cache-'));
		temps.push(location);
		const fixtures = readdirSync(join(repo, rules), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${rules}/${d.name}`);
		const args = ['.', ...fixtures, '-f', 'json'];
		const plain = cjm(...args);
		expect(plain.status).toBe(1);
		expect(cjm(...args, '--cache', '--cache-location', location)).toEqual(plain);
		// A folder for this version of the parser, a file per result.
		const [folder, ...others] = readdirSync(location);
		expect(others).toEqual([]);
		expect(folder).toMatch(/^[0-9a-f]{16}$/);
		expect(readdirSync(join(location, folder)).filter((name) => !/^[0-9a-f]{64}\.json$/.test(name))).toEqual([]);
		expect(readdirSync(join(location, folder)).length).toBeGreaterThan(fixtures.length);
		expect(cjm(...args, '--cache', '--cache-location', location)).toEqual(plain);
	}, 180_000);
});

test('loads the core and the report, not the renderers nor micromark (each a tenth of a second of every start)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'cjm-modules-'));
	temps.push(dir);
	// Node's module hooks write down every module the command loads.
	const hooks = join(dir, 'hooks.mjs');
	const loaded = join(dir, 'loaded.txt');
	writeFileSync(
		hooks,
		`import { appendFileSync } from 'node:fs';\nimport { registerHooks } from 'node:module';\nregisterHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(loaded)}, url + '\\n'); return next(url, context); } });\n`
	);
	const result = spawnSync(process.execPath, ['--import', pathToFileURL(hooks).href, 'bin/cjm.js', 'validate', '.'], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
	expect(result.status).toBe(0);
	const modules = readFileSync(loaded, 'utf8').split('\n');
	expect(modules.some((url) => url.includes('/src/core/parse-journey.ts'))).toBe(true);
	expect(modules.filter((url) => url.includes('/src/render/'))).toEqual([]);
	// No sample needs a Markdown tree to be checked: their bodies' headings are read line by line.
	expect(modules.filter((url) => /\/node_modules\/(?:micromark|remark-parse)\//.test(url))).toEqual([]);
});

test('a reader that stops early (`| head`) ends the command quietly', async () => {
	// 2,000 unknown keys: a report far larger than a pipe's buffer.
	const dir = mkdtempSync(join(tmpdir(), 'cjm-cli-'));
	temps.push(dir);
	const keys = Array.from({ length: 2000 }, (_, i) => `unknown${i}: x`).join('\n');
	mkdirSync(join(dir, 'journeys'));
	writeFileSync(join(dir, 'journeys/many.md'), `---\ntitle: Many\npersona: p\nstages: []\n${keys}\n---\n`);
	const child = spawn(process.execPath, ['bin/cjm.js', 'validate', dir, '--format', 'json'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	child.stdout.once('data', () => child.stdout.destroy());
	await new Promise((resolve) => child.on('close', resolve));
	expect(stderr).toBe('');
});

test('stderr never shows a stack trace', () => {
	// Runs last: `runs` holds every run above.
	expect(runs.length).toBeGreaterThan(20);
	for (const run of runs) {
		expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
		expect(run.status === 2 || run.stderr === '').toBe(true);
	}
});
