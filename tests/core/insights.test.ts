import { describe, expect, test } from 'vitest';
import { type Journey, journeyInsights, mainPath, summarizeInsights } from '../../src/core/index.ts';
import { extremes, rapidDrops, sawtooth, conversion, emotionCurve } from '../../src/core/insights.ts';
import { sampleJourney } from '../helpers.ts';

/** A one-stage journey with the given emotions (and optional conversions), for focused cases. */
function journeyOf(scores: Array<number | undefined>, conversions: Array<number | undefined> = []): Journey {
	const touchpoints = scores.map((score, i) => ({
		id: `t${i}`,
		name: `Step ${i}`,
		stage: 's',
		channels: [],
		emotion: score === undefined ? undefined : { actual: score },
		pains: [],
		opportunities: [],
		kpis: {},
		conversion: conversions[i],
		next: i < scores.length - 1 ? [{ to: `t${i + 1}` }] : [],
	}));
	return { id: 'j', path: 'journeys/j.md', title: 'J', personas: ['p'], state: 'current', sources: [], tags: [], stages: [{ id: 's', name: 'S', touchpoints }], narrative: [], body: '' };
}

const ids = (insights: { touchpoints: string[] }[]) => insights.map((i) => i.touchpoints);

describe('curve reading', () => {
	test('a rapid drop is a fall of 2 or more between consecutive points', () => {
		expect(ids(rapidDrops(emotionCurve(journeyOf([1, -1, -2, 0, -2]))))).toEqual([['t0', 't1'], ['t3', 't4']]);
		expect(rapidDrops(emotionCurve(journeyOf([2, 1, 0, -1, -2])))).toEqual([]);
	});

	test('points without emotion are skipped, so a drop across the gap still counts', () => {
		expect(ids(rapidDrops(emotionCurve(journeyOf([2, undefined, 0]))))).toEqual([['t0', 't2']]);
	});

	test('troughs are local minima at -1 or below; a flat bottom counts once', () => {
		const found = extremes(emotionCurve(journeyOf([0, -1, -1, 1, 0, -2])));
		expect(found.filter((i) => i.kind === 'trough').map((i) => i.touchpoints)).toEqual([['t1', 't2'], ['t5']]);
		expect(extremes(emotionCurve(journeyOf([0, -1, -2]))).filter((i) => i.kind === 'trough').map((i) => i.touchpoints)).toEqual([['t2']]);
	});

	test('positive peaks are local maxima at +1 or above', () => {
		const found = extremes(emotionCurve(journeyOf([0, 1, 0, 2, 2, -1, 0])));
		expect(found.filter((i) => i.kind === 'peak').map((i) => i.touchpoints)).toEqual([['t1'], ['t3', 't4']]);
		expect(extremes(emotionCurve(journeyOf([-1, 0, -1]))).filter((i) => i.kind === 'peak')).toEqual([]);
	});

	test('a sawtooth changes direction at least three times in a row', () => {
		const [saw] = sawtooth(emotionCurve(journeyOf([0, 1, 0, 1, 0, 0])));
		expect(saw.touchpoints).toEqual(['t0', 't1', 't2', 't3', 't4']);
		expect(saw.value).toBe(3);
		expect(sawtooth(emotionCurve(journeyOf([0, 1, 0, 1])))).toEqual([]);
	});
});

describe('conversion', () => {
	test('90% then 5%: the second step is the weakest transition', () => {
		const journey = journeyOf([0, 0, 0], [0.9, 0.05, undefined]);
		const [weakest, total] = conversion(journey.stages[0].touchpoints);
		expect(weakest.kind).toBe('weakest-transition');
		expect(weakest.touchpoints).toEqual(['t1']);
		expect(weakest.message).toBe('Weakest transition: only 5% get past “Step 1”, after 90% at “Step 0”. This is the barrier to look at first.');
		expect(total.kind).toBe('end-to-end-conversion');
		expect(total.value).toBeCloseTo(0.045);
	});

	test('the end-to-end conversion follows the main path, not every branch', async () => {
		const trial = await sampleJourney('saas/trial-evaluation');
		const path = mainPath(trial).map((t) => t.id);
		const branch = trial.stages.flatMap((s) => s.touchpoints).find((t) => t.next.length > 1)!;
		const best = [...branch.next].sort((a, b) => (b.share ?? 0) - (a.share ?? 0))[0];
		expect(path).toContain(branch.id);
		expect(path).toContain(best.to);
		for (const edge of branch.next.filter((e) => e !== best)) expect(path).not.toContain(edge.to);
	});

	test('the sample sign-up flags e-mail confirmation as the barrier', async () => {
		const current = await sampleJourney('online-store/signup-current');
		const weakest = journeyInsights(current).find((i) => i.kind === 'weakest-transition')!;
		expect(weakest.value).toBeCloseTo(0.3);
		expect(weakest.message).toContain('confirmation e-mail');
	});
});

describe('summarizeInsights', () => {
	test('keeps a few of each kind, strongest first, problems before positives', async () => {
		const pizza = await sampleJourney('restaurant/pizza-visit');
		const all = journeyInsights(pizza);
		const summary = summarizeInsights(all);
		expect(summary.length).toBeLessThan(all.length);
		expect(summary.filter((i) => i.kind === 'trough').every((i) => i.value === -2)).toBe(true);
		expect(summary.filter((i) => i.kind === 'peak')).toHaveLength(1);
		const tones = summary.map((i) => i.tone);
		expect(tones.indexOf('positive')).toBeGreaterThan(tones.lastIndexOf('problem'));
	});
});
