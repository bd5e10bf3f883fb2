/**
 * Starlight's search (Pagefind, built into the site) finds a journey by a word of one touchpoint,
 * and the catalog's filters show only the matching journeys, in the URL too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtContent, isLoopback, openSite, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
	site = await openSite();
});
afterAll(() => site?.close());

async function search(page: Page, query: string): Promise<string[]> {
	await page.locator('button[data-open-modal]').click();
	const input = page.locator('#starlight__search input');
	await input.waitFor();
	await input.fill(query);
	await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 });
	return page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('search', () => {
	test('finds a journey by a word that only one touchpoint has', async () => {
		// The word is in the thinking of one touchpoint of one journey, and nowhere else in the content.
		const { journeys, personas } = await builtContent();
		const WORD = 'stracciatella';
		const places = journeys.flatMap((j) =>
			j.stages.flatMap((s) => s.touchpoints.filter((t) => JSON.stringify(t).toLowerCase().includes(WORD)).map((t) => `${j.id}#${t.id}`))
		);
		expect(places).toEqual(['restaurant/pizza-visit#reading-the-menu']);
		expect(JSON.stringify({ narrative: journeys.map((j) => j.narrative), personas }).toLowerCase()).not.toContain(WORD);

		const { page, errors } = await site.open();
		await page.goto(site.url('personas/'), { waitUntil: 'networkidle' });
		const results = await search(page, WORD);
		expect(results.length).toBeGreaterThan(0);
		expect(new Set(results)).toEqual(new Set(['/journeys/restaurant/pizza-visit/']));
		expect(await page.locator('.pagefind-ui__result-title').first().innerText()).toBe('A Friday pizza at Forno Verde');
		// The result leads to the journey.
		await page.locator('.pagefind-ui__result-link').first().click();
		await page.waitForURL(/\/journeys\/restaurant\/pizza-visit\//);
		expect(await page.locator('h1').innerText()).toBe('A Friday pizza at Forno Verde');
		expect(errors).toEqual([]);
	});

	test('the Mermaid source is not indexed', async () => {
		const { page } = await site.open();
		await page.goto(site.url(''), { waitUntil: 'networkidle' });
		// `classDef` and `flowchart` appear only in the diagram sources.
		await page.locator('button[data-open-modal]').click();
		await page.locator('#starlight__search input').fill('classDef');
		await expect.poll(() => page.locator('.pagefind-ui__message').innerText(), { timeout: 20_000 }).toMatch(/No results/i);
	});

	test('a journey page indexes its map and its facts, not the words every map has (the controls, the links)', async () => {
		const { page } = await site.open();
		await page.goto(site.url(''), { waitUntil: 'networkidle' });
		// What Pagefind holds of the page, through its own API: the text its results and excerpts come from.
		// (A string, so that the test runner leaves its `import()` to the browser.)
		const content: string[] = await page.evaluate(`(async () => {
			const pagefind = await import(${JSON.stringify(site.url('pagefind/pagefind.js'))});
			const { results } = await pagefind.search('stracciatella');
			return Promise.all(results.map(async (result) => (await result.data()).content));
		})()`);
		expect(content).toHaveLength(1);
		expect(content[0]).toContain('Reading the menu');
		for (const words of ['Fit to width', 'Full screen', 'Arrow keys', 'Lanes to show', 'Mermaid source']) expect(content[0]).not.toContain(words);
		// The header's facts, each term apart from its value (an excerpt read "OwnerGuest experience team").
		expect(content[0]).toContain('State Current state');
		expect(content[0]).toContain('Owner Guest experience team');
	});
});

describe('catalog filters', () => {
	const visibleTitles = (page: Page) => page.locator('[data-catalog] tbody tr[data-journey]:visible th a').allInnerTexts();

	test('choosing a persona shows only their journeys, updates the count and the URL', async () => {
		const { journeys } = await builtContent();
		const { page, errors } = await site.open();
		await page.goto(site.url(''), { waitUntil: 'networkidle' });
		expect((await visibleTitles(page)).length).toBe(journeys.length);

		const marco = journeys.filter((j) => j.personas.includes('marco-rossi')).map((j) => j.title);
		expect(marco.length).toBeGreaterThan(1);
		await page.locator('select[name="persona"]').selectOption('marco-rossi');
		expect((await visibleTitles(page)).toSorted()).toEqual(marco.toSorted());
		expect(await page.locator('[data-count]').innerText()).toBe(`${marco.length} of ${journeys.length} journeys`);
		expect(new URL(page.url()).search).toBe('?persona=marco-rossi');

		// Filters combine: Marco's future-state journeys.
		await page.locator('select[name="state"]').selectOption('future');
		const future = journeys.filter((j) => j.personas.includes('marco-rossi') && j.state === 'future').map((j) => j.title);
		expect(await visibleTitles(page)).toEqual(future);
		expect(await page.locator('[data-count]').innerText()).toBe(`${future.length} of ${journeys.length} journeys`);
		expect(new URL(page.url()).searchParams.get('state')).toBe('future');

		// A multi-persona journey shows under each of its personas.
		await page.locator('select[name="state"]').selectOption('');
		await page.locator('select[name="persona"]').selectOption('b2b/team-lead');
		expect(await visibleTitles(page)).toEqual(journeys.filter((j) => j.personas.includes('b2b/team-lead')).map((j) => j.title));

		// Back to all.
		await page.locator('select[name="persona"]').selectOption('');
		expect((await visibleTitles(page)).length).toBe(journeys.length);
		expect(new URL(page.url()).search).toBe('');
		expect(errors).toEqual([]);
	});

	test('by owner and by tag', async () => {
		const { journeys } = await builtContent();
		const { page } = await site.open();
		await page.goto(site.url('journeys/'), { waitUntil: 'networkidle' });
		await page.locator('select[name="owner"]').selectOption('Guest experience team');
		expect(await visibleTitles(page)).toEqual(journeys.filter((j) => j.owner === 'Guest experience team').map((j) => j.title));
		await page.locator('select[name="owner"]').selectOption('');
		await page.locator('select[name="tag"]').selectOption('b2b');
		expect((await visibleTitles(page)).toSorted()).toEqual(journeys.filter((j) => j.tags.includes('b2b')).map((j) => j.title).toSorted());
	});

	test('a query in the URL preselects the filter (the link from a persona page)', async () => {
		const { journeys } = await builtContent();
		const { page } = await site.open();
		await page.goto(site.url('personas/alana/'), { waitUntil: 'networkidle' });
		await page.locator('a', { hasText: 'Filter the catalog by Alana' }).click();
		await page.waitForURL(/\/journeys\/\?persona=alana$/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('select[name="persona"]').inputValue()).toBe('alana');
		const alana = journeys.filter((j) => j.personas.includes('alana')).map((j) => j.title);
		expect((await visibleTitles(page)).toSorted()).toEqual(alana.toSorted());
		expect(await page.locator('[data-count]').innerText()).toBe(`${alana.length} of ${journeys.length} journeys`);
	});
});

test('no request left loopback', () => {
	expect(site.requests.some((url) => url.includes('/pagefind/'))).toBe(true);
	expect(site.requests.filter((url) => !isLoopback(url))).toEqual([]);
});
