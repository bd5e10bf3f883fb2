/**
 * What `cjm build` prints: its own lines, and nothing from Astro or Starlight. A warning on every
 * build that its authors cannot act on teaches them to skip the output, and then they miss the one
 * that matters. These projects leave empty the collections the samples (built by global-setup)
 * always fill: touchpoint images, and journeys.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repo } from './browser.ts';
import { siteBuildEnv } from './build-env.ts';

const work = mkdtempSync(join(tmpdir(), 'cjm-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds a project made of these sample files; returns the site's folder and the output lines. */
function buildOf(name: string, samples: string[]): { site: string; lines: string[] } {
	const content = join(work, name);
	for (const sample of samples) cpSync(join(repo, sample), join(content, sample), { recursive: true });
	const site = join(work, `${name}-site`);
	// A cache of its own: Astro's data store starts empty, as on a fresh clone. (The default location
	// keeps the store of earlier builds, whose collections would hide a warning about a missing one.)
	const cache = ['--cache', '--cache-location', join(work, `${name}-cache`)];
	const run = spawnSync(process.execPath, ['bin/cjm.js', 'build', content, '--out-dir', site, ...cache], { cwd: repo, env: siteBuildEnv(), encoding: 'utf8', timeout: 180_000 });
	expect(run.status, run.stderr).toBe(0);
	return { site, lines: `${run.stdout}${run.stderr}`.split('\n') };
}

test('a clean project without images builds with its two lines of output and no warning', () => {
	const { site, lines } = buildOf('no-images', ['journeys/b2b/software-purchase.md', 'personas/b2b']);
	expect(lines).toEqual(['✔ 3 files checked, no problems found', `✔ site built in ${relative(repo, site)}`, '']);
}, 240_000);

test('a project with a persona and no journey yet builds with its own report, no warning from Astro, and a home page that says how to start', () => {
	const { site, lines } = buildOf('no-journeys', ['personas/marco-rossi.md']);
	expect(lines.filter((line) => /\[(WARN|ERROR)\]/.test(line))).toEqual([]);
	expect(lines).toContain('⚠ 1 warning');
	expect(lines.at(-2)).toBe(`✔ site built in ${relative(repo, site)}`);
	// The home page counts in words that agree with the numbers; every page that lists journeys says how to start one.
	const home = readFileSync(join(site, 'index.html'), 'utf8');
	expect(home).toContain('<strong>0</strong> journeys</li><li><a href="/personas/"><strong>1</strong> persona</a>');
	expect(home).toMatch(/<div hidden class="cjm-catalog /);
	for (const page of ['index.html', 'journeys/index.html', 'backlog/index.html', 'owners/index.html', 'channels/index.html', 'landscape/index.html', 'health/index.html']) {
		expect(readFileSync(join(site, page), 'utf8'), page).toContain('No journeys yet. Start one with <code>npx cjm new journey');
	}
}, 240_000);
