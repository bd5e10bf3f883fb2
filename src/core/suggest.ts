import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `value` when it is close enough to be a likely typo: at most two
 * edits, and fewer edits than half its length (so `id` never suggests `to`).
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
	const list = [...candidates];
	if (list.length === 0) return undefined;
	const best = closest(value.toLowerCase(), list.map((candidate) => candidate.toLowerCase()));
	const match = list.find((candidate) => candidate.toLowerCase() === best)!;
	return best === value.toLowerCase() || isNearMiss(value, match) ? match : undefined;
}

/** Whether `value` is a near miss of `target`: not equal (ignoring case), within two edits. */
export function isNearMiss(value: string, target: string): boolean {
	const a = value.toLowerCase();
	const b = target.toLowerCase();
	if (a === b) return false;
	const edits = distance(a, b);
	return edits <= 2 && edits * 2 < Math.max(a.length, b.length);
}

/** "`a`, `b` or `c`" */
export function listOf(values: readonly string[], conjunction = 'or'): string {
	const quoted = values.map((value) => `\`${value}\``);
	return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}
