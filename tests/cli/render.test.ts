/** `cjm render` as a reviewer runs it: each view of a sample journey, printed by the real CLI. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { touchpointsOf } from '../../src/core/index.ts';
import { sampleJourney } from '../helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function render(...args: string[]) {
	const result = spawnSync(process.execPath, ['bin/cjm.js', 'render', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cjm render', async () => {
	const journey = await sampleJourney('online-store/signup-future');

	test('html: a standalone page with the chart, insights and table', () => {
		const { status, stdout } = render('online-store/signup-future', '--format', 'html');
		expect(status).toBe(0);
		expect(stdout.startsWith('<!doctype html>')).toBe(true);
		const page = fromHtml(stdout);
		expect(select('style', page)).toBeDefined();
		expect(select('svg.cjm-chart', page)).toBeDefined();
		expect(select('.cjm-chart-baseline', page)).toBeDefined(); // the future state is drawn against its baseline
		expect(selectAll('.cjm-insight', page).length).toBeGreaterThan(0);
		expect(selectAll('th.cjm-touchpoint', page)).toHaveLength(touchpointsOf(journey).length);
	});

	test('svg: the emotion chart on its own, with its stylesheet', () => {
		const { status, stdout } = render('journeys/online-store/signup-future.md', '-f', 'svg');
		expect(status).toBe(0);
		expect(stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(stdout).toContain('<style>');
	});

	test('md: one table row per touchpoint', () => {
		const { status, stdout } = render('online-store/signup-future', '-f', 'md');
		expect(status).toBe(0);
		expect(stdout.trim().split('\n')).toHaveLength(2 + touchpointsOf(journey).length);
	});

	test('mermaid and mermaid-journey: the diagram sources', () => {
		expect(render('online-store/signup-future', '-f', 'mermaid').stdout).toMatch(/^flowchart LR\n/);
		expect(render('online-store/signup-future', '-f', 'mermaid-journey').stdout).toMatch(/^journey\n/);
	});

	test('an unknown journey is a usage error that lists the journeys', () => {
		const { status, stderr } = render('online-store/nope');
		expect(status).toBe(2);
		expect(stderr).toContain('No journey `online-store/nope`');
		expect(stderr).toContain('online-store/signup-current');
		expect(stderr).not.toMatch(/^\s+at /m);
	});

	test('an unknown view is a usage error', () => {
		const { status, stderr } = render('online-store/signup-future', '-f', 'pdf');
		expect(status).toBe(2);
		expect(stderr).toContain("Allowed choices are html, svg, md, mermaid, mermaid-journey");
	});
});
