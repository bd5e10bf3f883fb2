/** The map marks each touchpoint by how well research supports it: confidence in words, sources counted and named. */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { expect, test } from 'vitest';
import { touchpointsOf } from '../../src/core/index.ts';
import { journeyMap } from '../../src/render/index.ts';
import { sampleJourney } from '../helpers.ts';

const header = (tree: ReturnType<typeof fromHtml>, id: string) => select(`th[data-touchpoint="${id}"]`, tree) as Element;

test('the trial map marks high and low confidence in words and with a class, and leaves unrated touchpoints alone', async () => {
	const trial = await sampleJourney('saas/trial-evaluation');
	const tree = fromHtml(journeyMap(trial), { fragment: true });
	const rated = touchpointsOf(trial).filter((t) => t.confidence);
	expect(rated.map((t) => t.confidence).sort()).toEqual(['high', 'low']);
	for (const t of rated) {
		const th = header(tree, t.id);
		expect(th.properties.dataConfidence).toBe(t.confidence);
		expect(toString(select('.cjm-map-support', th)!)).toMatch(new RegExp(`^${t.confidence} confidence · `));
		expect(String(th.properties.className)).toContain(`cjm-map-touchpoint--${t.confidence}-confidence`);
	}
	const unrated = touchpointsOf(trial).filter((t) => !t.confidence && !t.evidence);
	for (const t of unrated) expect(select('.cjm-map-support', header(tree, t.id))).toBeUndefined();
});

test('the sign-up map counts each touchpoint’s sources in its header and names them in the criticality lane', async () => {
	const signup = await sampleJourney('online-store/signup-current');
	const tree = fromHtml(journeyMap(signup), { fragment: true });
	const checkout = touchpointsOf(signup).find((t) => t.id === 'start-checkout')!;
	expect(checkout.evidence).toEqual(['Sign-up funnel analytics, last 90 days', 'Five phone interviews with customers who started but did not finish sign-up']);
	const support = select('.cjm-map-support', header(tree, checkout.id))!;
	expect(toString(support)).toBe('2 sources');
	expect(support.properties.title).toBe(`Evidence: ${checkout.evidence!.join('; ')}`);
	const evidence = selectAll('tr[data-lane="owner"] .cjm-map-evidence', tree).map((node) => toString(node));
	expect(evidence).toContain(`Evidence: ${checkout.evidence!.join('; ')}`);
	// Every touchpoint with evidence lists it once on the map (its timeline card repeats the count, not the titles).
	expect(evidence).toHaveLength(touchpointsOf(signup).filter((t) => t.evidence).length);
});
