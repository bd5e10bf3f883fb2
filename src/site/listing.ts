/**
 * How much of a long list a page shows. The backlog, owner and channel pages list the most urgent
 * rows and offer everything as a CSV download: with a thousand journeys an owner or a channel
 * such as "web" has thousands of touchpoints, which no reader scrolls and no page should weigh.
 */
import { counted, nounFor } from '../core/index.ts';

/** Rows a page lists. */
export const SHOWN = 100;
/** Items a cell of the impact/effort matrix lists. */
export const CELL_ITEMS = 5;

export interface Listing<T> {
	/** The first `limit` items, in the list's order. */
	shown: T[];
	total: number;
	/** How many are left out. */
	more: number;
}

export function listing<T>(items: T[], limit = SHOWN): Listing<T> {
	return { shown: items.slice(0, limit), total: items.length, more: Math.max(0, items.length - limit) };
}

/** "The 100 most urgent of 2345 touchpoints", or "12 touchpoints" ("1 touchpoint") when all are shown. */
export const urgentCaption = (total: number, singular: string, plural?: string, limit = SHOWN): string =>
	total > limit ? `The ${limit} most urgent of ${total} ${nounFor(total, singular, plural)}` : counted(total, singular, plural);
