/**
 * A journey page's views read one computed view per journey: the chart (twice when there is a
 * baseline), the insight list, the data table and the sparklines of the catalog and persona
 * pages compute the curve and the insights once between them, not once each.
 */
import { toHtml } from 'hast-util-to-html';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as insights from '../../src/core/insights.ts';
import { journeyView } from '../../src/core/index.ts';
import { emotionChart, emotionDataTable, emotionSparkline, insightList, journeyDocument } from '../../src/render/index.ts';
import { sampleJourney } from '../helpers.ts';

// Every importer of insights.ts, journey-view.ts among them, gets these spies instead of the originals.
vi.mock('../../src/core/insights.ts', async (original) => {
	const actual = await original<typeof import('../../src/core/insights.ts')>();
	return { ...actual, emotionCurve: vi.fn(actual.emotionCurve), journeyInsights: vi.fn(actual.journeyInsights), summarizeInsights: vi.fn(actual.summarizeInsights) };
});

afterEach(() => vi.clearAllMocks());

describe('journeyView', () => {
	test('everything on a journey page computes the curve and the insights once', async () => {
		const journey = structuredClone(await sampleJourney('online-store/signup-future'));
		const baseline = structuredClone(await sampleJourney('online-store/signup-current'));
		// What the journey page draws, then the catalog's and the persona page's sparklines.
		emotionChart(journey, { baseline });
		toHtml(insightList(journey));
		toHtml(emotionDataTable(journey));
		emotionChart(baseline, { idPrefix: 'cjm-baseline' });
		emotionChart(journey, { idPrefix: 'cjm-this' });
		emotionSparkline(journey);
		emotionSparkline(journey, { width: 240, height: 56 });
		journeyDocument(journey, { baseline });

		const calls = (spy: unknown) => vi.mocked(spy as (journey: object) => unknown).mock.calls.map(([argument]) => argument);
		expect(calls(insights.journeyInsights)).toEqual([journey, baseline]);
		expect(calls(insights.journeyInsights)[0]).toBe(journey);
		expect(calls(insights.journeyInsights)[1]).toBe(baseline);
		expect(vi.mocked(insights.emotionCurve).mock.calls).toHaveLength(2);
		expect(vi.mocked(insights.summarizeInsights).mock.calls).toHaveLength(2);
	});

	test('reads the same results as computing them directly', async () => {
		const journey = structuredClone(await sampleJourney('restaurant/pizza-visit'));
		const view = journeyView(journey);
		expect(journeyView(journey)).toBe(view);
		expect(view.curve).toEqual(insights.emotionCurve(journey));
		expect(view.insights).toEqual(insights.journeyInsights(journey));
		expect(view.summary).toEqual(insights.summarizeInsights(insights.journeyInsights(journey)));
		expect(view.insights.length).toBeGreaterThan(0);
	});

	test('a reloaded journey (a new object) gets a fresh view', async () => {
		const journey = structuredClone(await sampleJourney('restaurant/pizza-visit'));
		const edited = structuredClone(journey);
		edited.stages[0].touchpoints[0].emotion = { actual: -2 };
		expect(journeyView(edited)).not.toBe(journeyView(journey));
		expect(journeyView(edited).curve[0].score).toBe(-2);
	});

	test('a view cannot be changed by a renderer', async () => {
		const view = journeyView(structuredClone(await sampleJourney('restaurant/pizza-visit')));
		expect(Object.isFrozen(view) && Object.isFrozen(view.curve) && Object.isFrozen(view.insights) && Object.isFrozen(view.summary)).toBe(true);
	});
});
