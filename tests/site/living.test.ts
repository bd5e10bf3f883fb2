/**
 * The living-map pages of the built site: the landscape lists every journey of the content the
 * site was built from (samples and the hostile one) and links to each, with a future state in
 * the same group as its baseline; journey pages link up and down the landscape.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builtContent, siteWithTab, visit as visitPage } from './browser.ts';

const opened = siteWithTab();

const visit = (path: string): Promise<Page> => visitPage(opened.site, opened.tab, path);

/** The journey ids a page links to, from its `/journeys/<id>/` links. */
const linkedJourneys = async (page: Page, selector: string) =>
	(await page.locator(`${selector} a[href*="/journeys/"]`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)))
		.map((path) => decodeURIComponent(path.replace(/^.*\/journeys\//, '').replace(/\/$/, '')));

describe('landscape', () => {
	test('a row per journey, each linking to its page, with a stage block per stage', async () => {
		const { journeys } = await builtContent();
		const page = await visit('landscape/');
		expect(await page.locator('h1').innerText()).toBe('Journey landscape');
		const rows = page.locator('.cjm-landscape-row');
		expect(await rows.count()).toBe(journeys.length);
		expect((await linkedJourneys(page, '.cjm-landscape-title')).toSorted()).toEqual(journeys.map((j) => j.id).toSorted());
		for (const journey of journeys) {
			const row = page.locator(`.cjm-landscape-row[data-journey="${journey.id}"]`);
			expect(await row.locator('.cjm-landscape-stage').count(), journey.id).toBe(journey.stages.length);
		}
	});

	test('a future state sits in the same group as its baseline, right after it; a detailing journey under its parent', async () => {
		const page = await visit('landscape/');
		const groupOf = (id: string) => page.locator(`.cjm-landscape-row[data-journey="${id}"]`).evaluate((row) => row.closest('[data-group]')!.getAttribute('data-group'));
		expect(await groupOf('online-store/signup-future')).toBe(await groupOf('online-store/signup-current'));
		const group = await groupOf('online-store/signup-current');
		const order = await page.locator(`[data-group="${group}"] .cjm-landscape-row`).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-journey')));
		expect(order.indexOf('online-store/signup-future')).toBe(order.indexOf('online-store/signup-current') + 1);
		expect(await groupOf('saas/trial-evaluation')).toBe('b2b/software-purchase');
		expect(await page.locator('.cjm-landscape-row[data-journey="saas/trial-evaluation"]').innerText()).toContain('part of Buying a helpdesk tool for the support team');
		// A journey a touchpoint zooms into sits under that journey, deeper than it.
		expect(await groupOf('online-store/signup-current')).toBe('b2b/software-purchase');
		const depth = (id: string) => page.locator(`.cjm-landscape-row[data-journey="${id}"]`).evaluate((row) => getComputedStyle(row).getPropertyValue('--cjm-depth').trim());
		expect([await depth('b2b/software-purchase'), await depth('saas/trial-evaluation'), await depth('online-store/signup-current')]).toEqual(['0', '1', '2']);
	});
});

describe('journey pages link up and down the landscape', () => {
	test('a wider journey lists the journeys that detail it, by `parent` and from a touchpoint’s `zoom` on the map', async () => {
		const purchase = await visit('journeys/b2b/software-purchase/');
		expect(await linkedJourneys(purchase, '.cjm-facts')).toContain('saas/trial-evaluation');
		const trial = await visit('journeys/saas/trial-evaluation/');
		expect(await linkedJourneys(trial, '.cjm-facts')).toContain('online-store/signup-current');
		expect(await trial.locator('th[data-touchpoint="verify-email"] .cjm-map-detail').innerText()).toBe('Zooms into: Buying a rain jacket: sign-up with e-mail confirmation (today)');
	});

	test('the detailed journeys say what they are part of', async () => {
		const trial = await visit('journeys/saas/trial-evaluation/');
		expect(await trial.locator('.cjm-facts').innerText()).toContain('Part of');
		expect(await linkedJourneys(trial, '.cjm-facts')).toContain('b2b/software-purchase');
		const signup = await visit('journeys/online-store/signup-current/');
		expect(await signup.locator('.cjm-facts').innerText()).toContain('its step “Verifying her e-mail”');
	});
});

describe('measured KPIs', () => {
	test('a measured touchpoint shows its latest value, a sparkline named in words, and says which numbers are measured', async () => {
		const signup = await visit('journeys/online-store/signup-current/');
		const col = await signup.locator('#map th[data-touchpoint="tapping-a-search-ad"]').getAttribute('data-col');
		const measured = signup.locator(`#map td[data-col="${col}"] .cjm-measured`);
		expect(await measured.count()).toBe(1);
		expect(await measured.innerText()).toMatch(/click-through rate: [\d.]+%\s+measured \d{4}-\d\d-\d\d/);
		expect(await measured.locator('.cjm-kpi-sparkline').first().getAttribute('aria-label')).toBe('click-through rate over 3 measurements, from 3% (2026-08-01) to 3.2% (2026-10-01)');
	});
});

describe('health', () => {
	test('a row per journey linking to it, with owner, status and counts; sorting reorders the rows', async () => {
		const { journeys } = await builtContent();
		const page = await visit('health/');
		expect(await page.locator('h1').innerText()).toBe('Map health');
		expect(await page.locator('table.cjm-health tbody tr').count()).toBe(journeys.length);
		expect((await linkedJourneys(page, 'table.cjm-health tbody th')).toSorted()).toEqual(journeys.map((j) => j.id).toSorted());
		const signup = page.locator('tr[data-journey="online-store/signup-current"]');
		const cells = await signup.locator('td').allInnerTexts();
		expect(cells.slice(0, 3)).toEqual(['Growth team', 'validated', '2026-10-14']);
		const touchpoints = journeys.find((j) => j.id === 'online-store/signup-current')!.stages.flatMap((s) => s.touchpoints);
		expect(cells[5]).toBe(`${touchpoints.filter((t) => !t.evidence).length} of ${touchpoints.length}`);
		// Sorting by journey title, both ways.
		const titles = () => page.locator('table.cjm-health tbody th').allInnerTexts();
		await page.getByRole('button', { name: 'Sort by Journey' }).click();
		const ascending = journeys.map((j) => j.title).toSorted((a, b) => a.localeCompare(b));
		expect(await titles()).toEqual(ascending);
		expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1);
		await page.getByRole('button', { name: 'Sort by Journey' }).click();
		expect(await titles()).toEqual(ascending.toReversed());
	});
});
