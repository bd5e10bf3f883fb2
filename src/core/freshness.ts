/**
 * When a map was last reviewed and whether it is due again. The last review is the journey's
 * `reviewed` date, else the last commit that touched its file; the dates come in from outside
 * (git lives in the CLI and the site), so this stays plain date arithmetic.
 */
import type { VFile } from 'vfile';
import type { Config } from './config.ts';
import type { Journey } from './model.ts';
import { FILE_START, type Place } from './place.ts';
import { report } from './rules.ts';
import { counted } from './words.ts';

export interface ReviewState {
	/** `YYYY-MM-DD` of the last review, if anything says. */
	last?: string;
	/** Where `last` comes from: the `reviewed` field, or the file's last commit. */
	from?: 'reviewed' | 'commit';
	/** Whole days from `last` to today. */
	age?: number;
	/** Days a review holds (the config's `review.every`). */
	every: number;
	/** Older than a review holds. */
	due: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

/** Today as `YYYY-MM-DD` (UTC). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Whole days from `from` to `to`, both `YYYY-MM-DD` (or ISO date-times, read by their date). */
export function daysBetween(from: string, to: string): number {
	return Math.floor((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY);
}

/** The review state of `journey` on `today`; `lastCommit` is its file's last commit date, if known. */
export function reviewState(journey: Pick<Journey, 'reviewed'>, options: { today: string; every: number; lastCommit?: string }): ReviewState {
	const last = journey.reviewed?.slice(0, 10) ?? options.lastCommit?.slice(0, 10);
	if (!last) return { every: options.every, due: false };
	const age = daysBetween(last, options.today);
	return { last, from: journey.reviewed ? 'reviewed' : 'commit', age, every: options.every, due: age > options.every };
}

/** "1 day", "412 days" */
const days = (count: number) => counted(count, 'day');

/** Reports `stale-map` on a journey whose last review is older than the config allows. */
export function checkFreshness(
	file: VFile,
	journey: Journey,
	options: { config: Config; today: string; lastCommit?: string; reviewedPlace?: Place }
): ReviewState {
	const state = reviewState(journey, { today: options.today, every: options.config.review.every, lastCommit: options.lastCommit });
	if (!state.due || state.last === undefined || state.age === undefined) return state;
	const when = state.from === 'reviewed' ? `reviewed ${days(state.age)} ago (${state.last})` : `last changed ${days(state.age)} ago (${state.last}, its last commit; no \`reviewed\` date)`;
	const who = journey.owner ? `its owner ${journey.owner}` : 'an owner (it has none: add `owner`)';
	const reason =
		journey.status === 'hypothesis'
			? `Unexpected hypothesis map ${when} that was never validated, reviews hold ${days(state.every)}: validate it with research and set \`status: validated\`, or review its assumptions with ${who} and update \`reviewed\``
			: `Unexpected map ${when}, reviews hold ${days(state.every)}: review it with ${who} and update \`reviewed\``;
	report(file, 'stale-map', reason, state.from === 'reviewed' && options.reviewedPlace ? options.reviewedPlace : FILE_START);
	return state;
}
