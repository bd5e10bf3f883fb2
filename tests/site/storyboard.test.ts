/**
 * Storyboard images and the map's width on a journey page, in Chromium: the pizza map's image row
 * shows built, resized assets (never the source path) with alt text, they load, and nothing comes
 * from outside the loopback server; the small-screen cards show them too. The flow and the
 * current-vs-future charts get the map's full width; hiding a persona fades its own columns.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { touchpointsOf } from '../../src/core/index.ts';
import { builtContent, isLoopback, openSite, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
	site = await openSite();
});
afterAll(() => site?.close());

const PIZZA = 'journeys/restaurant/pizza-visit/';
const SLOW = 90_000;

/** Every `img` in a part of the page, once scrolled into view (they load lazily), with what the browser made of it. */
const imagesIn = (selector: string) => async (page: import('playwright-core').Page) => {
	for (const img of await page.locator(`${selector} img`).all()) {
		await img.scrollIntoViewIfNeeded();
		await img.evaluate((el: HTMLImageElement) => el.decode().catch(() => {}));
	}
	return page.locator(`${selector} img`).evaluateAll((imgs: HTMLImageElement[]) =>
		imgs.map((img) => ({ src: img.getAttribute('src')!, current: img.currentSrc, alt: img.alt, loading: img.loading, natural: img.naturalWidth, complete: img.complete }))
	);
};

describe('storyboard images', () => {
	test('the pizza map has an image row under the touchpoint names, with built assets that load and have alt text', async () => {
		const { journeys } = await builtContent();
		const pizza = journeys.find((j) => j.id === 'restaurant/pizza-visit')!;
		const withImages = touchpointsOf(pizza).filter((t) => (t.image ?? []).length > 0);
		expect(withImages.map((t) => t.id)).toEqual(['find-entrance', 'reading-the-menu']);
		const { page, errors } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(PIZZA));
		// The rows in the fixed order: touchpoint names, then images, then channel.
		const lanes = await page.locator('section#map .cjm-map-table tr[data-lane]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-lane')));
		expect(lanes.slice(0, 3)).toEqual(['touchpoint', 'image', 'channel']);
		const images = await imagesIn('section#map tr[data-lane="image"]')(page);
		expect(images.map((image) => image.alt)).toEqual(withImages.map((t) => t.image![0].alt));
		for (const image of images) {
			expect(image.src).toMatch(/^\/_astro\/[\w.-]+\.(svg|webp)$/);
			expect(image.src).not.toContain('pizza-visit-images');
			expect(image.loading).toBe('lazy');
			expect(image.complete).toBe(true);
			expect(image.natural).toBeGreaterThan(0);
			expect(isLoopback(image.current)).toBe(true);
		}
		// Each picture sits in its own touchpoint's column.
		const columns = await page.locator('section#map tr[data-lane="image"] td:has(img)').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-col')));
		const headers = await page.locator('section#map th[data-touchpoint]').evaluateAll((ths) => Object.fromEntries(ths.map((th) => [th.getAttribute('data-touchpoint'), th.getAttribute('data-col')])));
		expect(columns).toEqual(withImages.map((t) => headers[t.id]));
		expect(errors).toEqual([]);
		await page.context().close();
	}, SLOW);

	test('the row is left out of a map whose touchpoints have no images', async () => {
		const { page } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url('journeys/b2b/software-purchase/'));
		expect(await page.locator('section#map tr[data-lane="image"]').count()).toBe(0);
		await page.context().close();
	}, SLOW);

	test('below 700 px the timeline cards show the images', async () => {
		const { page } = await site.open({ viewport: { width: 390, height: 844 } });
		await page.goto(site.url(PIZZA));
		const images = await imagesIn('.cjm-timeline')(page);
		expect(images).toHaveLength(2);
		for (const image of images) {
			expect(image.natural).toBeGreaterThan(0);
			expect(image.alt).not.toBe('');
		}
		expect(await page.locator('[data-card="reading-the-menu"] img').isVisible()).toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.context().close();
	}, SLOW);
});

describe('a journey page', () => {
	test('the flow and the current-vs-future charts are as wide as the map, wider than the text column', async () => {
		const { journeys } = await builtContent();
		const future = journeys.find((j) => j.baseline)!;
		const { page } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(`journeys/${future.id}/`));
		const width = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().width);
		const map = await width('section#map');
		const text = await width('.sl-markdown-content > p');
		expect(text).toBeLessThanOrEqual(48 * 16 + 1);
		expect(await width('.cjm-mermaid')).toBeGreaterThan(text + 100);
		expect(Math.abs((await width('.cjm-mermaid')) - map)).toBeLessThanOrEqual(2);
		expect(Math.abs((await width('.cjm-compare')) - map)).toBeLessThanOrEqual(2);
		await page.context().close();
	}, SLOW);

	test('hiding a persona fades the columns of that persona’s touchpoints, not the shared ones', async () => {
		const { journeys } = await builtContent();
		const b2b = journeys.find((j) => j.id === 'b2b/software-purchase')!;
		const [first, second] = b2b.personas;
		const { page } = await site.open({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(`journeys/${b2b.id}/?personas=${second}`));
		const opacity = (id: string, lane: string) =>
			page.evaluate(
				([id, lane]) => {
					const col = document.querySelector(`#map th[data-touchpoint="${CSS.escape(id)}"]`)!.getAttribute('data-col');
					return Number(getComputedStyle(document.querySelector(`#map tr[data-lane="${lane}"] [data-col="${col}"]`)!).opacity);
				},
				[id, lane]
			);
		const touchpoints = touchpointsOf(b2b);
		const hidden = touchpoints.find((t) => t.persona === first)!;
		const shown = touchpoints.find((t) => t.persona === second)!;
		expect(await opacity(hidden.id, 'touchpoint')).toBeLessThan(0.5);
		expect(await opacity(hidden.id, 'pains')).toBeLessThan(0.5);
		expect(await opacity(shown.id, 'touchpoint')).toBe(1);
		const everyone = touchpoints.find((t) => !t.persona);
		if (everyone) expect(await opacity(everyone.id, 'touchpoint')).toBe(1);
		// The hidden persona's cards on the small-screen timeline fade too.
		expect(await page.locator(`[data-card="${hidden.id}"]`).evaluate((el) => el.classList.contains('cjm-map-faded'))).toBe(true);
		expect(new URL(page.url()).searchParams.get('personas')).toBe(second);
		await page.context().close();
	}, SLOW);
});

test('no request left loopback', () => {
	expect(site.requests.length).toBeGreaterThan(0);
	expect(site.requests.filter((url) => !isLoopback(url))).toEqual([]);
});
