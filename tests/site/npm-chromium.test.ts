/**
 * The Chromium that npm brings (@sparticuz/chromium) renders the built site, whichever Chromium
 * the other browser tests use: a machine without Debian's Chromium runs the tests in this one.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { builtContent, diagramRendered, isLoopback, openSite, type Site } from './browser.ts';
import { NPM_CHROMIUM_VERSION, npmChromium } from './chromium.ts';

let site: Site;
beforeAll(async () => {
	site = await openSite(await npmChromium());
}, 120_000);
afterAll(() => site?.close());

test('it is the npm Chromium, not the system one', () => {
	expect(site.browser.version().split('.')[0]).toBe(NPM_CHROMIUM_VERSION.split('.')[0]);
});

test('a journey page renders: its title, text that takes room, the Mermaid flow, no errors, nothing off loopback', async () => {
	const { journeys } = await builtContent();
	const journey = journeys.find((j) => j.id === 'restaurant/pizza-visit')!;
	const { page, errors } = await site.open();
	const response = await page.goto(site.url(`journeys/${journey.id}/`), { waitUntil: 'networkidle' });
	expect(response?.status()).toBe(200);
	expect(await page.locator('h1').innerText()).toBe(journey.title);
	// With no font at all, text would render with zero width: the package's font must be found.
	const box = await page.locator('h1').evaluate((h1) => {
		const range = document.createRange();
		range.selectNodeContents(h1);
		return range.getBoundingClientRect().width;
	});
	expect(box).toBeGreaterThan(50);
	await diagramRendered(page);
	expect(errors).toEqual([]);
	expect(site.requests.filter((url) => !isLoopback(url))).toEqual([]);
});
