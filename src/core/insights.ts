/**
 * Curve reading: what a practitioner looks for in an emotion curve and a conversion chain.
 * The emotion patterns are Atlassian's sentiment-line rules (sawtooth, rapid drops, troughs,
 * positive peaks); the conversion rules follow the weak-link principle (90% then 5%: the second
 * step is the barrier). Pure functions over the model; renderers decide how to show them.
 */
import { RAPID_DROP } from './lint-journey.ts';
import { type Journey, type Touchpoint, touchpointsOf, unownedPains } from './model.ts';
import { percent, signed } from './words.ts';

export type InsightKind =
	| 'rapid-drop'
	| 'trough'
	| 'peak'
	| 'sawtooth'
	| 'emotion-gap'
	| 'weakest-transition'
	| 'end-to-end-conversion'
	| 'unowned-pain';

export interface Insight {
	kind: InsightKind;
	/** `problem` needs attention, `positive` is worth keeping, `info` is context. */
	tone: 'problem' | 'positive' | 'info';
	/** Ids of the touchpoints it is about, in journey order. */
	touchpoints: string[];
	/** A sentence for people, plain text. */
	message: string;
	/** The number behind it: the score, the fall, the gap or the share. */
	value?: number;
	/** On a multi-persona map, whose curve or steps it reads: insights never compare two people. */
	persona?: string;
}

export interface CurvePoint {
	touchpoint: Touchpoint;
	score: number;
	desired?: number;
}

/** The touchpoints that have an emotion, in journey order: the points of the emotion curve. */
export function emotionCurve(journey: Journey): CurvePoint[] {
	return touchpointsOf(journey).flatMap((touchpoint) =>
		touchpoint.emotion ? [{ touchpoint, score: touchpoint.emotion.actual, desired: touchpoint.emotion.desired }] : []
	);
}

/** The one curve of a journey with a single persona (or none named on its touchpoints). */
export const ALL_PERSONAS = 'all';

export interface PersonaCurve {
	/** A persona id, or `all` when the journey has one curve. */
	persona: string;
	points: CurvePoint[];
}

/**
 * Whose curves a journey has: each of its personas when it names several and its touchpoints say
 * whose they are, else one curve for everyone. One list, so the map, the sparkline, the diff and
 * the curve reading agree.
 */
export function curvePersonas(journey: Journey): string[] {
	const multi = journey.personas.length > 1 && touchpointsOf(journey).some((touchpoint) => touchpoint.persona);
	return multi ? journey.personas : [ALL_PERSONAS];
}

/** A touchpoint is on a persona's curve when it is theirs, or names nobody (then it is everyone's). */
export const onCurveOf = (touchpoint: Touchpoint, persona: string): boolean =>
	persona === ALL_PERSONAS || !touchpoint.persona || touchpoint.persona === persona;

/** One emotion curve per persona, through their own touchpoints only: a line never joins two people. */
export function personaCurves(journey: Journey): PersonaCurve[] {
	const curve = emotionCurve(journey);
	return curvePersonas(journey).map((persona) => ({ persona, points: curve.filter((point) => onCurveOf(point.touchpoint, persona)) }));
}

const quote = (touchpoint: Touchpoint) => `“${touchpoint.name}”`;

/** How many of each kind the short "what to look at" list keeps, strongest first. */
const SUMMARY_LIMITS: Record<InsightKind, number> = {
	'weakest-transition': 1,
	'rapid-drop': 2,
	trough: 2,
	'emotion-gap': 1,
	sawtooth: 1,
	'unowned-pain': 2,
	peak: 1,
	'end-to-end-conversion': 1,
};

/** A short "what to look at" list: the strongest few of each kind, problems first. */
export function summarizeInsights(insights: readonly Insight[]): Insight[] {
	const strength = (insight: Insight) => {
		const value = insight.value ?? 0;
		// Lower is stronger for scores of troughs and shares of transitions.
		return insight.kind === 'trough' || insight.kind === 'weakest-transition' ? -value : value;
	};
	const kept = (Object.keys(SUMMARY_LIMITS) as InsightKind[]).flatMap((kind) =>
		insights
			.filter((insight) => insight.kind === kind)
			.map((insight, index) => ({ insight, index }))
			.sort((a, b) => strength(b.insight) - strength(a.insight) || a.index - b.index)
			.slice(0, SUMMARY_LIMITS[kind])
			.map(({ insight }) => insight)
	);
	// Keep the journey order of the full list.
	return insights.filter((insight) => kept.includes(insight));
}

