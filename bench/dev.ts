/**
 * An edit's way to the open page in `npm run dev`: the real `astro dev` over a project of
 * synthetic journeys, one journey page open in Chromium, a touchpoint renamed on disk, and the
 * time until the open page shows the new name, measured in the browser: the page shows the change in
 * place (src/site/dev-refresh-client.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseChromium, launchChromium } from '../tests/site/chromium.ts';
import { startDevServer, until } from '../tests/site/dev-server.ts';

const JOURNEY = 'journeys/journey-0000.md';
const PAGE = 'journeys/journey-0000/';
const NAME = 'Awareness step 1';

export interface DevEditTimes {
	/** From starting `astro dev` to the journey page served (content loaded, page compiled). */
	startMs: number;
	/** Each edit's time from the write to the new name in the open page. */
	editMs: number[];
	/** How many of the edits the page showed by loading itself again, not in place. */
	reloads: number;
}

export async function measureDevEdit(project: string, edits: number): Promise<DevEditTimes> {
	const path = join(project, JOURNEY);
	const original = readFileSync(path, 'utf8');
	if (!original.includes(`name: ${NAME}\n`)) throw new Error(`${JOURNEY} has no touchpoint named ${NAME}`);
	const started = performance.now();
	const server = await startDevServer(project, PAGE, 600_000);
	const startMs = performance.now() - started;
	const browser = await launchChromium(await chooseChromium());
	try {
		const page = await browser.newPage();
		await page.goto(server.base + PAGE);
		await page.getByText(NAME, { exact: true }).first().waitFor({ timeout: 120_000 });
		const editMs: number[] = [];
		const loaded = () => page.evaluate(() => performance.timeOrigin);
		let origin = await loaded();
		let reloads = 0;
		for (let edit = 1; edit <= edits; edit++) {
			const name = `${NAME} (edit ${edit})`;
			// Let the watcher and the page settle from the last edit before timing the next.
			await new Promise((done) => setTimeout(done, 2000));
			// The page notes when it first shows the new name (the frame after its document has it), so
			// the time does not include this script's polling; a page that reloads loses the note, and
			// then the poll's time counts.
			await page.evaluate((name) => {
				const view = window as typeof window & { cjmShown?: number };
				view.cjmShown = undefined;
				const observer = new MutationObserver(() => {
					if (!document.body.textContent?.includes(name)) return;
					observer.disconnect();
					requestAnimationFrame(() => (view.cjmShown = Date.now()));
				});
				observer.observe(document.body, { childList: true, subtree: true, characterData: true });
			}, name);
			const written = Date.now();
			writeFileSync(path, original.replace(`name: ${NAME}\n`, `name: ${name}\n`));
			await until(`the page to show “${name}”`, async () => (await page.getByText(name, { exact: true }).count()) > 0, 120_000, server.output, 10);
			const polled = Date.now();
			const shown = await page.evaluate(() => (window as typeof window & { cjmShown?: number }).cjmShown);
			editMs.push((shown ?? polled) - written);
			const now = await loaded();
			if (now !== origin) reloads++;
			origin = now;
		}
		return { startMs, editMs, reloads };
	} finally {
		writeFileSync(path, original);
		await browser.close();
		server.stop();
	}
}
