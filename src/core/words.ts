/** How numbers read in the text people see: scores, shares and counts, the same on every page and report. */

/** A score on the -2..+2 scale with its sign: `+2`, `−1` (a true minus sign), `0`. */
export const signed = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0');

/** A share as a percentage with at most one decimal: `0.875` is `87.5%`. */
export const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/** The noun for a count: `journey` for 1, `journeys` for any other; give `plural` where adding an s is wrong. */
export const nounFor = (count: number, singular: string, plural = `${singular}s`): string => (count === 1 ? singular : plural);

/** A count and its noun: `1 journey`, `0 journeys`, `3 opportunities`. */
export const counted = (count: number, singular: string, plural?: string): string => `${count} ${nounFor(count, singular, plural)}`;
