/**
 * `cjm build --downloads`: the site builds only the exports it names (the flow's Mermaid source
 * always), and each journey page offers exactly those; a name the site does not build stops the
 * build before Astro starts, with one line that says what it takes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repo } from './browser.ts';
import { siteBuildEnv } from './build-env.ts';

const work = mkdtempSync(join(tmpdir(), 'cjm-downloads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cjmBuild(args: string[], env = siteBuildEnv()) {
	return spawnSync(process.execPath, ['bin/cjm.js', 'build', '.', ...args], { cwd: repo, env, encoding: 'utf8', timeout: 180_000 });
}

/** The extensions of the pizza-visit page's download links, each once, in the page's order. */
function offeredOnPage(site: string): string[] {
	const page = readFileSync(join(site, 'journeys/restaurant/pizza-visit/index.html'), 'utf8');
	return [...new Set([...page.matchAll(/href="\/downloads\/restaurant\/pizza-visit\.(\w+)"/g)].map((match) => match[1]!))];
}

test('builds and offers only the downloads it is given', () => {
	const site = join(work, 'site');
	const run = cjmBuild(['--out-dir', site, '--downloads', 'xlsx,svg']);
	expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
	const built = readdirSync(join(site, 'downloads/restaurant')).sort();
	expect(built).toEqual(['pizza-visit.mmd', 'pizza-visit.svg', 'pizza-visit.xlsx']);
	expect(offeredOnPage(site)).toEqual(['mmd', 'svg', 'xlsx']);
}, 240_000);

test('by default, every download but the map picture, which costs more than a tenth of a large build', () => {
	const site = join(work, 'default');
	const env = siteBuildEnv();
	delete env.CJM_DOWNLOADS;
	const run = cjmBuild(['--out-dir', site], env);
	expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
	expect(readdirSync(join(site, 'downloads/restaurant')).sort()).toEqual(['pizza-visit.csv', 'pizza-visit.json', 'pizza-visit.mmd', 'pizza-visit.xlsx']);
	expect(offeredOnPage(site).sort()).toEqual(['csv', 'json', 'mmd', 'xlsx']);
}, 240_000);

test('`astro build` itself, given CJM_DOWNLOADS, builds and offers only those', () => {
	// Astro bundles the pages: the core then runs from a chunk, and still finds its own package (parse-cache.ts).
	const site = join(work, 'astro-build');
	const env = { ...siteBuildEnv(), CJM_OUT_DIR: site, CJM_DOWNLOADS: 'json' };
	const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: repo, env, encoding: 'utf8', timeout: 180_000 });
	expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
	expect(readdirSync(join(site, 'downloads/restaurant')).sort()).toEqual(['pizza-visit.json', 'pizza-visit.mmd']);
	expect(readFileSync(join(site, 'health/index.html'), 'utf8')).toContain('pizza-visit');
}, 240_000);

test('a name the site does not build stops before Astro starts', () => {
	const run = cjmBuild(['--out-dir', join(work, 'refused'), '--downloads', 'svg,png']);
	expect(run.status).toBe(2);
	expect(run.stdout).toBe('');
	expect(run.stderr).toBe(`error: option '--downloads <formats>' argument 'svg,png' is invalid. "png" is not a download the site builds: give some of svg, csv, xlsx, json, comma-separated, or none\n(run \`cjm --help\` for usage)\n`);
	expect(readdirSync(work)).not.toContain('refused');
});