/**
 * Every insight about `journey`, problems first, then positives, then context. Curve reading and
 * conversion run per persona (see `personaCurves`): on a multi-persona map, a drop from one
 * person's feeling to another's is no drop, and each insight names the persona it reads.
 */
export function journeyInsights(journey: Journey): Insight[] {
	const touchpoints = touchpointsOf(journey);
	const path = mainPath(journey);
	const seen = new Set<string>();
	/** Touchpoints that name no persona, and so are on every curve. */
	const everyones = new Set(touchpoints.filter((touchpoint) => !touchpoint.persona).map((touchpoint) => touchpoint.id));
	const insights = personaCurves(journey).flatMap(({ persona, points }) => {
		const mine = (list: Touchpoint[]) => list.filter((touchpoint) => onCurveOf(touchpoint, persona));
		const found = [...rapidDrops(points), ...extremes(points), ...sawtooth(points), ...emotionGap(points), ...conversion(mine(touchpoints), mine(path))];
		return found.flatMap((insight) => {
			// Touchpoints that name nobody are on every curve: what only they show is said once, for everyone.
			const key = `${insight.kind}:${insight.touchpoints.join(' ')}`;
			if (seen.has(key)) return [];
			seen.add(key);
			const shared = insight.touchpoints.every((id) => everyones.has(id));
			return [persona === ALL_PERSONAS || shared ? insight : { ...insight, persona }];
		});
	});
	insights.push(...painsWithoutOwner(touchpoints));
	const order = { problem: 0, positive: 1, info: 2 };
	return insights.sort((a, b) => order[a.tone] - order[b.tone]);
}

/** Falls of RAPID_DROP or more between consecutive points: large gaps in expectations. */
export function rapidDrops(curve: CurvePoint[]): Insight[] {
	return curve.slice(1).flatMap((point, i) => {
		const before = curve[i];
		const fall = before.score - point.score;
		if (fall < RAPID_DROP) return [];
		return [
			{
				kind: 'rapid-drop' as const,
				tone: 'problem' as const,
				touchpoints: [before.touchpoint.id, point.touchpoint.id],
				value: fall,
				message: `Rapid drop: emotion falls from ${signed(before.score)} at ${quote(before.touchpoint)} to ${signed(point.score)} at ${quote(point.touchpoint)}.`,
			},
		];
	});
}

/**
 * Troughs (local minima at -1 or below: room to lift the whole experience) and positive peaks
 * (local maxima at +1 or above: worth protecting and lifting higher). A plateau counts once.
 */
export function extremes(curve: CurvePoint[]): Insight[] {
	// Collapse runs of equal scores, so a flat bottom is one trough.
	const runs: CurvePoint[][] = [];
	for (const point of curve) {
		const last = runs.at(-1);
		if (last && last[0].score === point.score) last.push(point);
		else runs.push([point]);
	}
	return runs.flatMap((run, i): Insight[] => {
		const score = run[0].score;
		const neighbours = [runs[i - 1]?.[0].score, runs[i + 1]?.[0].score].filter((n) => n !== undefined);
		const names = run.map((point) => quote(point.touchpoint)).join(', ');
		const ids = run.map((point) => point.touchpoint.id);
		if (score <= -1 && neighbours.every((n) => n > score)) {
			return [{ kind: 'trough', tone: 'problem', touchpoints: ids, value: score, message: `Trough at ${names} (${signed(score)}): an opportunity to lift the whole experience.` }];
		}
		if (score >= 1 && neighbours.every((n) => n < score)) {
			return [{ kind: 'peak', tone: 'positive', touchpoints: ids, value: score, message: `Positive peak at ${names} (${signed(score)}): protect it, and lift it higher.` }];
		}
		return [];
	});
}

/** Stretches where emotion changes direction at every step, three times or more: exhausting for the customer. */
export function sawtooth(curve: CurvePoint[]): Insight[] {
	const insights: Insight[] = [];
	const deltas = curve.slice(1).map((point, i) => Math.sign(point.score - curve[i].score));
	let start = 0;
	for (let i = 1; i <= deltas.length; i++) {
		const alternates = i < deltas.length && deltas[i] !== 0 && deltas[i] === -deltas[i - 1];
		if (alternates) continue;
		const reversals = i - start - 1;
		if (reversals >= 3) {
			const points = curve.slice(start, i + 1);
			insights.push({
				kind: 'sawtooth',
				tone: 'problem',
				touchpoints: points.map((point) => point.touchpoint.id),
				value: reversals,
				message: `Sawtooth from ${quote(points[0].touchpoint)} to ${quote(points.at(-1)!.touchpoint)}: emotion changes direction ${reversals} times in a row, which wears the customer out.`,
			});
		}
		start = i;
	}
	return insights;
}

