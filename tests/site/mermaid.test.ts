/**
 * The flow diagram of a journey page becomes an SVG in the browser, in light and in dark mode,
 * and is drawn again when the reader switches the theme.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { diagramRendered, isLoopback, openSite, screenshot, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
	site = await openSite();
});
afterAll(() => site?.close());

const JOURNEY = 'journeys/restaurant/pizza-visit/';

/** What the diagram looks like: its text, and the fill of a stage box (set by the Mermaid theme, not by our emotion classes). */
const diagram = (page: Page) =>
	page.locator('pre.mermaid svg').evaluate((svg) => ({
		id: svg.id,
		text: svg.textContent ?? '',
		stageFill: getComputedStyle(svg.querySelector('.cluster rect')!).fill,
		nodes: svg.querySelectorAll('.node').length,
	}));

test('the flow becomes an SVG with the touchpoints, and is redrawn in dark mode', async () => {
	const { page, errors } = await site.open({ theme: 'light' });
	await page.goto(site.url(JOURNEY), { waitUntil: 'networkidle' });
	await diagramRendered(page);
	expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
	const light = await diagram(page);
	expect(light.text).toContain('Finding the entrance');
	expect(light.text).toContain('Asking the waiter about peanuts');
	expect(light.nodes).toBeGreaterThanOrEqual(23);
	// The source is in the page, once, for readers without JavaScript; with it, the drawing replaces it.
	const html = await (await page.request.get(site.url(JOURNEY))).text();
	expect(html).toMatch(/<pre class="mermaid[^"]*">flowchart LR/);
	expect(html.split('flowchart LR')).toHaveLength(2);
	await screenshot(page, 'journey-light');

	// Starlight's theme menu switches to dark: the diagram is drawn again with the dark theme.
	await page.locator('starlight-theme-select select').first().selectOption('dark');
	expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
	await expect.poll(async () => (await diagram(page)).stageFill, { timeout: 20_000 }).not.toBe(light.stageFill);
	await diagramRendered(page);
	const dark = await diagram(page);
	expect(dark.id).not.toBe(light.id);
	expect(dark.text).toContain('Finding the entrance');
	expect(dark.nodes).toBe(light.nodes);
	await page.waitForLoadState('networkidle');
	await screenshot(page, 'journey-dark');

	// And back.
	await page.locator('starlight-theme-select select').first().selectOption('light');
	await expect.poll(async () => (await diagram(page)).stageFill, { timeout: 20_000 }).toBe(light.stageFill);
	expect(errors).toEqual([]);
});

test('a page opened in dark mode draws the dark diagram straight away', async () => {
	const { page: lightPage } = await site.open({ theme: 'light' });
	await lightPage.goto(site.url(JOURNEY));
	await diagramRendered(lightPage);
	const light = await diagram(lightPage);

	const { page, errors } = await site.open({ theme: 'dark' });
	await page.goto(site.url(JOURNEY), { waitUntil: 'networkidle' });
	expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
	await diagramRendered(page);
	await expect.poll(async () => (await diagram(page)).stageFill, { timeout: 20_000 }).not.toBe(light.stageFill);
	expect((await diagram(page)).text).toContain('Finding the entrance');
	expect(errors).toEqual([]);
});

test('no request left loopback', () => {
	expect(site.requests.length).toBeGreaterThan(0);
	expect(site.requests.filter((url) => !isLoopback(url))).toEqual([]);
});
