/**
 * A curve per persona: on a multi-persona map, curve reading never compares two people, and
 * touchpoints that name nobody are on everyone's curve.
 */
import { describe, expect, test } from 'vitest';
import { ALL_PERSONAS, journeyInsights, personaCurves, touchpointsOf } from '../../src/core/index.ts';
import { sampleJourney } from '../helpers.ts';

describe('a curve per persona', async () => {
	const b2b = await sampleJourney('b2b/software-purchase');
	const personaOf = new Map(touchpointsOf(b2b).map((t) => [t.id, t.persona]));

	test('the B2B sample has one curve for each of its two personas, through their own touchpoints only', () => {
		const curves = personaCurves(b2b);
		expect(curves.map((c) => c.persona)).toEqual(b2b.personas);
		expect(b2b.personas).toHaveLength(2);
		for (const { persona, points } of curves) {
			expect(points.length).toBeGreaterThan(2);
			expect(points.every((p) => p.touchpoint.persona === persona)).toBe(true);
		}
	});

	test('no insight about the B2B sample spans two personas, and each names the persona it reads', () => {
		const insights = journeyInsights(b2b);
		expect(insights.length).toBeGreaterThan(0);
		for (const insight of insights) {
			const people = new Set(insight.touchpoints.map((id) => personaOf.get(id)).filter(Boolean));
			expect(people.size, insight.message).toBeLessThanOrEqual(1);
			if (insight.kind !== 'unowned-pain') expect(insight.persona, insight.message).toBe([...people][0]);
		}
		// The sample's curves do fall steeply: read per person, the drops are still found.
		expect(insights.some((i) => i.kind === 'rapid-drop' || i.kind === 'trough')).toBe(true);
	});

	test('a touchpoint without a persona is on every curve, and what only it shows is said once', () => {
		const shared = structuredClone(b2b);
		const first = shared.stages[0].touchpoints[0];
		delete first.persona;
		const curves = personaCurves(shared);
		for (const { points } of curves) expect(points.map((p) => p.touchpoint.id)).toContain(first.id);
		const about = journeyInsights(shared).filter((i) => i.touchpoints.length === 1 && i.touchpoints[0] === first.id);
		expect(new Set(about.map((i) => i.kind)).size).toBe(about.length);
		expect(about.every((i) => i.persona === undefined)).toBe(true);
	});

	test('a single-persona journey has one curve for everyone, and its insights name nobody', async () => {
		const pizza = await sampleJourney('restaurant/pizza-visit');
		expect(personaCurves(pizza).map((c) => c.persona)).toEqual([ALL_PERSONAS]);
		expect(journeyInsights(pizza).every((i) => i.persona === undefined)).toBe(true);
	});
});
