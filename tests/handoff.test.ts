/** The hand-over from `cjm build` to Astro: what the CLI writes is what the site reads, and the defaults without the CLI. */
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadProject } from '../src/core/index.ts';
import { HANDOFF_ENV, handOver, receivedHandoff } from '../src/handoff.ts';
import { repoRoot } from './helpers.ts';

const names = Object.values(HANDOFF_ENV);
let saved: Record<string, string | undefined>;

beforeEach(() => {
	saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
	for (const name of names) delete process.env[name];
});
afterEach(() => {
	for (const name of names) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
});

describe('hand-over', () => {
	test('without `cjm build`: the working directory, shown as is, Astro’s own output folder, nothing validated', () => {
		expect(receivedHandoff({})).toEqual({ root: process.cwd(), displayRoot: process.cwd(), outDir: undefined, cacheDir: undefined, validated: undefined });
	});

	test('what `cjm build` hands over is what the loaders and astro.config.mjs receive', async () => {
		const root = resolve(repoRoot);
		const loaded = await loadProject(root, { displayRoot: '.' });
		handOver({ validated: { ...loaded, root }, displayRoot: '.', outDir: '/tmp/cjm-site', cacheDir: '/tmp/cjm-cache/astro' });
		const received = receivedHandoff();
		expect(received).toMatchObject({ root, displayRoot: '.', outDir: '/tmp/cjm-site', cacheDir: '/tmp/cjm-cache/astro' });
		// The same objects, not a copy: the loaders parse nothing a second time.
		expect(received.validated?.project).toBe(loaded.project);
		expect(received.validated?.files).toBe(loaded.files);
		expect(process.env[HANDOFF_ENV.root]).toBe(root);
	});

	test('a kept site folder crosses with the time its build started, and only with a cache', async () => {
		const root = resolve(repoRoot);
		const validated = { ...(await loadProject(root, { displayRoot: '.' })), root };
		const start = 1_764_620_000_123_456_789n;
		handOver({ validated, displayRoot: '.', cacheDir: '/tmp/cjm-cache/astro', keepOutDir: start });
		expect(receivedHandoff().keepOutDir).toBe(start);
		handOver({ validated, displayRoot: '.', cacheDir: '/tmp/cjm-cache/astro' });
		expect(receivedHandoff().keepOutDir).toBeUndefined();
		expect(receivedHandoff({ [HANDOFF_ENV.keepOutDir]: String(start) }).keepOutDir).toBeUndefined();
	});

	test('the rendering threads cross as a whole number; anything else leaves the default', () => {
		expect(receivedHandoff({ [HANDOFF_ENV.renderThreads]: '0' }).renderThreads).toBe(0);
		expect(receivedHandoff({ [HANDOFF_ENV.renderThreads]: '3' }).renderThreads).toBe(3);
		for (const value of ['', 'two', '-1', '1.5']) expect(receivedHandoff({ [HANDOFF_ENV.renderThreads]: value }).renderThreads, value).toBeUndefined();
	});

	test('a project validated for another folder is not handed to this one', async () => {
		const root = resolve(repoRoot);
		handOver({ validated: { ...(await loadProject(root)), root }, displayRoot: '.' });
		const other = receivedHandoff({ [HANDOFF_ENV.root]: resolve(repoRoot, 'tests/fixtures/flow-map') });
		expect(other.root).toBe(resolve(repoRoot, 'tests/fixtures/flow-map'));
		expect(other.validated).toBeUndefined();
		expect(receivedHandoff().validated?.root).toBe(root);
	});
});
