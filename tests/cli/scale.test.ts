/**
 * Every command on the largest journeys the limits allow (bench/scale.ts): each finishes, with a
 * result a person can use or a clear refusal, never a crash. How long each takes is the bench's
 * business (`npm run bench scale`), not this test's: the timeout only stops a hang.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { prepareScaleProject, scaleCommands } from '../../bench/scale.ts';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'cjm-scale-'));
prepareScaleProject(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
	let stdout = '';
	let stderr = '';
	const status = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: dir, color: false, interactive: false });
	return { status, stdout, stderr };
}

describe('the largest journeys', () => {
	test.each(scaleCommands())('$name', { timeout: 300_000 }, async ({ args }) => {
		const { status, stdout, stderr } = await run(args);
		expect(stderr).not.toContain('internal error');
		if (args[0] === 'export' && status === 2) {
			// A format may refuse a map too large for it, saying so.
			expect(stderr).toMatch(/^cjm: .*(too large|at most)/);
			return;
		}
		// The largest valid journeys have warnings (drops with no pain), never errors.
		expect(status, stderr).toBe(0);
		const out = args.indexOf('-o');
		if (out === -1) expect(stdout.length).toBeGreaterThan(100);
		else expect(existsSync(join(dir, args[out + 1])) && statSync(join(dir, args[out + 1])).size > 100).toBe(true);
		if (args[0] === 'diff') expect(stdout).toMatch(/emotion/i);
	});
});
