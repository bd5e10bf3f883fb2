/**
 * onSaves over Vite's own file watcher (chokidar 3, as `astro dev` has it), which reports a file's
 * changes at most once per 50 ms. A save that empties the file and then writes it is reported
 * while the file is empty, and the write comes inside that window and is dropped; the file is
 * looked at again once the window has passed, so the last report reads what was saved.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { onSaves } from '../../src/site/saves.ts';

const SETTLE = 100;
const dir = mkdtempSync(join(tmpdir(), 'cjm-saves-'));
let vite: ViteDevServer;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

beforeAll(async () => {
	vite = await createServer({ configFile: false, root: dir, logLevel: 'silent', server: { middlewareMode: true, ws: false } });
	await sleep(500); // the watcher's first scan of the empty folder
});
afterAll(async () => {
	await vite?.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Writes a new file and waits until the watcher has reported it, and for its 50 ms window to pass. */
async function created(name: string, text: string): Promise<string> {
	const path = join(dir, name);
	const announced = new Promise<void>((done) => {
		const listener = (added: string) => {
			if (added !== path) return;
			vite.watcher.off('add', listener);
			done();
		};
		vite.watcher.on('add', listener);
	});
	writeFileSync(path, text);
	await announced;
	await sleep(100);
	return path;
}

/** Each report of a file that `accepts`, with the file's text at that moment (what a loader would read). */
function reads(accepts: (path: string) => boolean) {
	const seen: string[] = [];
	onSaves(vite.watcher, accepts, (path) => seen.push(readFileSync(path, 'utf8')), SETTLE);
	return seen;
}

/** Waits (`within` ms at most) until `seen` has `count` reports, looking every millisecond. */
async function reported(seen: unknown[], count: number, within = 5_000) {
	for (const deadline = Date.now() + within; seen.length < count && Date.now() < deadline; ) await sleep(1);
}

/** `reported`, then one more settling period, so late reports show. */
async function settled(seen: unknown[], count: number) {
	await reported(seen, count);
	await sleep(SETTLE * 3);
}

test('a save that empties the file and then writes it is reported with what was saved', async () => {
	const path = await created('emptied.md', '---\ntitle: Before\n---\n');
	const seen = reads((file) => file === path);
	writeFileSync(path, '');
	await reported(seen, 1, 30_000);
	expect(seen).toEqual(['']); // read while empty
	writeFileSync(path, '---\ntitle: Saved\n---\n'); // inside the window: the watcher drops this change
	await settled(seen, 2);
	expect(seen.at(-1)).toBe('---\ntitle: Saved\n---\n');
});

test('a save made in one write is reported once; files the project does not read are not reported', async () => {
	const path = await created('whole.md', '---\ntitle: Whole\n---\n');
	const seen = reads((file) => file === path);
	appendFileSync(path, '\nEdited.\n'); // one write, never seen half done
	writeFileSync(join(dir, 'notes.txt'), 'not a journey');
	await settled(seen, 1);
	expect(seen).toEqual(['---\ntitle: Whole\n---\n\nEdited.\n']);
});
