/**
 * What the views of one journey read: its emotion curve, its insights and the short "what to look
 * at" list, computed once per journey. A journey page draws the chart (twice with a baseline) and
 * the insight list, the catalog and the persona pages a sparkline of the same journey: all of them
 * read it here rather than each reading the curve again.
 *
 * The key is the journey object. The model is plain data that nothing changes after parsing; a
 * journey reloaded by the dev server is a new object, so it gets a fresh view, and the old view
 * goes with the old object (a WeakMap holds no journey alive).
 */
import { type CurvePoint, emotionCurve, type Insight, journeyInsights, summarizeInsights } from './insights.ts';
import type { Journey } from './model.ts';

export interface JourneyView {
	/** The touchpoints that have an emotion, in journey order. */
	readonly curve: readonly CurvePoint[];
	/** Every insight, problems first. */
	readonly insights: readonly Insight[];
	/** The strongest few of each kind, for the "what to look at" list. */
	readonly summary: readonly Insight[];
}

const views = new WeakMap<Journey, JourneyView>();

export function journeyView(journey: Journey): JourneyView {
	let view = views.get(journey);
	if (!view) {
		const curve = emotionCurve(journey);
		const insights = journeyInsights(journey);
		view = Object.freeze({ curve: Object.freeze(curve), insights: Object.freeze(insights), summary: Object.freeze(summarizeInsights(insights)) });
		views.set(journey, view);
	}
	return view;
}
