/**
 * The journey map in Chromium, for every sample journey at 1440 x 900, 1920 x 1080 and 390 x 844,
 * light and dark: each curve point sits inside its touchpoint's column, a phone never scrolls
 * sideways, axe finds nothing serious. Then the reading controls: fit to width, lanes and personas
 * in the URL, arrow keys, deep links, and the map without JavaScript and on paper.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { touchpointsOf } from '../../src/core/index.ts';
import { builtContent, isLoopback, openSite, screenshot, type Site } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: Site;
beforeAll(async () => {
	site = await openSite();
});
afterAll(() => site?.close());

const PIZZA = 'journeys/restaurant/pizza-visit/';
const B2B = 'journeys/b2b/software-purchase/';
/** Chromium on a shared 2-core machine: a page with a 23-column map takes seconds to lay out. */
const SLOW = 90_000;
const VIEWPORTS = [
	{ width: 1440, height: 900 },
	{ width: 1920, height: 1080 },
	{ width: 390, height: 844 },
];

/** Points whose centre is outside their touchpoint's column (or, for a baseline step gone from the map, outside the curve). */
const misplacedPoints = (page: Page) =>
	page.evaluate(() => {
		const wrong: string[] = [];
		const points = [...document.querySelectorAll<SVGGraphicsElement>('#map svg [data-curve][data-touchpoint]')];
		for (const point of points) {
			const box = point.getBoundingClientRect();
			const x = box.left + box.width / 2;
			const id = point.dataset.touchpoint!;
			const header = document.querySelector(`#map th[data-touchpoint="${CSS.escape(id)}"]`);
			const bounds = (header ?? point.closest('svg')!).getBoundingClientRect();
			if (!(x >= bounds.left && x <= bounds.right)) wrong.push(`${point.dataset.curve} ${id}: x ${x.toFixed(1)} not in ${bounds.left.toFixed(1)}..${bounds.right.toFixed(1)}`);
		}
		return { count: points.length, wrong };
	});

/** axe on the map (tests/site/accessibility.test.ts audits whole pages). */
async function axeSerious(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		type Result = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> };
		const { violations } = await (window as unknown as { axe: { run: (context: string) => Promise<Result> } }).axe.run('section#map');
		return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
	});
}

describe('every sample journey, every size, both themes', async () => {
	const { journeys } = await builtContent();
	for (const journey of journeys) {
		for (const viewport of VIEWPORTS) {
			for (const theme of ['light', 'dark'] as const) {
				test(`${journey.id} at ${viewport.width} x ${viewport.height}, ${theme}`, async () => {
					const { page, errors } = await site.open({ viewport, theme });
					await page.goto(site.url(`journeys/${journey.id}/`), { waitUntil: 'load' });
					expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
					const touchpoints = touchpointsOf(journey);
					expect(await page.locator('section#map th[data-touchpoint]').count()).toBe(touchpoints.length);
					if (viewport.width >= 700) {
						const { count, wrong } = await misplacedPoints(page);
						expect(count).toBeGreaterThanOrEqual(touchpoints.filter((t) => t.emotion).length);
						expect(wrong).toEqual([]);
						expect(await page.locator('.cjm-timeline').isVisible()).toBe(false);
					} else {
						// A timeline: a card per touchpoint, and no sideways scrolling.
						expect(await page.locator('section#map .cjm-map-scroller').isVisible()).toBe(false);
						expect(await page.locator('.cjm-timeline [data-card]:visible').count()).toBe(touchpoints.length);
						expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
					}
					expect(await axeSerious(page)).toEqual([]);
					expect(errors).toEqual([]);
					await page.context().close();
				}, SLOW);
			}
		}
	}
});

