/**
 * A site published under a path, as GitHub Pages publishes a repository's (`BASE_PATH`): the
 * pages, their scripts and styles, images, the downloads and the Mermaid flow all load from under
 * that path, and nothing asks the host for a file outside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { diagramRendered, openSite, repo, type Site } from './browser.ts';
import { userBuildEnv } from './build-env.ts';
import { serve } from './global-setup.ts';

const BASE = '/journeys-site/';
const work = mkdtempSync(join(tmpdir(), 'cjm-base-path-'));
let server: Server;
let site: Site;
let under: string;

beforeAll(async () => {
	mkdirSync(join(work, 'host'));
	// A `BASE_URL` in the environment, as vitest and some CIs leave one: Astro would let it win over the base path (src/cli/build.ts).
	const env: NodeJS.ProcessEnv = { ...userBuildEnv(), BASE_PATH: BASE, BASE_URL: '/' };
	const result = spawnSync(process.execPath, ['bin/cjm.js', 'build', '.', '--out-dir', join(work, 'host', BASE)], { cwd: repo, env, encoding: 'utf8', timeout: 180_000 });
	expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
	server = await serve(join(work, 'host'));
	under = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
	site = await openSite(undefined, under);
}, 200_000);

afterAll(async () => {
	await site?.close();
	server?.close();
	rmSync(work, { recursive: true, force: true });
});

/** Opens `path` under the base path: the page, its console errors, and the requests that failed. */
async function open(path: string) {
	const { page, errors } = await site.open();
	const failed: string[] = [];
	page.on('requestfailed', (request) => failed.push(request.url()));
	page.on('response', (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)));
	const response = await page.goto(site.url(path), { waitUntil: 'networkidle' });
	expect(response?.status()).toBe(200);
	return { page, errors, failed };
}

/** What the pages opened so far asked for outside the base path. */
const outside = () => site.requests.filter((url) => !url.startsWith(under) && !url.startsWith('data:'));

test('a journey page under the base path draws its flow, and everything it loads is under that path', async () => {
	const { page, errors, failed } = await open('journeys/restaurant/pizza-visit/');
	await diagramRendered(page);
	await page.waitForLoadState('networkidle');
	expect(site.requests.some((url) => url.startsWith(`${under}mermaid/`))).toBe(true);
	expect(outside()).toEqual([]);
	expect(failed).toEqual([]);
	expect(errors).toEqual([]);
	// The links on the page point under the base path too, and the downloads they offer are there.
	const downloads = await page.locator('a[download]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href')!));
	expect(downloads.length).toBeGreaterThan(0);
	for (const href of downloads) {
		expect(href.startsWith(BASE)).toBe(true);
		expect((await page.request.get(new URL(href, under).href)).status(), href).toBe(200);
	}
});

test('the home page under the base path loads nothing from outside it', async () => {
	const { page, errors, failed } = await open('');
	expect(await page.locator('h1').innerText()).toBe('Customer journey maps');
	expect(outside()).toEqual([]);
	expect(failed).toEqual([]);
	expect(errors).toEqual([]);
});
