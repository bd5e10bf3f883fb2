/**
 * `cjm build` on an invalid content tree (tests/fixtures/site/invalid): exit 1 with the same
 * positioned messages as `cjm validate`, no stack trace, and no site written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repo } from './browser.ts';

const FIXTURE = 'tests/fixtures/site/invalid';
const work = mkdtempSync(join(tmpdir(), 'cjm-invalid-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cjm(...args: string[]) {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
	delete env.CJM_DEBUG;
	delete env.FORCE_COLOR;
	const result = spawnSync(process.execPath, ['bin/cjm.js', ...args], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK = /^\s+at /m;

test.each(['stylish', 'compact', 'github'])('build fails with the messages of validate (--format %s), no stack trace, no site', (format) => {
	const outDir = join(work, `site-${format}`);
	const validate = cjm('validate', FIXTURE, '--format', format);
	const build = cjm('build', FIXTURE, '--format', format, '--out-dir', outDir);

	expect(validate.status).toBe(1);
	expect(build.status).toBe(1);
	// Exactly the validation report, then one line saying the site was not built.
	expect(build.stdout).toBe(validate.stdout);
	expect(build.stderr).toBe('cjm: the site was not built; fix the problems above first.\n');
	for (const output of [build.stdout, build.stderr, validate.stdout, validate.stderr]) expect(output).not.toMatch(STACK);
	expect(existsSync(outDir)).toBe(false);

	// Every file with a problem, with positions, in the format asked for.
	for (const file of ['journeys/broken.md', 'journeys/stranger.md', 'personas/kim.md', 'personas/sam.md']) expect(build.stdout).toContain(`${FIXTURE}/${file}`);
	for (const rule of ['unknown-key', 'out-of-range', 'invalid-value', 'unknown-persona', 'missing-avatar', 'wrong-type']) expect(build.stdout).toContain(rule);
	const position = { stylish: /^9:18-9:19 +error/m, compact: /journeys\/broken\.md:9:18: error /, github: /^::error file=[^,]*journeys\/broken\.md,line=9,col=18,/m }[format]!;
	expect(build.stdout).toMatch(position);
});

