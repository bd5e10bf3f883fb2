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
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { diagramRendered, repo } from './browser.ts';
import { siteBuildEnv } from './build-env.ts';
import { launchChromium } from './chromium.ts';
import { serve } from './global-setup.ts';

const BASE = '/journeys-site/';
const work = mkdtempSync(join(tmpdir(), 'cjm-base-path-'));
let server: Server;
let browser: Browser;

beforeAll(async () => {
	mkdirSync(join(work, 'host'));
	// A `BASE_URL` in the environment, as vitest and some CIs leave one: Astro would let it win over the base path (src/cli/build.ts).
	const env: NodeJS.ProcessEnv = { ...siteBuildEnv(), BASE_PATH: BASE, BASE_URL: '/' };
	// Vitest's NODE_ENV=test would make Vite build in development mode; build as a user does.
	for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name === 'MODE' || name.startsWith('VITEST') || name === 'TEST') delete env[name];
	const result = spawnSync(process.execPath, ['bin/cjm.js', 'build', '.', '--out-dir', join(work, 'host', BASE)], { cwd: repo, env, encoding: 'utf8', timeout: 180_000 });
	expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
	server = await serve(join(work, 'host'));
	browser = await launchChromium(inject('chromium'));
}, 200_000);

afterAll(async () => {
	await browser?.close();
	server?.close();
	rmSync(work, { recursive: true, force: true });
});

/** Opens `path` under the base path; what it requested, and the requests that failed. */
async function open(path: string) {
	const page = await browser.newPage();
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const requested: string[] = [];
	const failed: string[] = [];
	const errors: string[] = [];
	page.on('request', (request) => requested.push(request.url()));
	page.on('requestfailed', (request) => failed.push(request.url()));
	page.on('response', (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)));
	page.on('pageerror', (error) => errors.push(error.message));
	const response = await page.goto(`${origin}${BASE}${path}`, { waitUntil: 'networkidle' });
	expect(response?.status()).toBe(200);
	return { page, origin, requested, failed, errors };
}

test('a journey page under the base path draws its flow, and everything it loads is under that path', async () => {
	const { page, origin, requested, failed, errors } = await open('journeys/restaurant/pizza-visit/');
	await diagramRendered(page);
	await page.waitForLoadState('networkidle');
	expect(requested.some((url) => url.includes(`${BASE}mermaid/`))).toBe(true);
	expect(requested.filter((url) => !url.startsWith(`${origin}${BASE}`) && !url.startsWith('data:'))).toEqual([]);
	expect(failed).toEqual([]);
	expect(errors).toEqual([]);
	// The links on the page point under the base path too, and the downloads they offer are there.
	const downloads = await page.locator('a[download]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href')!));
	expect(downloads.length).toBeGreaterThan(0);
	for (const href of downloads) {
		expect(href.startsWith(BASE)).toBe(true);
		expect((await page.request.get(`${origin}${href}`)).status(), href).toBe(200);
	}
	await page.close();
});

test('the home page under the base path loads nothing from outside it', async () => {
	const { page, origin, requested, failed, errors } = await open('');
	expect(await page.locator('h1').innerText()).toBe('Customer journey maps');
	expect(requested.filter((url) => !url.startsWith(`${origin}${BASE}`) && !url.startsWith('data:'))).toEqual([]);
	expect(failed).toEqual([]);
	expect(errors).toEqual([]);
	await page.close();
});
