/**
 * The health of every map: who owns it, when it was last reviewed and whether that is due again,
 * and what research and ownership it lacks. One row per journey for the health page; the same
 * review state drives the "review due" notice on the journey page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { counted, type ReviewState, reviewState, todayIso, touchpointDates, touchpointsOf, unownedPains } from '../core/index.ts';
import { lineDates } from '../history.ts';
import type { SiteContent } from './content.ts';
import type { JourneyEntry } from './entries.ts';
import { contentRoot, siteProject } from './project.ts';

export interface ReviewSettings {
	/** The build's date, `YYYY-MM-DD`: ages are measured to it. */
	today: string;
	/** Days a review holds. */
	every: number;
}

/** The settings of this build, from the project's `cjm.config.yaml` (or the defaults). */
export async function reviewSettings(): Promise<ReviewSettings> {
	return { today: todayIso(), every: (await siteProject()).config.review.every };
}

/** A journey's review state on the build's date. */
export const journeyReview = (journey: JourneyEntry, settings: ReviewSettings): ReviewState =>
	reviewState(journey, { ...settings, lastCommit: journey.lastCommit });

export interface HealthRow {
	journey: JourneyEntry;
	review: ReviewState;
	/** Pains that neither they nor their touchpoint give an owner. */
	unownedPains: number;
	/** Touchpoints that name no source in `evidence`. */
	withoutEvidence: number;
	touchpoints: number;
	/** What to do about the map, most pressing first; empty when nothing is. */
	due: string[];
}

/** One row per journey: overdue reviews first, then by age, oldest first. */
export function healthRows(content: SiteContent, settings: ReviewSettings): HealthRow[] {
	const rows = content.journeys.map((journey): HealthRow => {
		const touchpoints = touchpointsOf(journey);
		const review = journeyReview(journey, settings);
		const unowned = touchpoints.reduce((sum, t) => sum + unownedPains(t).length, 0);
		const withoutEvidence = touchpoints.filter((t) => !t.evidence).length;
		const due = [
			...(review.due ? [`Review (${counted(review.age! - review.every, 'day')} overdue)`] : []),
			...(review.last === undefined ? ['Record a review date (`reviewed`)'] : []),
			...(journey.owner ? [] : ['Give the map an owner']),
			...(journey.status === 'hypothesis' ? ['Validate with research'] : []),
			...(unowned > 0 ? [`Find owners for ${counted(unowned, 'pain')}`] : []),
		];
		return { journey, review, unownedPains: unowned, withoutEvidence, touchpoints: touchpoints.length, due };
	});
	return rows.sort((a, b) => Number(b.review.due) - Number(a.review.due) || (b.review.age ?? -1) - (a.review.age ?? -1) || a.journey.title.localeCompare(b.journey.title));
}

/**
 * When each touchpoint of `journey` last changed, from one `git blame` of its file, when the
 * project's settings ask for it (`blame: true`); undefined otherwise. Costs a git process per
 * journey page, hence opt-in.
 */
export async function touchpointChanges(journey: JourneyEntry): Promise<Record<string, string> | undefined> {
	const { config } = await siteProject();
	if (!config.blame) return undefined;
	const root = contentRoot();
	const text = await readFile(join(root, journey.path), 'utf8').catch(() => undefined);
	return text === undefined ? undefined : touchpointDates(text, journey, lineDates(root, journey.path));
}
