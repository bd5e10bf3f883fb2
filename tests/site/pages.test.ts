/**
 * Every page type of the built site renders in Chromium with its expected headings and content,
 * without console errors and without a request leaving loopback; the downloads and avatars are
 * served; the JavaScript a page transfers stays within budget, and Mermaid loads only where there
 * is a diagram.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Page, Response } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { EXPORT_FORMATS, SITE_EXPORTS } from '../../src/export/index.ts';
import { builtContent, diagramRendered, isLoopback, screenshot, siteWithTab, visit as visitPage } from './browser.ts';

const opened = siteWithTab();

const visit = (path: string): Promise<Page> => visitPage(opened.site, opened.tab, path);

const headings = (page: Page, level: 'h1' | 'h2') => page.locator(`main ${level}`).allInnerTexts();

describe('every page type renders', () => {
	test('home: what the site is, the numbers, and a catalog row per journey', async () => {
		const { journeys, personas } = await builtContent();
		const page = await visit('');
		expect(await page.locator('h1').innerText()).toBe('Customer journey maps');
		expect(await page.locator('main').innerText()).toContain('Each map follows one persona');
		expect(await page.locator('.cjm-stats').innerText()).toContain(`${journeys.length} journeys`);
		expect(await page.locator('.cjm-stats').innerText()).toContain(`${personas.length} personas`);
		const rows = page.locator('[data-catalog] tbody tr[data-journey]');
		expect(await rows.count()).toBe(journeys.length);
		const titles = await page.locator('[data-catalog] tbody th a').allInnerTexts();
		expect(titles.toSorted()).toEqual(journeys.map((j) => j.title).toSorted());
		expect(await page.locator('[data-count]').innerText()).toBe(`${journeys.length} of ${journeys.length} journeys`);
		// Every row has its emotion sparkline.
		expect(await page.locator('[data-catalog] tbody svg.cjm-sparkline').count()).toBe(journeys.length);
		// The sidebar links to the index pages, never to every journey.
		const sidebar = await page.locator('nav[aria-label="Main"] a').allInnerTexts();
		expect(sidebar).toEqual(expect.arrayContaining(['Journeys', 'Personas', 'Pain points & opportunities', 'Who owns what', 'Channels', 'File format']));
		expect(sidebar.some((text) => journeys.some((j) => j.title === text))).toBe(false);
		await screenshot(page, 'home');
	});

	test('/journeys/: the catalog on its own', async () => {
		const { journeys } = await builtContent();
		const page = await visit('journeys/');
		expect(await page.locator('h1').innerText()).toBe('Journeys');
		expect(await page.locator('[data-catalog] tbody tr[data-journey]').count()).toBe(journeys.length);
	});

	test('a journey page: persona, facts, chart, insights, table, flow, notes, sources, downloads', async () => {
		const page = await visit('journeys/restaurant/pizza-visit/');
		expect(await page.locator('h1').innerText()).toBe('A Friday pizza at Forno Verde');
		expect(await headings(page, 'h2')).toEqual(
			expect.arrayContaining(['Emotion curve', 'Stages and touchpoints', 'Flow', 'Stage notes', 'Summary', 'Research notes', 'Sources'])
		);
		expect(await page.locator('.cjm-persona-card a', { hasText: 'Eva Molin' }).count()).toBe(1);
		expect(await page.locator('.cjm-facts').innerText()).toMatch(/Owner\s*Guest experience team/);
		expect(await page.locator('svg.cjm-chart .cjm-chart-point').count()).toBe(23);
		expect(await page.locator('.cjm-insights li').count()).toBeGreaterThan(0);
		const table = page.locator('.cjm-table');
		expect(await table.innerText()).toContain('Walks past the gate twice before a friend spots a small sign');
		// Deep links: every touchpoint has an anchor the chart points at.
		expect(await page.locator('#touchpoint-find-entrance').count()).toBe(1);
		expect(await page.locator('svg.cjm-chart a[href="#touchpoint-find-entrance"]').count()).toBe(1);
		// The flow's source, then every format the site exports, as the export list orders them.
		expect(await page.locator('.cjm-actions a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
			'/downloads/restaurant/pizza-visit.mmd',
			...SITE_EXPORTS.map((format) => `/downloads/restaurant/pizza-visit.${EXPORT_FORMATS[format].extension}`),
		]);
		expect(SITE_EXPORTS).toEqual(expect.arrayContaining(['json', 'csv', 'xlsx']));
		expect(await page.locator('main').innerText()).toContain('UXPressia: customer journey map step-by-step guide');
		// The footer's date (the file's `updated`), written as Starlight writes it, from a formatter kept per language.
		const updated = page.locator('footer .meta time');
		expect(await updated.getAttribute('datetime')).toBe('2026-10-14T00:00:00.000Z');
		expect(await page.locator('footer .meta p').innerText()).toBe(`Last updated: ${new Date('2026-10-14').toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' })}`);
		await diagramRendered(page);
		expect(opened.tab.errors).toEqual([]);
	});

	test('a future-state journey: the current vs future comparison', async () => {
		const { journeys } = await builtContent();
		const future = journeys.find((j) => j.id === 'online-store/signup-future')!;
		const baseline = journeys.find((j) => j.id === future.baseline)!;
		const page = await visit('journeys/online-store/signup-future/');
		expect(await headings(page, 'h2')).toContain('Current vs future');
		expect(await page.locator('.cjm-compare svg.cjm-chart').count()).toBe(2);
		expect(await page.locator('.cjm-facts a', { hasText: baseline.title }).getAttribute('href')).toBe(`/journeys/${baseline.id}/`);
	});

	test('/personas/: a card per persona with its journey count', async () => {
		const { personas } = await builtContent();
		const page = await visit('personas/');
		expect(await page.locator('h1').innerText()).toBe('Personas');
		const names = await page.locator('.cjm-persona-card .cjm-persona-name').allInnerTexts();
		expect(names.toSorted()).toEqual(personas.map((p) => p.name).toSorted());
	});

	test('a persona page: profile, lists, backstory, their journeys, avatar', async () => {
		const page = await visit('personas/eva-molin/');
		expect(await page.locator('h1').innerText()).toBe('Eva Molin');
		// The body's own headings stand in the page (no generic "Backstory and research" above them) and in "On this page".
		const h2 = await headings(page, 'h2');
		expect(h2).toEqual(expect.arrayContaining(['Goals', 'Needs', 'Frustrations', 'Channels', 'Backstory', 'What she says about eating out', 'Research notes', 'Journeys']));
		expect(h2).not.toContain('Backstory and research');
		expect(await page.locator('starlight-toc a[href="#research-notes"]').count()).toBe(1);
		expect(await page.locator('main').innerText()).toContain('She has had a peanut allergy since childhood');
		expect(await page.locator('.cjm-persona-journeys a').allInnerTexts()).toEqual(['A Friday pizza at Forno Verde']);
		expect(await page.locator('.cjm-persona-journeys svg.cjm-sparkline').count()).toBe(1);
		const avatar = page.locator('.cjm-persona-card img').first();
		await avatar.scrollIntoViewIfNeeded();
		await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
		await screenshot(page, 'persona');
	});

	test('/owners/: every owner with counts, each with a page of what they own and a CSV', async () => {
		const page = await visit('owners/');
		expect(await page.locator('h1').innerText()).toBe('Who owns what');
		const owners = await page.locator('tbody th[scope=row]').allInnerTexts();
		expect(owners).toEqual(expect.arrayContaining(['Marketing', 'Kitchen', 'Operations', 'Front of house']));
		await page.locator('tbody th a', { hasText: 'Kitchen' }).click();
		await page.waitForURL(/\/owners\/kitchen\/$/);
		expect(await page.locator('h1').innerText()).toBe('Kitchen');
		expect(await page.locator('table caption').innerText()).toMatch(/^\d+ touchpoints, by criticality, then how the customer feels$/);
		expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
		const csv = await (await page.request.get(opened.site.url('downloads/owners/kitchen.csv'))).text();
		expect(csv.split('\n')[0]).toBe('touchpoint,stage,journey,journey id,owns touchpoint,criticality,emotion,pain points,opportunities,kpis');
	});

	test('/channels/: channels with touchpoint counts, each with its touchpoints', async () => {
		const page = await visit('channels/');
		expect(await page.locator('h1').innerText()).toBe('Channels');
		expect(await page.locator('tbody th[scope=row]').allInnerTexts()).toEqual(expect.arrayContaining(['in person', 'web']));
		expect(await page.locator('table caption').first().innerText()).toBe('Channels by number of touchpoints');
		const web = await visit('channels/web/');
		expect(await web.locator('h1').innerText()).toBe('Channel: web');
		expect(await web.locator('tbody tr').count()).toBeGreaterThan(0);
		// A count of one reads in the singular.
		const desk = await visit('channels/it-service-desk/');
		expect(await desk.locator('main p').first().innerText()).toMatch(/ · 1 pain point$/);
	});

	test('/backlog/: the impact/effort matrix and the sorted backlog', async () => {
		const { journeys } = await builtContent();
		const items = journeys.flatMap((j) => j.stages.flatMap((s) => s.touchpoints.flatMap((t) => [...t.pains, ...t.opportunities])));
		const page = await visit('backlog/');
		expect(await page.locator('h1').innerText()).toBe('Pain points & opportunities');
		expect(await page.locator('table.cjm-backlog caption').innerText()).toBe(`${items.length} pain points and opportunities`);
		expect(await page.locator('table.cjm-backlog tbody tr').count()).toBe(items.length);
		expect(await page.locator('table.cjm-matrix td li').count()).toBeGreaterThan(0);
		await screenshot(page, 'backlog');
	});

	test('/file-format/: the reference page from docs/', async () => {
		const page = await visit('file-format/');
		expect(await page.locator('h1').innerText()).toBe('File format');
		expect(await headings(page, 'h2')).toEqual(expect.arrayContaining(['Personas', 'Journeys', 'Validation rules']));
	});

	test('downloads: the Mermaid source and the validated model of a journey', async () => {
		const journey = (await builtContent()).journeys.find((j) => j.id === 'restaurant/pizza-visit')!;
		const json = await opened.tab.page.request.get(opened.site.url('downloads/restaurant/pizza-visit.json'));
		expect(json.status()).toBe(200);
		expect(json.headers()['content-type']).toContain('application/json');
		const model = (await json.json()) as { id: string; title: string; stages: Array<{ touchpoints: unknown[] }> };
		expect(model.id).toBe(journey.id);
		expect(model.title).toBe(journey.title);
		expect(model.stages.map((s) => s.touchpoints.length)).toEqual(journey.stages.map((s) => s.touchpoints.length));
		const mmd = await opened.tab.page.request.get(opened.site.url('downloads/restaurant/pizza-visit.mmd'));
		expect(mmd.status()).toBe(200);
		const source = await mmd.text();
		expect(source).toMatch(/^flowchart /);
		expect(source).toContain('Finding the entrance');
	});

	test('downloads: every format the site exports is built for each journey', async () => {
		// (A static site's media types are the web server's business: the test server's are its own.)
		for (const format of SITE_EXPORTS) {
			const { extension, binary } = EXPORT_FORMATS[format];
			const response = await opened.tab.page.request.get(opened.site.url(`downloads/restaurant/pizza-visit.${extension}`));
			expect(response.status(), format).toBe(200);
			const body = await response.body();
			expect(body.length, format).toBeGreaterThan(100);
			// Zip-based documents (xlsx, pptx) start with the zip signature; text formats name the map's first touchpoint.
			if (binary && ['xlsx', 'pptx'].includes(extension)) expect(body.subarray(0, 2).toString('latin1'), format).toBe('PK');
			if (!binary) expect(body.toString('utf8'), format).toContain('Finding the entrance');
		}
	});

	test('downloads: every link on each journey page resolves; the map picture is a self-contained SVG', async () => {
		// The pages' HTML as served (no rendering needed to read their links).
		for (const journey of (await builtContent()).journeys) {
			const html = await (await opened.tab.page.request.get(opened.site.url(`journeys/${journey.id}/`))).text();
			const links = selectAll('.cjm-actions a[download]', fromHtml(html)).map((a) => String(a.properties.href));
			expect(links).toContain(`/downloads/${journey.id}.svg`);
			for (const link of links) expect((await opened.tab.page.request.get(opened.site.url(link.slice(1)))).status(), link).toBe(200);
		}
		const svg = await opened.tab.page.request.get(opened.site.url('downloads/restaurant/pizza-visit.svg'));
		expect(svg.headers()['content-type']).toContain('image/svg+xml');
		const text = await svg.text();
		expect(text).toMatch(/^<\?xml [^>]*\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(text).toContain('>Finding the entrance<');
		expect(text).not.toContain('<script');
	});

	test('an avatar image is served as SVG', async () => {
		const response = await opened.tab.page.request.get(opened.site.url('avatars/avatars/eva-molin.svg'));
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/svg+xml');
		expect(await response.text()).toContain('<svg');
	});

	test('an unknown path gets the 404 page', async () => {
		const response = await opened.tab.page.goto(opened.site.url('journeys/no-such-journey/'));
		expect(response?.status()).toBe(404);
		expect(await opened.tab.page.locator('h1').innerText()).toMatch(/not found|404/i);
	});
});

interface Loaded {
	url: string;
	/** Bytes on the wire (gzip, as a host serves them). */
	transferred: number;
	/** Bytes after decompression. */
	size: number;
}

