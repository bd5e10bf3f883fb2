/** Parsing on worker threads must give exactly what parsing on one thread gives. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generateProject, journeyText } from '../../bench/generate.ts';
import { repoRoot } from '../helpers.ts';
import { loadProject } from '../../src/core/index.ts';
import { PARALLEL_THRESHOLD, sharedFileReader } from '../../src/core/parallel.ts';

const dir = mkdtempSync(join(tmpdir(), 'cjm-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (loaded: Awaited<ReturnType<typeof loadProject>>) => ({
	project: loaded.project,
	messages: loaded.files.map((file) => ({
		path: file.path,
		messages: file.messages.map((m) => ({ reason: m.reason, place: m.place, ruleId: m.ruleId, fatal: m.fatal, expected: m.expected, cause: (m.cause as { reason?: string })?.reason })),
	})),
});

test('worker threads give the same models and messages as one thread', async () => {
	const count = PARALLEL_THRESHOLD + 4;
	await generateProject(dir, count);
	// Some broken files, so messages (with causes and suggestions) cross threads too.
	writeFileSync(join(dir, 'journeys/broken-1.md'), journeyText(1, 10).replace('emotion: ', 'emotoin: '));
	writeFileSync(join(dir, 'journeys/broken-2.md'), journeyText(2, 10).replace('persona: persona-2', 'persona: persona-x'));
	writeFileSync(join(dir, 'journeys/broken-3.md'), journeyText(3, 10).replace('  - name: Research', '  - name: Awareness'));
	writeFileSync(join(dir, 'journeys/broken-4.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]));

	const sequential = summary(await loadProject(dir, { displayRoot: 'p' }));
	const parallel = summary(await loadProject(dir, { displayRoot: 'p', parallel: true }));
	// broken-2 (unknown persona) and broken-3 (duplicate id) still yield a model; broken-1 and broken-4 do not.
	expect(parallel.project.journeys).toHaveLength(count + 2);
	expect(parallel.messages.flatMap((f) => f.messages).map((m) => m.ruleId).sort()).toEqual(['duplicate-id', 'invalid-encoding', 'unknown-key', 'unknown-persona']);
	expect(parallel).toEqual(sequential);
});

test('`cjm validate` parses on a worker that loads the parser from the command\'s compile cache', async () => {
	const cache = mkdtempSync(join(tmpdir(), 'cjm-compile-cache-'));
	try {
		// The command enables the cache in its own folder; the worker must find and use it, not fail or make another.
		const run = spawnSync(process.execPath, [join(repoRoot, 'bin/cjm.js'), 'validate', dir, '--format', 'json'], {
			encoding: 'utf8',
			env: { ...process.env, NODE_COMPILE_CACHE: cache },
			timeout: 60_000,
		});
		expect(run.stderr).toBe('');
		const files = JSON.parse(run.stdout) as Array<{ path: string; messages: Array<{ rule: string }> }>;
		expect(files.flatMap((file) => file.messages.map((m) => m.rule)).sort()).toEqual(['duplicate-id', 'invalid-encoding', 'unknown-key', 'unknown-persona']);
		expect(readdirSync(cache)).toHaveLength(1);
		// One cache for every thread: the worker's entries sit beside the command's, not in a folder of their own inside.
		const [version] = readdirSync(cache);
		expect(readdirSync(join(cache, version), { withFileTypes: true }).filter((entry) => entry.isDirectory())).toEqual([]);
	} finally {
		rmSync(cache, { recursive: true, force: true });
	}
});

test('files are read into shared memory, whole even when they changed size since `stat`', () => {
	const read = sharedFileReader();
	const file = (name: string, text: string) => {
		const path = join(dir, name);
		writeFileSync(path, text);
		return path;
	};
	const same = file('same.md', '---\ntitle: Same\n---\n');
	const bytes = read(same, statSync(same));
	expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
	expect(Buffer.from(bytes).toString()).toBe('---\ntitle: Same\n---\n');

	const grown = file('grown.md', 'short');
	const before = statSync(grown);
	writeFileSync(grown, 'short, and then much longer');
	expect(Buffer.from(read(grown, before)).toString()).toBe('short, and then much longer');

	const shrunk = file('shrunk.md', 'a longer text at first');
	const earlier = statSync(shrunk);
	writeFileSync(shrunk, 'short');
	expect(Buffer.from(read(shrunk, earlier)).toString()).toBe('short');

	const empty = file('empty.md', '');
	expect(read(empty, statSync(empty))).toHaveLength(0);

	// Larger than a block, and enough files to fill several: each keeps its own bytes.
	const large = file('large.md', 'x'.repeat(5 * 1024 * 1024));
	const many = Array.from({ length: 300 }, (_, i) => file(`many-${i}.md`, `${i} `.repeat(5000)));
	const texts = [large, ...many, same].map((path) => Buffer.from(read(path, statSync(path))).toString());
	expect(texts[0]).toHaveLength(5 * 1024 * 1024);
	expect(texts.slice(1, -1)).toEqual(many.map((_, i) => `${i} `.repeat(5000)));
	expect(texts.at(-1)).toBe('---\ntitle: Same\n---\n');
});
