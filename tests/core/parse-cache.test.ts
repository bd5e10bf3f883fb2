/** The parse cache may only save time: with or without it, every project gives the same models and messages. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { generateProject, journeyText } from '../../bench/generate.ts';
import { fileCache, loadProject, type ParseCache, touchpointsOf } from '../../src/core/index.ts';
import { PARALLEL_THRESHOLD, type WireResult } from '../../src/core/parallel.ts';
import { packageRoot } from '../../src/core/parse-cache.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const rules = join(repo, 'tests/fixtures/rules');
const temps: string[] = [];
const temp = (prefix: string) => {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temps.push(dir);
	return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Everything a run shows. Where nesting too deep for `yaml` is reported depends on how much call
 * stack is left when parsing starts, so any change of caller moves it: only its line is compared.
 */
const TOO_DEEP = 'Unexpected nesting that is too deep in frontmatter, flatten it';
const summary = (loaded: Awaited<ReturnType<typeof loadProject>>) => ({
	project: loaded.project,
	messages: loaded.files.map((file) => ({
		path: file.path,
		messages: file.messages.map((m) => ({
			...m,
			...(m.reason === TOO_DEEP ? { place: m.line, column: undefined, name: undefined } : {}),
			cause: (m.cause as { reason?: string })?.reason,
			stack: undefined,
		})),
	})),
});

/** A cache that counts its misses: each one is a file parsed. */
function counting(cache: ParseCache) {
	const counter = { misses: 0, hits: 0 };
	const wrapped: ParseCache = {
		get: (key, reparse) => {
			const hit = cache.get(key, reparse);
			if (hit) counter.hits++;
			else counter.misses++;
			return hit;
		},
		set: (key, result) => cache.set(key, result),
	};
	return { cache: wrapped, counter };
}

/** A cache in `location` that holds the results of `dir`'s files, as a first run leaves it. */
async function warmCache(dir: string, location: string) {
	const first = fileCache(location);
	await loadProject(dir, { cache: first });
	first.save();
}

const projects = [repo, ...readdirSync(rules, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(rules, d.name))];

test.each(projects)('%s: the same result without the cache, from a cold cache and from a warm one', async (root) => {
	const location = temp('cjm-cache-');
	const plain = summary(await loadProject(root, { displayRoot: 'p' }));
	const cold = fileCache(location);
	expect(summary(await loadProject(root, { displayRoot: 'p', cache: cold }))).toEqual(plain);
	cold.save();
	const warm = counting(fileCache(location));
	expect(summary(await loadProject(root, { displayRoot: 'p', cache: warm.cache }))).toEqual(plain);
	// Only files over the YAML limits are parsed again (where `yaml` runs out of stack is not the file's doing).
	const overLimits = plain.messages.filter((file) => file.messages.some((m) => m.ruleId === 'yaml-limits'));
	expect(warm.counter.misses).toBe(overLimits.length);
});

test('after one file changes, only that file is parsed again, on worker threads too', async () => {
	const dir = temp('cjm-cache-project-');
	const location = temp('cjm-cache-');
	await generateProject(dir, PARALLEL_THRESHOLD + 4);
	writeFileSync(join(dir, 'journeys/broken-1.md'), journeyText(1, 10).replace('emotion: ', 'emotoin: '));
	writeFileSync(join(dir, 'journeys/broken-2.md'), journeyText(2, 10).replace('persona: persona-2', 'persona: persona-x'));
	const run = async () => {
		const cache = fileCache(location);
		const { cache: counted, counter } = counting(cache);
		const loaded = summary(await loadProject(dir, { displayRoot: 'p', parallel: true, cache: counted }));
		cache.save();
		return { loaded, counter };
	};
	const cold = await run();
	expect(cold.counter.hits).toBe(0);
	expect((await run()).counter.misses).toBe(0);

	// A new unknown persona in one journey: that file is parsed again, and the project-wide check reports it.
	writeFileSync(join(dir, 'journeys/journey-0003.md'), readFileSync(join(dir, 'journeys/journey-0003.md'), 'utf8').replace(/persona: persona-\d+/, 'persona: persona-y'));
	const edited = await run();
	expect(edited.counter.misses).toBe(1);
	expect(edited.loaded).toEqual(summary(await loadProject(dir, { displayRoot: 'p' })));
	expect(edited.loaded.messages.flatMap((f) => f.messages).filter((m) => m.ruleId === 'unknown-persona')).toHaveLength(2);
});