/** The widest gap between how the customer wants to feel and how they feel, when it is 2 or more. */
export function emotionGap(curve: CurvePoint[]): Insight[] {
	const gaps = curve.filter((point) => point.desired !== undefined && point.desired - point.score >= 2);
	if (gaps.length === 0) return [];
	const widest = gaps.reduce((a, b) => (b.desired! - b.score > a.desired! - a.score ? b : a));
	const gap = widest.desired! - widest.score;
	return [
		{
			kind: 'emotion-gap',
			tone: 'problem',
			touchpoints: [widest.touchpoint.id],
			value: gap,
			message: `Widest expectation gap at ${quote(widest.touchpoint)}: the customer feels ${signed(widest.score)} but wants to feel ${signed(widest.desired!)}.`,
		},
	];
}

/**
 * The path most customers take: from the first touchpoint, along `next`, taking the edge with the
 * largest share at each branch (the first one when no shares are given), until the journey ends.
 */
export function mainPath(journey: Journey): Touchpoint[] {
	const all = touchpointsOf(journey);
	const byId = new Map(all.map((touchpoint) => [touchpoint.id, touchpoint]));
	const path: Touchpoint[] = [];
	for (let current = all[0]; current && !path.includes(current); ) {
		path.push(current);
		const edge = current.next.reduce<(typeof current.next)[number] | undefined>((best, e) => (!best || (e.share ?? 0) > (best.share ?? 0) ? e : best), undefined);
		current = edge ? byId.get(edge.to)! : undefined!;
	}
	return path;
}

/**
 * The weakest transition (the lowest conversion: the barrier to fix first) and the end-to-end
 * conversion along the main path (the product of its conversions: the share that gets all the way through).
 */
export function conversion(touchpoints: Touchpoint[], path: Touchpoint[] = touchpoints): Insight[] {
	const measured = touchpoints.filter((touchpoint) => touchpoint.conversion !== undefined);
	if (measured.length === 0) return [];
	const insights: Insight[] = [];
	const weakest = measured.reduce((a, b) => (b.conversion! < a.conversion! ? b : a));
	if (weakest.conversion! < 1) {
		const index = measured.indexOf(weakest);
		const before = index > 0 ? measured[index - 1] : undefined;
		const context = before ? `, after ${percent(before.conversion!)} at ${quote(before)}` : '';
		insights.push({
			kind: 'weakest-transition',
			tone: 'problem',
			touchpoints: [weakest.id],
			value: weakest.conversion,
			message: `Weakest transition: only ${percent(weakest.conversion!)} get past ${quote(weakest)}${context}. This is the barrier to look at first.`,
		});
	}
	const onPath = path.filter((touchpoint) => touchpoint.conversion !== undefined);
	if (onPath.length > 1) {
		const total = onPath.reduce((share, touchpoint) => share * touchpoint.conversion!, 1);
		const branches = path.length < touchpoints.length ? ' on the main path' : '';
		insights.push({
			kind: 'end-to-end-conversion',
			tone: 'info',
			touchpoints: onPath.map((touchpoint) => touchpoint.id),
			value: total,
			message: `End-to-end conversion: ${percent(total)} of customers get through all ${onPath.length} measured steps${branches}.`,
		});
	}
	return insights;
}

/** Touchpoints whose pains nobody owns: nobody will fix them. */
export function painsWithoutOwner(touchpoints: Touchpoint[]): Insight[] {
	return touchpoints.flatMap((touchpoint) => {
		const unowned = unownedPains(touchpoint);
		if (unowned.length === 0) return [];
		return [
			{
				kind: 'unowned-pain' as const,
				tone: 'problem' as const,
				touchpoints: [touchpoint.id],
				value: unowned.length,
				message: `${unowned.length === 1 ? 'A pain' : `${unowned.length} pains`} at ${quote(touchpoint)} ${unowned.length === 1 ? 'has' : 'have'} no owner.`,
			},
		];
	});
}
