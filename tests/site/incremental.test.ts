/**
 * `cjm build --cache`: an incremental build reuses the pages of the last build whose data is
 * unchanged, renders again every page that shows something that changed (also on other pages:
 * a baseline's or a zoom target's title), and publishes exactly what a full build publishes. Into
 * the folder the last one wrote, unchanged pages stay where they are (src/cli/kept-out-dir.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repo } from './browser.ts';
import { siteBuildEnv } from './build-env.ts';
import { expectSameSite, siteFiles } from './same-site.ts';

const work = mkdtempSync(join(tmpdir(), 'cjm-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `startedBy`: the shell's `_`, the command that started the build (`npx`, `npm`, `time`…), which is not the site's business. */
function build(content: string, outDir: string, options: string[] = [], startedBy = '/usr/bin/npx'): string {
	const env = { ...siteBuildEnv(), CJM_LOG_LEVEL: 'info', _: startedBy };
	const result = spawnSync(process.execPath, ['bin/cjm.js', 'build', content, '--out-dir', outDir, ...options], { cwd: repo, env, encoding: 'utf8', timeout: 180_000 });
	expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
	return result.stdout + result.stderr;
}

/** The files Astro took from the last build instead of rendering them, as `/journeys/…/index.html`: copied from its cache (`restored`) or left in place (`cached`). */
const reused = (log: string, how = 'restored|cached') => new Set([...log.matchAll(new RegExp(`(\\/\\S+) \\((?:${how})\\)`, 'g'))].map((match) => match[1]));

test('a rebuild renders only what changed, and publishes what a full build does', async () => {
	const content = join(work, 'content');
	for (const folder of ['journeys', 'personas', 'metrics']) cpSync(join(repo, folder), join(content, folder), { recursive: true });
	const cache = ['--cache', '--cache-location', join(work, 'cache')];
	// The same folder both times, as a user rebuilds: Astro counts the output folder as part of the pages' code.
	const site = join(work, 'site');
	build(content, site, cache);

	// The current sign-up journey is the future one's baseline, and a trial touchpoint zooms into it.
	const changed = join(content, 'journeys/online-store/signup-current.md');
	writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^title: .*$/m, 'title: "Signing up, renamed"'));
	// Started another way than the first build: nothing the site shows.
	const log = build(content, site, cache, '/usr/bin/time');
	build(content, join(work, 'full'));

	const pages = reused(log);
	for (const unchanged of ['restaurant/pizza-visit', 'b2b/software-purchase']) {
		expect(pages).toContain(`/journeys/${unchanged}/index.html`);
		expect(pages).toContain(`/downloads/${unchanged}.svg`);
	}
	for (const showsTheTitle of ['online-store/signup-current', 'online-store/signup-future', 'saas/trial-evaluation']) {
		expect(pages).not.toContain(`/journeys/${showsTheTitle}/index.html`);
		expect(readFileSync(join(site, 'journeys', showsTheTitle, 'index.html'), 'utf8')).toContain('Signing up, renamed');
	}

	// The folder was the last build's: the unchanged pages were left where they were.
	expect(reused(log, 'cached')).toEqual(pages);
	await expectSameSite(site, join(work, 'full'));

	// A removed journey takes its page, its downloads and its search entry with it.
	rmSync(join(content, 'journeys/restaurant/pizza-visit.md'));
	const afterRemoval = build(content, site, cache);
	expect(reused(afterRemoval, 'cached')).toContain('/journeys/b2b/software-purchase/index.html');
	expect(afterRemoval).toMatch(/Deleted \d+ file\(s\) of the last build that this one no longer has/);
	build(content, join(work, 'full-again'));
	expect(siteFiles(site).filter((name) => name.includes('pizza-visit'))).toEqual([]);
	await expectSameSite(site, join(work, 'full-again'));
}, 300_000);