test('a warm run reads only the models it needs: checking journeys without images needs their references alone', async () => {
	const dir = temp('cjm-cache-lazy-');
	const location = temp('cjm-cache-');
	await generateProject(dir, 6);
	await warmCache(dir, location);
	const hits: WireResult[] = [];
	const cache = fileCache(location);
	const keeping: ParseCache = {
		get: (key) => {
			const hit = cache.get(key);
			if (hit) hits.push(hit);
			return hit;
		},
		set: cache.set,
	};
	const loaded = await loadProject(dir, { cache: keeping });
	const unread = (hit: WireResult) => Object.getOwnPropertyDescriptor(hit.parsed, 'journey')?.get !== undefined;
	const journeys = hits.filter((hit) => hit.parsed && 'references' in hit.parsed);
	expect(journeys).toHaveLength(6);
	expect(journeys.every(unread)).toBe(true);
	// Asked for, they are read once and are the models a run without the cache gives.
	expect(loaded.project.journeys).toEqual((await loadProject(dir)).project.journeys);
	expect(journeys.some(unread)).toBe(false);
	expect(loaded.project.journeys).toBe(loaded.project.journeys);
});

test('a model read after its result\'s first line is parsed again if its stored text changed or went in between', async () => {
	const dir = temp('cjm-cache-later-');
	const location = temp('cjm-cache-');
	await generateProject(dir, 4);
	const plain = (await loadProject(dir)).project.journeys;
	const changes = [(path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace('\n{"id":"', '\n{"id":"x')), (path: string) => rmSync(path)];
	for (const change of changes) {
		rmSync(location, { recursive: true, force: true });
		await warmCache(dir, location);
		const cache = fileCache(location);
		const { cache: counted, counter } = counting(cache);
		const loaded = await loadProject(dir, { cache: counted });
		expect(counter.misses).toBe(0);
		// Another run rewrites or removes the results before this one uses the journeys' models (20 KB each, read later).
		for (const name of readdirSync(cache.path)) change(join(cache.path, name));
		expect(loaded.project.journeys).toEqual(plain);
	}
});

test('a model read after its result\'s first line is kept: the process\'s next load reads no result again', async () => {
	const dir = temp('cjm-cache-kept-');
	const location = temp('cjm-cache-');
	await generateProject(dir, 4);
	await warmCache(dir, location);
	const cache = fileCache(location);
	const first = await loadProject(dir, { cache });
	const models = first.project.journeys;
	// Nothing left to read: the second load (the dev server's next reload) takes what the first read.
	for (const name of readdirSync(cache.path)) rmSync(join(cache.path, name));
	const { cache: counted, counter } = counting(cache);
	const second = await loadProject(dir, { cache: counted });
	expect(counter.misses).toBe(0);
	expect(second.project.journeys).toEqual(models);
});

test('corrupt results, other versions\' folders and stray files are ignored, never trusted, and cleared on save', async () => {
	const root = join(rules, 'unknown-persona');
	const plain = summary(await loadProject(root));
	const location = temp('cjm-cache-');
	const first = fileCache(location);
	await loadProject(root, { cache: first });
	first.save();
	const folder = first.path;
	const names = readdirSync(folder);
	expect(names.length).toBeGreaterThan(0);
	expect(names.every((name) => /^[0-9a-f]{64}\.json$/.test(name))).toBe(true);
	const good = names.map((name) => readFileSync(join(folder, name), 'utf8'));
	const broken = ['{"version": ', 'null', '[]', '{"messages": "not a list"}', '{"parsed": 1, "messages": []}', '{"messages": [{"reason": 1}]}'];
	for (const text of broken) {
		for (const name of names) writeFileSync(join(folder, name), text);
		const cache = fileCache(location);
		const { cache: counted, counter } = counting(cache);
		expect(summary(await loadProject(root, { cache: counted }))).toEqual(plain);
		expect(counter.hits).toBe(0);
		cache.save();
		expect(names.map((name) => readFileSync(join(folder, name), 'utf8'))).toEqual(good);
	}

	// A result whose model line was changed, cut or taken away (its digest no longer matches) is not used either.
	const tampered = [(text: string) => text.replace('\n{"id":"', '\n{"id":"x'), (text: string) => text.slice(0, -10), (text: string) => text.slice(0, text.indexOf('\n')), (text: string) => `${text}\n{}`];
	expect(good.some((text) => text.includes('\n{"id":"'))).toBe(true);
	for (const change of tampered) {
		names.forEach((name, i) => writeFileSync(join(folder, name), change(good[i])));
		const { cache: counted, counter } = counting(fileCache(location));
		expect(summary(await loadProject(root, { cache: counted }))).toEqual(plain);
		expect(counter.hits).toBe(good.filter((text) => change(text) === text).length);
	}

	// Another parser version's folder, the single file of earlier releases and a stray file are never read, and go on save.
	const other = join(location, '0123456789abcdef');
	mkdirSync(other);
	writeFileSync(join(other, names[0]), good[0]);
	writeFileSync(join(location, 'parse-cache.json'), '{}');
	writeFileSync(join(folder, `${names[0]}.123.tmp`), 'half');
	const cache = fileCache(location);
	expect(summary(await loadProject(root, { cache }))).toEqual(plain);
	cache.save();
	expect(readdirSync(location)).toEqual([basename(folder)]);
	expect(readdirSync(folder).sort()).toEqual([...names].sort());
});

