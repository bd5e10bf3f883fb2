/**
 * The site's reads of the content between reloads (src/site/project.ts): a file is read again when
 * it changed on disk or a save of it was reported, and only then, so the parse cache finds the
 * same bytes (and their key) for every other file.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { sourceReader } from '../../src/site/project.ts';

const dir = mkdtempSync(join(tmpdir(), 'cjm-reads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an unchanged file is not read again; a changed one, or one whose save was reported, is', () => {
	const reader = sourceReader();
	const path = join(dir, 'journey.md');
	const read = () => reader.read(path, statSync(path));
	writeFileSync(path, 'title: One\n');
	const first = read();
	expect(Buffer.from(first).toString()).toBe('title: One\n');
	expect(read()).toBe(first);

	writeFileSync(path, 'title: Two, longer\n');
	const second = read();
	expect(Buffer.from(second).toString()).toBe('title: Two, longer\n');

	// Same size, and `stat` as before (a save within the clock's tick): the reported save is read.
	const stats = statSync(path);
	writeFileSync(path, 'title: Tw0, longer\n');
	expect(reader.read(path, stats)).toBe(second);
	reader.saved(path);
	expect(Buffer.from(reader.read(path, stats)).toString()).toBe('title: Tw0, longer\n');
	// Reported once, read once.
	const third = reader.read(path, stats);
	expect(reader.read(path, stats)).toBe(third);
});
