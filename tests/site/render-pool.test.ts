/**
 * The site build's rendering threads (src/site/render-pool.ts): what they render is what the main
 * thread renders, byte for byte, and a render that fails on a thread fails with the renderer's
 * own message while the next one still renders.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, inject, test } from 'vitest';
import { loadProject, routeSlugs } from '../../src/core/index.ts';
import { HANDOFF_ENV } from '../../src/handoff.ts';
import { indexContent, type SiteContent } from '../../src/site/content-index.ts';
import { type JourneyPage, journeyPage } from '../../src/site/journey-page.ts';
import { journeyPageParts, markdownOf } from '../../src/site/page-parts.ts';
import { journeyPagePartsOf, renderOnThreads } from '../../src/site/render-pool.ts';
import { useRouteSlugs } from '../../src/site/urls.ts';
import { repo } from './browser.ts';
import { userBuildEnv } from './build-env.ts';
import { expectSameSite, siteFiles } from './same-site.ts';

const work = mkdtempSync(join(tmpdir(), 'cjm-threads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the site built on rendering threads is the site built on the main thread, file for file and byte for byte', async () => {
	// The tests' site is built with the default threads (at least one); this one renders everything on the main thread.
	const site = join(work, 'one-thread');
	const run = spawnSync(process.execPath, ['bin/cjm.js', 'build', inject('contentDir'), '--out-dir', site], {
		cwd: repo,
		env: { ...userBuildEnv(), [HANDOFF_ENV.renderThreads]: '0' },
		encoding: 'utf8',
		timeout: 180_000,
	});
	expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
	expect(siteFiles(site).filter((file) => file.startsWith('journeys/') && file.endsWith('.html')).length).toBeGreaterThan(5);
	await expectSameSite(inject('siteDir'), site);
}, 240_000);

const threads = renderOnThreads();
const start = threads.hooks['astro:build:start'] as () => Promise<void>;
const stop = threads.hooks['astro:build:generated'] as () => Promise<void>;
afterEach(() => stop());

/** The samples as the site's pages read them, indexed as `siteContent` indexes the collections. */
async function sampleContent(): Promise<SiteContent> {
	const { project } = await loadProject(repo);
	useRouteSlugs(routeSlugs(project));
	return indexContent(project);
}

test('each sample page’s parts from a thread are the parts rendered here', async () => {
	const content = await sampleContent();
	await start();
	for (const journey of content.journeys) {
		const page = journeyPage(content, journey, { images: {}, review: { every: 90, due: false } });
		expect(await journeyPagePartsOf(page), journey.id).toEqual(journeyPageParts(page));
	}
});

test('a render that fails on a thread fails with the renderer’s message, and the thread renders the next page', async () => {
	const content = await sampleContent();
	const page = journeyPage(content, content.journey('restaurant/pizza-visit')!, { images: {}, review: { every: 90, due: false } });
	const broken = { ...page, journey: { ...page.journey, stages: undefined } } as unknown as JourneyPage;
	const message = (() => {
		try {
			journeyPageParts(broken);
		} catch (error) {
			return (error as Error).message;
		}
	})();
	expect(message).toMatch(/\w/);
	await start();
	await expect(journeyPagePartsOf(broken)).rejects.toThrow(message);
	expect(await journeyPagePartsOf(page)).toEqual(journeyPageParts(page));
});

test('a page finds every Markdown text it shows among its parts, and a text they lack is a bug said as one', async () => {
	const content = await sampleContent();
	const page = journeyPage(content, content.journey('restaurant/pizza-visit')!, { images: {}, review: { every: 90, due: false } });
	const parts = journeyPageParts(page);
	const shown = [...page.intro.map((s) => s.markdown), ...page.sections.map(({ section }) => section.markdown), ...page.notes.flatMap((stage) => (stage.notes ? [stage.notes.markdown] : []))];
	expect(shown.length).toBeGreaterThan(2);
	for (const markdown of shown) expect(markdownOf(parts, markdown)).toMatch(markdown.trim() === '' ? /^$/ : /^<(p|h\d|ul|ol)>/);
	expect(() => markdownOf(parts, 'A text the page never had.')).toThrow(/list it in pageMarkdown \(src\/site\/page-parts\.ts\)/);
});
