/**
 * A journey whose every text field, and whose Markdown body, carries `<script>` and
 * `<img onerror>` (tests/fixtures/site/hostile.md, built into the site by the global setup)
 * executes nothing on any page that shows it: the markup shows as text, or is dropped.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diagramRendered, isLoopback, openSite, type Site, type WatchedPage } from './browser.ts';

let site: Site;
beforeAll(async () => {
	site = await openSite();
});
afterAll(() => site?.close());

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const TITLE = `Hostile ${SCRIPT} title "quoted" 'single' --> %% end`;

/** What a page would show if anything from the content had turned into markup or run. */
async function damage(page: Page) {
	return page.evaluate(() => ({
		xss: (window as unknown as { __xss?: unknown }).__xss,
		// Scripts from the content: any script that mentions the payload.
		scripts: [...document.scripts].filter((s) => `${s.src} ${s.textContent}`.includes('__xss')).length,
		imgOnerror: document.querySelectorAll('img[onerror], img[src="x"]').length,
		// Any inline event handler at all (the site itself uses none).
		handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
		iframes: document.querySelectorAll('iframe').length,
		// In the page's content (Pagefind's own search form, outside it, has `action="javascript:void(0);"`).
		scriptUrls: [...document.querySelectorAll('main [href], main [src], main [action], main [formaction]')]
			.flatMap((el) => ['href', 'src', 'action', 'formaction'].map((name) => el.getAttribute(name) ?? ''))
			.filter((value) => /^\s*(javascript|vbscript|data:text\/html)/i.test(value)),
	}));
}

const CLEAN = { xss: undefined, scripts: 0, imgOnerror: 0, handlers: [], iframes: 0, scriptUrls: [] };

async function open(path: string): Promise<WatchedPage> {
	const watched = await site.open();
	await watched.page.goto(site.url(path), { waitUntil: 'networkidle' });
	return watched;
}

describe('the hostile journey page', () => {
	let tab: WatchedPage;
	beforeAll(async () => {
		tab = await open('journeys/hostile/');
		// Wait for the diagram: its labels carry the payloads too.
		await diagramRendered(tab.page);
		await tab.page.waitForLoadState('networkidle');
	});

	test('executes nothing and adds no markup from the content', async () => {
		expect(await damage(tab.page)).toEqual(CLEAN);
		expect(tab.dialogs).toEqual([]);
		expect(tab.errors).toEqual([]);
	});

	test('shows the fields as text', async () => {
		const { page } = tab;
		expect(await page.locator('h1').innerText()).toBe(TITLE);
		expect(await page.title()).toBe(`${TITLE} | Journey maps`);
		const text = await page.locator('main').innerText();
		for (const shown of [
			`Scenario ${IMG} with --> and %% and "quotes"`,
			`Goal ${SCRIPT}`,
			`Owner ${SCRIPT}`,
			`Touchpoint ${SCRIPT}`,
			`Channel ${SCRIPT}`,
			`Action ${IMG} "double" 'single'`,
			`Thinking %% not a comment --> still text ${SCRIPT}`,
			`Pain ${SCRIPT}`,
			`Opportunity ${IMG}`,
			`KPI ${SCRIPT}`,
			`Value ${IMG}`,
			`Source ${SCRIPT}`,
			`Linked source ${IMG} -->`,
			`%%{init: {'securityLevel': 'loose'}}%%`,
		]) {
			expect(text, shown).toContain(shown);
		}
	});

	test('the diagram shows the labels as text and stays strict', async () => {
		const text = await tab.page.locator('pre.mermaid svg').evaluate((svg) => svg.textContent ?? '');
		expect(text).toContain(`Touchpoint ${SCRIPT}`);
		expect(text).toContain('Touchpoint <img src=x onerror="window.__xss=1"> "quoted" -->');
		// No link or click handler made it into the diagram.
		expect(await tab.page.locator('pre.mermaid svg a, pre.mermaid svg [onclick]').count()).toBe(0);
	});

	test('the raw HTML of the Markdown body is dropped, its text kept', async () => {
		const text = await tab.page.locator('main').innerText();
		expect(text).toContain('Body text before any heading, with raw HTML');
		expect(text).toContain('a javascript link');
		expect(text).not.toContain('window.__xss=1">bold');
		expect(await tab.page.locator('main b[onmouseover]').count()).toBe(0);
	});

	test('images and frames from the network are links, never loaded', async () => {
		const { page } = tab;
		const remote = page.locator('main a.cjm-remote-image');
		expect(await remote.evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
			['https://tracker.example.com/pixel.gif', 'A tracking pixel (image on tracker.example.com, not loaded)'],
			['//tracker.example.com/ref.gif', 'by reference (image on tracker.example.com, not loaded)'],
		]);
		expect(await page.locator('main img[src*="tracker"], main iframe').count()).toBe(0);
	});

	test('a link in the content cannot run script when clicked', async () => {
		const { page } = tab;
		// The body has `[a javascript link](javascript:…)` (a `javascript:` source URL is a validation error,
		// tested in the core): whatever of them is still a link, clicking it must not run the payload.
		for (const link of await page.locator('main a', { hasText: /javascript link|Linked source/ }).all()) {
			const href = (await link.getAttribute('href')) ?? '';
			if (/^https?:/i.test(href)) continue; // a plain web link; following it would leave the page
			await link.click({ noWaitAfter: true });
		}
		await page.waitForTimeout(200);
		expect(await damage(page)).toEqual(CLEAN);
		expect(tab.dialogs).toEqual([]);
	});
});

describe('every other page that shows it', () => {
	for (const path of ['', 'journeys/', 'personas/alana/', 'owners/', 'channels/', 'backlog/']) {
		test(`/${path} executes nothing and shows the title as text`, async () => {
			const { page, dialogs, errors } = await open(path);
			expect(await damage(page)).toEqual(CLEAN);
			expect(dialogs).toEqual([]);
			expect(errors).toEqual([]);
			const text = await page.locator('main').innerText();
			expect(text).toContain(path === 'owners/' || path === 'channels/' ? SCRIPT : TITLE);
		});
	}

	test('search results show the payload as text', async () => {
		const { page, dialogs } = await open('');
		await page.locator('button[data-open-modal]').click();
		await page.locator('#starlight__search input').fill('onerror');
		await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 });
		await page.waitForLoadState('networkidle');
		expect(await damage(page)).toEqual(CLEAN);
		expect(dialogs).toEqual([]);
	});
});

test('no request left loopback', () => {
	// The site's own pages only: in particular no request for the `src=x` image.
	expect(site.requests.filter((url) => !isLoopback(url))).toEqual([]);
	expect(site.requests.filter((url) => /\/x$/.test(new URL(url).pathname))).toEqual([]);
});