describe('reading controls', () => {
	test('fit to width shows the whole pizza map at 1440 px without sideways scrolling, and goes into the URL', async () => {
		const { page, errors } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(PIZZA));
		const scroller = page.locator('.cjm-map-scroller');
		expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		await page.locator('[data-zoom="fit"]').click();
		expect(new URL(page.url()).searchParams.get('zoom')).toBe('fit');
		await page.reload();
		const widths = await page.evaluate(() => {
			const box = document.querySelector('.cjm-map-scroller')!;
			const headers = [...document.querySelectorAll('#map th[data-touchpoint]')].map((th) => th.getBoundingClientRect().right);
			return { scroll: box.scrollWidth, client: box.clientWidth, right: box.getBoundingClientRect().right, last: Math.max(...headers), page: document.documentElement.scrollWidth };
		});
		expect(widths.scroll).toBeLessThanOrEqual(widths.client);
		expect(widths.last).toBeLessThanOrEqual(widths.right);
		expect(widths.page).toBeLessThanOrEqual(1440);
		expect(await page.locator('[data-zoom="fit"]').getAttribute('aria-pressed')).toBe('true');
		await page.locator('section#map').scrollIntoViewIfNeeded();
		await screenshot(page, 'journey-map-fit-1440');
		// Back to 100 %: the map scrolls sideways again, and the URL forgets the zoom.
		await page.locator('[data-zoom="100"]').click();
		expect(new URL(page.url()).searchParams.has('zoom')).toBe(false);
		expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		expect(errors).toEqual([]);
		await page.context().close();
	}, SLOW);

	test('hiding a lane hides its row and names the shown lanes in the URL; the link opens the same view', async () => {
		const { page } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(PIZZA));
		const pains = page.locator('tr[data-lane="pains"]');
		expect(await pains.isVisible()).toBe(true);
		await page.locator('.cjm-map-menu summary').click();
		await page.locator('input[name="lanes"][value="pains"]').uncheck();
		expect(await pains.isVisible()).toBe(false);
		const lanes = new URL(page.url()).searchParams.get('lanes')!.split(',');
		expect(lanes).not.toContain('pains');
		expect(lanes).toContain('opportunities');
		// Lane ids, in map order, joined by plain commas (the pizza map starts with its storyboard pictures).
		expect(page.url()).toMatch(/lanes=image,channel,doing,/);
		const { page: again } = await site.open({ viewport: { width: 1440, height: 900 } });
		await again.goto(page.url());
		expect(await again.locator('tr[data-lane="pains"]').isVisible()).toBe(false);
		expect(await again.locator('tr[data-lane="opportunities"]').isVisible()).toBe(true);
		expect(await again.locator('input[name="lanes"][value="pains"]').isChecked()).toBe(false);
		await again.context().close();
		await page.context().close();
	}, SLOW);

	test('the B2B map shows two curves; picking a persona hides the other curve and goes into the URL', async () => {
		const { journeys } = await builtContent();
		const b2b = journeys.find((j) => j.id === 'b2b/software-purchase')!;
		const { page } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(B2B));
		const curve = (persona: string) => page.locator(`path[data-curve="actual"][data-persona="${persona}"]:not([data-touchpoint])`);
		for (const persona of b2b.personas) expect(await curve(persona).isVisible()).toBe(true);
		const [first, second] = b2b.personas;
		await page.locator(`input[name="personas"][value="${first}"]`).uncheck();
		expect(await curve(first).isVisible()).toBe(false);
		expect(await curve(second).isVisible()).toBe(true);
		expect(new URL(page.url()).searchParams.get('personas')).toBe(second);
		expect(page.url()).toContain(`personas=${second}`);
		await page.reload();
		expect(await curve(first).isVisible()).toBe(false);
		expect(await page.locator(`input[name="personas"][value="${first}"]`).isChecked()).toBe(false);
		await page.locator('section#map').scrollIntoViewIfNeeded();
		await screenshot(page, 'journey-map-b2b-one-persona');
		await page.context().close();
	}, SLOW);

	test('arrow keys move between touchpoints, and the deep link follows', async () => {
		const { journeys } = await builtContent();
		const ids = touchpointsOf(journeys.find((j) => j.id === 'restaurant/pizza-visit')!).map((t) => t.id);
		const { page } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(PIZZA));
		const current = () => page.evaluate(() => document.activeElement?.closest<HTMLElement>('th[data-touchpoint]')?.dataset.touchpoint);
		await page.locator(`th[data-touchpoint="${ids[0]}"] a`).first().focus();
		await page.keyboard.press('ArrowRight');
		expect(await current()).toBe(ids[1]);
		await page.keyboard.press('ArrowRight');
		expect(await current()).toBe(ids[2]);
		await page.keyboard.press('ArrowLeft');
		expect(await current()).toBe(ids[1]);
		expect(new URL(page.url()).hash).toBe(`#touchpoint-${ids[1]}`);
		expect(await page.locator('td[data-col="1"].cjm-map-current').count()).toBeGreaterThan(3);
		await page.context().close();
	}, SLOW);

	test('a deep link scrolls its touchpoint into view and highlights its column', async () => {
		const { page } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(`${PIZZA}#touchpoint-booking-a-second-visit`));
		const header = page.locator('th[data-touchpoint="booking-a-second-visit"]');
		await expect.poll(() => header.evaluate((th) => th.classList.contains('cjm-map-current')), { timeout: 30_000 }).toBe(true);
		const inView = await header.evaluate((th) => {
			const box = th.getBoundingClientRect();
			const scroller = th.closest('.cjm-map-scroller')!.getBoundingClientRect();
			// In the scroller's width, and in the window below the sticky stage band (not hidden under it).
			const band = th.closest('table')!.querySelector('.cjm-map-stages')!.getBoundingClientRect();
			return box.left >= scroller.left && box.right <= scroller.right + 1 && box.top >= band.bottom - 1 && box.bottom <= innerHeight;
		});
		expect(inView).toBe(true);
		const col = await header.getAttribute('data-col');
		expect(await page.locator(`#map [data-col="${col}"].cjm-map-current`).count()).toBeGreaterThan(5);
		await page.context().close();
	}, SLOW);

	test('without JavaScript the map is complete at 100 % and scrolls sideways', async () => {
		const { journeys } = await builtContent();
		const pizza = journeys.find((j) => j.id === 'restaurant/pizza-visit')!;
		const { page } = await site.open({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
		await page.goto(site.url(`${PIZZA}?zoom=fit`));
		expect(await page.locator('[data-map-toolbar]').isVisible()).toBe(false);
		expect(await page.locator('section#map th[data-touchpoint]').count()).toBe(touchpointsOf(pizza).length);
		expect(await page.locator('section#map [data-curve="actual"][data-touchpoint]').count()).toBe(touchpointsOf(pizza).filter((t) => t.emotion).length);
		expect(await page.locator('.cjm-map-scroller').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		expect((await misplacedPoints(page)).wrong).toEqual([]);
		await page.context().close();
	}, SLOW);

	test('printed, the whole map fits one landscape A3 page, the narrative after it', async () => {
		// A3 landscape less 10 mm margins, in CSS pixels.
		const { page } = await site.open({ viewport: { width: 1512, height: 1047 } });
		await page.goto(site.url(PIZZA));
		await page.emulateMedia({ media: 'print' });
		const box = await page.locator('section#map .cjm-map-table').evaluate((table) => {
			const rect = table.getBoundingClientRect();
			return { width: rect.width, height: rect.height };
		});
		expect(box.width).toBeLessThanOrEqual(1512);
		expect(box.height).toBeLessThanOrEqual(1047);
		expect(await page.locator('section#map').evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
		expect(await page.locator('.cjm-timeline').isVisible()).toBe(false);
		await page.context().close();
	}, SLOW);
});

test('no request left loopback', () => {
	expect(site.requests.filter((url) => !isLoopback(url))).toEqual([]);
});
