/**
 * One headless Chromium per test file (playwright-core drives it; ./chromium.ts says which one),
 * with every request of every page recorded so a test can prove nothing left loopback, and every
 * console error and uncaught exception collected per page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { loadProject, type Project } from '../../src/core/index.ts';
import { launchChromium, type ChromiumChoice } from './chromium.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotDir = join(repo, 'test-output/screenshots');

/** A page with what happened on it. */
export interface WatchedPage {
	page: Page;
	/** Console errors and uncaught exceptions, in order. */
	errors: string[];
	/** Dialogs (alert, confirm, prompt) that opened. */
	dialogs: string[];
}

export interface Site {
	/** Absolute URL of a site path (`journeys/` → `http://127.0.0.1:PORT/journeys/`). */
	url: (path?: string) => string;
	/** A fresh page in a fresh context (own storage), light colour scheme unless told otherwise. */
	open: (options?: BrowserContextOptions & { theme?: 'light' | 'dark' }) => Promise<WatchedPage>;
	/** Every URL requested by every page opened so far, in order. */
	requests: string[];
	browser: Browser;
	close: () => Promise<void>;
}

/** The built site (or the one served at `base`) in the Chromium the global setup chose, unless told which. */
export async function openSite(chromium: ChromiumChoice = inject('chromium'), base: string = inject('siteUrl')): Promise<Site> {
	const browser = await launchChromium(chromium);
	const contexts: BrowserContext[] = [];
	const requests: string[] = [];
	const open: Site['open'] = async ({ theme, ...options } = {}) => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: theme ?? 'light', ...options });
		contexts.push(context);
		// Starlight reads the theme from localStorage before the first paint.
		if (theme) await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
		context.on('request', (request) => requests.push(request.url()));
		// Anything bound elsewhere is recorded above and then refused, so a stray request fails fast.
		await context.route(
			(url) => !isLoopback(url.href),
			(route) => route.abort('blockedbyclient')
		);
		const page = await context.newPage();
		const errors: string[] = [];
		const dialogs: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
		});
		page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
		page.on('dialog', (dialog) => {
			dialogs.push(`${dialog.type()}: ${dialog.message()}`);
			void dialog.dismiss();
		});
		return { page, errors, dialogs };
	};
	return {
		url: (path = '') => new URL(path.replace(/^\//, ''), base).href,
		open,
		requests,
		browser,
		close: async () => {
			for (const context of contexts) await context.close().catch(() => {});
			await browser.close();
		},
	};
}

export function isLoopback(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	if (protocol === 'data:' || protocol === 'blob:' || url === 'about:blank') return true;
	return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(screenshotDir, { recursive: true });
	await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Waits until the Mermaid flow on the page has become an SVG with its stages and nodes drawn. */
export async function diagramRendered(page: Page): Promise<void> {
	await page.waitForFunction(() => document.querySelector('pre.mermaid svg .cluster rect') && document.querySelector('pre.mermaid svg .node'), undefined, { timeout: 20_000 });
}

let project: Promise<Project> | undefined;
/** The content the site was built from, read with the core: the expected values of the tests. */
export function builtContent(): Promise<Project> {
	project ??= loadProject(inject('contentDir')).then((loaded) => loaded.project);
	return project;
}

/**
 * For a test file that visits the built site in one tab: opens both before its tests and closes
 * them after; `site` and `tab` are set once its tests run.
 */
export function siteWithTab(): { site: Site; tab: WatchedPage } {
	const opened = {} as { site: Site; tab: WatchedPage };
	beforeAll(async () => {
		opened.site = await openSite();
		opened.tab = await opened.site.open();
	});
	afterAll(() => opened.site?.close());
	return opened;
}

/** Opens a site path in `tab` and checks it loaded with status 200 and without console errors. */
export async function visit(site: Site, tab: WatchedPage, path: string): Promise<Page> {
	tab.errors.length = 0;
	const response = await tab.page.goto(site.url(path), { waitUntil: 'networkidle' });
	expect(response?.status(), path).toBe(200);
	expect(tab.errors, `console errors on ${path}`).toEqual([]);
	return tab.page;
}