test('a process that loads the project again parses only the models that changed, and no check changes a parsed model', async () => {
	// The samples: journeys with touchpoint images and with measurements, which the project's checks apply.
	const root = temp('cjm-cache-memo-');
	for (const folder of ['journeys', 'personas', 'metrics']) cpSync(join(repo, folder), join(root, folder), { recursive: true });
	// A measured conversion other than the typed one: applied twice to one model, it would become the estimate too.
	const metrics = join(root, 'metrics/online-store.csv');
	writeFileSync(metrics, readFileSync(metrics, 'utf8').replace('wait-for-email,conversion,30%', 'wait-for-email,conversion,25%'));
	const cache = fileCache(temp('cjm-cache-'));
	const load = async () => {
		const loaded = await loadProject(root, { displayRoot: 'p', cache });
		cache.save();
		return loaded;
	};
	const journey = (loaded: Awaited<ReturnType<typeof loadProject>>, id: string) => loaded.project.journeys.find((j) => j.id === id)!;
	const first = await load();
	const expected = summary(first);
	const step = touchpointsOf(journey(await load(), 'online-store/signup-current')).find((t) => t.id === 'wait-for-email')!;
	expect([step.conversion, step.estimate]).toEqual([0.25, 0.3]);

	// Models read back from the cache, from the second load on: one object per model, whatever the loads.
	const second = await load();
	const third = await load();
	expect(summary(third)).toEqual(expected);
	expect(journey(third, 'saas/trial-evaluation')).toBe(journey(second, 'saas/trial-evaluation'));
	// The first load parsed it: the loads after take that model.
	expect(journey(second, 'saas/trial-evaluation')).toBe(journey(first, 'saas/trial-evaluation'));

	// An image taken away leaves the model that shared it as it was: put back, it shows again.
	const image = join(root, 'journeys/restaurant/pizza-visit-images/menu.svg');
	const picture = readFileSync(image);
	rmSync(image);
	const without = await load();
	expect(touchpointsOf(journey(without, 'restaurant/pizza-visit')).flatMap((t) => t.image ?? []).map((i) => i.src)).not.toContain('journeys/restaurant/pizza-visit-images/menu.svg');
	writeFileSync(image, picture);
	expect(summary(await load())).toEqual(expected);

	// A changed journey gets a new model; the others keep theirs.
	const path = join(root, 'journeys/saas/trial-evaluation.md');
	writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: (.+)$/m, 'title: $1, changed'));
	const changed = await load();
	expect(journey(changed, 'saas/trial-evaluation')).not.toBe(journey(third, 'saas/trial-evaluation'));
	expect(journey(changed, 'saas/trial-evaluation').title).toMatch(/, changed$/);
	expect(journey(changed, 'restaurant/pizza-visit')).toEqual(journey(third, 'restaurant/pizza-visit'));
});

describe('packageRoot', () => {
	test('finds this package from the core, and from a chunk bundled under the site', () => {
		expect(packageRoot(join(repo, 'src/core'))).toBe(repo.replace(/\/$/, ''));
		expect(packageRoot(join(repo, '.astro/prerender/chunks'))).toBe(repo.replace(/\/$/, ''));
	});

	test('finds nothing outside it, even under another package', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cjm-root-'));
		try {
			writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'someone-else' }));
			expect(packageRoot(join(dir, 'chunks'))).toBeUndefined();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
