/**
 * axe-core audits the key pages in light and dark mode: no serious or critical violation
 * (colour contrast included). Moderate and minor findings are printed, not failed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diagramRendered, isLoopback, openSite, type Site } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
	id: string;
	impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
	help: string;
	nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

let site: Site;
beforeAll(async () => {
	site = await openSite();
});
afterAll(() => site?.close());

const PAGES = {
	home: '',
	'journey page': 'journeys/restaurant/pizza-visit/',
	'future-state journey page': 'journeys/online-store/signup-future/',
	'journey page with measured KPIs': 'journeys/online-store/signup-current/',
	'persona page': 'personas/eva-molin/',
	backlog: 'backlog/',
	landscape: 'landscape/',
	health: 'health/',
};

const describeViolation = (v: Violation) =>
	`${v.impact} ${v.id}: ${v.help}\n${v.nodes
		.slice(0, 5)
		.map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
		.join('\n')}`;

for (const theme of ['light', 'dark'] as const) {
	describe(`${theme} mode`, () => {
		for (const [name, path] of Object.entries(PAGES)) {
			test(`${name}: no serious or critical violation`, async () => {
				const { page, errors } = await site.open({ theme });
				await page.goto(site.url(path));
				if (await page.locator('pre.mermaid').count()) await diagramRendered(page);
				expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
				await page.addScriptTag({ content: axeSource });
				const violations = await page.evaluate(async () => {
					const { violations } = await (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe.run();
					return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
				});
				const lesser = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
				if (lesser.length > 0) console.log(`axe, ${name} (${theme}), not failing:\n${lesser.map(describeViolation).join('\n')}`);
				expect(violations.filter((v) => !lesser.includes(v)).map(describeViolation)).toEqual([]);
				expect(errors).toEqual([]);
				await page.context().close();
			});
		}
	});
}

test('no request left loopback', () => {
	expect(site.requests.filter((url) => !isLoopback(url))).toEqual([]);
});
