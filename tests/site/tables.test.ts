/**
 * The listing pages' tables read at 1280 px and on a phone: their cells keep their words, a page of
 * wide tables gives them its width, a table wider than a phone scrolls sideways with its caption in
 * view, and no text runs into the next ("opportunities·10 KPIs").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { siteWithTab } from './browser.ts';
import { siteFiles } from './same-site.ts';

const opened = siteWithTab();

/** Opens a site path; only what was laid out matters here, so no wait for the network to rest. */
async function visit(path: string): Promise<Page> {
	const response = await opened.tab.page.goto(opened.site.url(path), { waitUntil: 'load' });
	expect(response?.status(), path).toBe(200);
	return opened.tab.page;
}

/**
 * The words (between spaces and hyphens) of a table's body that the browser broke across two
 * lines: "confirm|ation" in a narrow column. Table cells should keep their words.
 */
const brokenWords = (table: Locator): Promise<string[]> =>
	table.evaluate((element: HTMLTableElement) => {
		const broken: string[] = [];
		for (const body of element.tBodies) {
			const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (const match of node.textContent!.matchAll(/[^\s-]+/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					if (range.getClientRects().length > 1) broken.push(match[0]);
				}
			}
		}
		return broken;
	});

/** The site paths a listing page's rows link to, under `prefix` (`owners/`: every owner's page). */
const linkedPaths = async (path: string, prefix: string): Promise<string[]> => {
	const page = await visit(path);
	const hrefs = await page.locator(`main tbody a[href*="/${prefix}"]`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	return [...new Set(hrefs.map((href) => href.replace(/^\//, '')))];
};

/** Every page that lists rows in tables: the catalogs and every owner's and channel's page. */
const listingPages = async (): Promise<string[]> => [
	'journeys/',
	'backlog/',
	'health/',
	'owners/',
	'channels/',
	...(await linkedPaths('owners/', 'owners/')),
	...(await linkedPaths('channels/', 'channels/')),
];

async function atWidths(check: (page: Page, path: string, width: number) => Promise<void>): Promise<void> {
	const paths = await listingPages();
	expect(paths.length).toBeGreaterThan(20);
	const size = opened.tab.page.viewportSize()!;
	try {
		for (const width of [1280, 390]) {
			await opened.tab.page.setViewportSize({ width, height: 844 });
			for (const path of paths) await check(await visit(path), path, width);
		}
	} finally {
		await opened.tab.page.setViewportSize(size);
	}
}

describe('listing tables', () => {
	// About 35 pages, each at two widths.
	test('their cells keep their words on a wide screen and on a phone, where a wider table scrolls sideways with its caption in view', { timeout: 180_000 }, async () => {
		let scrolled = 0;
		await atWidths(async (page, path, width) => {
			const at = `${path} at ${width} px`;
			for (const table of await page.locator('main table').all()) expect(await brokenWords(table), at).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${at}: the page itself scrolls sideways`).toBe(true);
			const tables = await page.locator('main table:has(caption)').evaluateAll((elements) =>
				elements.map((table) => {
					// The table scrolls itself (Starlight's) or in its wrapper (health, matrix).
					const scroller = [table, table.parentElement!].find((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX))!;
					const overflows = scroller.scrollWidth > scroller.clientWidth;
					scroller.scrollLeft = scroller.scrollWidth;
					const caption = table.querySelector('caption')!.getBoundingClientRect();
					const box = scroller.getBoundingClientRect();
					return { overflows, inView: caption.left >= box.left - 1 && caption.right <= box.right + 1 };
				}),
			);
			for (const table of tables) {
				if (table.overflows) scrolled++;
				expect(table.inView, `${at}: caption out of view once scrolled`).toBe(true);
			}
		});
		// On a phone the owners' and channels' tables of touchpoints are wider than the screen.
		expect(scrolled).toBeGreaterThan(10);
	});

	test('a page of wide tables gives them the page’s width, beside the site navigation (no "On this page" column)', async () => {
		const size = opened.tab.page.viewportSize()!;
		try {
			await opened.tab.page.setViewportSize({ width: 1280, height: 900 });
			for (const path of ['', 'journeys/', 'health/', 'backlog/', 'owners/marketing/', 'channels/e-mail/']) {
				const page = await visit(path);
				// As wide as the content's column, which is wider than the readable column (48rem) that text keeps.
				const column = await page.locator('main .sl-markdown-content').evaluate((element) => element.clientWidth);
				expect(column, path).toBeGreaterThan(48 * 16 + 100);
				expect(await page.locator('main .cjm-wide').first().evaluate((element) => element.clientWidth), path).toBeGreaterThanOrEqual(column - 1);
				expect(await page.locator('.right-sidebar-container').count(), `${path}: no "On this page" column`).toBe(0);
			}
		} finally {
			await opened.tab.page.setViewportSize(size);
		}
	});
});

test('no text of a page runs into the next: separators and sentences keep their spaces', () => {
	const dir = inject('siteDir');
	const glued: string[] = [];
	for (const file of siteFiles(dir).filter((name) => name.endsWith('.html'))) {
		const main = select('main', fromHtml(readFileSync(join(dir, file), 'utf8')));
		if (!main) continue;
		// "·" between words, and a sentence's end before the next word ("first).Download", "(future)Hypothesis").
		for (const match of toText(main).matchAll(/.{0,20}(?:\S·|·\S|[\p{Ll})][.,;:)]\p{Lu}\p{Ll}).{0,20}/gu)) glued.push(`${file}: ${match[0]}`);
	}
	expect(glued).toEqual([]);
});