/** Every script a page loads, once the page is idle (Starlight loads the search UI on idle). */
async function scriptsOf(path: string): Promise<Loaded[]> {
	const { page } = await opened.site.open();
	const pending: Promise<Loaded>[] = [];
	page.on('response', (response: Response) => {
		if (response.request().resourceType() !== 'script') return;
		pending.push(
			(async () => ({ url: response.url(), transferred: (await response.request().sizes()).responseBodySize, size: (await response.body()).length }))()
		);
	});
	await page.goto(opened.site.url(path), { waitUntil: 'networkidle' });
	if (await page.locator('pre.mermaid').count()) await diagramRendered(page);
	await page.waitForLoadState('networkidle');
	const scripts = await Promise.all(pending);
	await page.context().close();
	return scripts;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (scripts: Loaded[], key: 'transferred' | 'size') => scripts.reduce((sum, s) => sum + s[key], 0);
const name = (url: string) => new URL(url).pathname.split('/').pop()!;

describe('JavaScript', () => {
	test('a persona page (no diagram) transfers under 100 KB of JavaScript, and no Mermaid', async () => {
		const scripts = await scriptsOf('personas/eva-molin/');
		const transferred = total(scripts, 'transferred');
		console.log(
			`persona page JavaScript: ${scripts.length} files, ${kb(transferred)} transferred (gzip), ${kb(total(scripts, 'size'))} uncompressed:\n` +
				scripts.map((s) => `  ${name(s.url).padEnd(60)} ${kb(s.transferred).padStart(9)} ${kb(s.size).padStart(9)}`).join('\n')
		);
		expect(transferred).toBeGreaterThan(0);
		expect(transferred).toBeLessThan(100 * 1024);
		expect(scripts.filter((s) => /mermaid|dagre|cytoscape|katex/i.test(name(s.url)))).toEqual([]);
	});

	test('a journey page loads the Mermaid chunk lazily, after the page itself', async () => {
		const scripts = await scriptsOf('journeys/restaurant/pizza-visit/');
		// Mermaid's own browser build, served by the site (src/site/mermaid-bundle.ts).
		const mermaid = scripts.filter((s) => /^mermaid\.esm\.min\.mjs$/.test(name(s.url)));
		expect(mermaid).toHaveLength(1);
		// Lazily: the page's HTML does not reference the chunk; the diagram script imports it on demand.
		const html = await (await opened.tab.page.request.get(opened.site.url('journeys/restaurant/pizza-visit/'))).text();
		expect(html).not.toContain(name(mermaid[0].url));
		// dagre, not the ELK layout, which would triple the JavaScript.
		expect(scripts.filter((s) => /^elk/i.test(name(s.url)))).toEqual([]);
		console.log(
			`journey page JavaScript: ${scripts.length} files, ${kb(total(scripts, 'transferred'))} transferred (gzip), ${kb(total(scripts, 'size'))} uncompressed; ` +
				`largest: ${scripts
					.toSorted((a, b) => b.size - a.size)
					.slice(0, 4)
					.map((s) => `${name(s.url)} ${kb(s.size)}`)
					.join(', ')}`
		);
	});
});

test('no request left loopback', () => {
	expect(opened.site.requests.length).toBeGreaterThan(50);
	expect(opened.site.requests.filter((url) => !isLoopback(url))).toEqual([]);
});

test('the build prints its own summary and no warning from Astro or Starlight', () => {
	// Astro's logger writes `[WARN]` and `[ERROR]` lines; one on every build is noise an author cannot act on.
	const output = inject('buildOutput');
	expect(output).toMatch(/^✔ site built in /m);
	expect(output.split('\n').filter((line) => /\[(WARN|ERROR)\]/.test(line))).toEqual([]);
});
