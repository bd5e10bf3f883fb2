/** Small text helpers shared by the renderers: the words and numbers readers see. */
import type { Emotion, Item } from '../core/index.ts';

export { counted, nounFor, percent, signed } from '../core/index.ts';

/** Words for the -2..+2 scale, used in tables, tooltips and chart descriptions. */
export const EMOTION_WORDS: Record<number, string> = {
	[-2]: 'very negative',
	[-1]: 'negative',
	0: 'neutral',
	1: 'positive',
	2: 'very positive',
};

/** CSS class suffix for a score: `n2`, `n1`, `0`, `p1`, `p2`; `none` without emotion. */
export const emotionClass = (emotion: Emotion | undefined): string =>
	emotion === undefined ? 'none' : emotion.actual < 0 ? `n${-emotion.actual}` : emotion.actual > 0 ? `p${emotion.actual}` : '0';

/** "impact 5 · effort 2 · Kitchen", the details of a pain or opportunity. */
export function itemDetails(item: Item): string[] {
	return [
		item.owner,
		item.impact === undefined ? undefined : `impact ${item.impact}`,
		item.effort === undefined ? undefined : `effort ${item.effort}`,
	].filter((part): part is string => part !== undefined);
}

/** Anchor ids on the journey page, shared by the table, the chart and the flow so links agree. */
export const anchor = {
	stage: (id: string) => `stage-${id}`,
	touchpoint: (id: string) => `touchpoint-${id}`,
};
