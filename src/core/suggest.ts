import { distance } from 'fastest-levenshtein';

/**
 * Typo suggestions. Comparing every value with every candidate is quadratic (12,000 headings
 * against 12,000 touchpoints took minutes), so large candidate lists are indexed the SymSpell
 * way: each candidate's prefix, and its suffix, with up to two characters deleted, point back at
 * it. Two strings within two edits share such a variant of their prefixes and one of their
 * suffixes, so either index yields every candidate that can match; a lookup takes the smaller
 * and verifies it with the real edit distance. Results are exactly those of a plain scan.
 */
const MAX_EDITS = 2;
const AFFIX = 8;
/** Below this many candidates, a plain scan is as fast as building an index. */
const SCAN_BELOW = 64;

/** Whether `value` is a near miss of `target`: not equal (ignoring case), within two edits. */
export function isNearMiss(value: string, target: string): boolean {
	const a = value.toLowerCase();
	const b = target.toLowerCase();
	if (a === b) return false;
	const edits = distance(a, b);
	return edits <= MAX_EDITS && edits * 2 < Math.max(a.length, b.length);
}

export interface Suggester {
	/** The candidate closest to `value` when it is close enough to be a likely typo (or equal ignoring case); never `except`. */
	closest(value: string, except?: string): string | undefined;
	/** The position of the first candidate, in list order, that is a near miss of `value`. */
	firstNearMissAt(value: string): number | undefined;
}

/** Builds the lookups once for a list of candidates that many values are checked against. */
export function suggester(candidates: readonly string[]): Suggester {
	const lower = candidates.map((candidate) => candidate.toLowerCase());
	// Built on the first look-up: most lists (every touchpoint id of a journey) are never asked.
	let built: { prefixes: Map<string, number[]>; suffixes: Map<string, number[]>; seen: Int32Array; stamp: number } | undefined;
	const indexed = () => (built ??= { prefixes: indexOf(lower, prefix), suffixes: indexOf(lower, suffix), seen: new Int32Array(lower.length), stamp: 0 });
	/** Calls `visit` once for every candidate that may be within two edits of `wanted` (lower case). */
	const near = (wanted: string, visit: (i: number) => void): void => {
		if (lower.length < SCAN_BELOW) {
			for (let i = 0; i < lower.length; i++) visit(i);
			return;
		}
		const index = indexed();
		const buckets = (positions: Map<string, number[]>, affix: string) => [...deletions(affix)].map((variant) => positions.get(variant) ?? []);
		const byPrefix = buckets(index.prefixes, prefix(wanted));
		const bySuffix = buckets(index.suffixes, suffix(wanted));
		const size = (lists: number[][]) => lists.reduce((sum, list) => sum + list.length, 0);
		const stamp = ++index.stamp;
		for (const bucket of size(byPrefix) <= size(bySuffix) ? byPrefix : bySuffix) {
			for (const i of bucket) {
				if (index.seen[i] === stamp) continue;
				index.seen[i] = stamp;
				visit(i);
			}
		}
	};
	return {
		closest(value, except) {
			const wanted = value.toLowerCase();
			let best = -1;
			let bestEdits = Infinity;
			near(wanted, (i) => {
				if (candidates[i] === except) return;
				const edits = distance(wanted, lower[i]);
				// Ties go to the earlier candidate, as in a scan.
				if (edits < bestEdits || (edits === bestEdits && i < best)) [best, bestEdits] = [i, edits];
			});
			if (best === -1) return undefined;
			return bestEdits === 0 || isNearMiss(value, candidates[best]) ? candidates[best] : undefined;
		},
		firstNearMissAt(value) {
			let first: number | undefined;
			near(value.toLowerCase(), (i) => {
				if ((first === undefined || i < first) && isNearMiss(value, candidates[i])) first = i;
			});
			return first;
		},
	};
}

/**
 * The candidate closest to `value` when it is close enough to be a likely typo: at most two
 * edits, and fewer edits than half its length (so `id` never suggests `to`).
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
	return suggester([...candidates]).closest(value);
}

const prefix = (text: string) => text.slice(0, AFFIX);
const suffix = (text: string) => text.slice(-AFFIX);

function indexOf(lower: readonly string[], affix: (text: string) => string): Map<string, number[]> {
	const positions = new Map<string, number[]>();
	lower.forEach((candidate, i) => {
		for (const variant of deletions(affix(candidate))) {
			const bucket = positions.get(variant);
			if (bucket) bucket.push(i);
			else positions.set(variant, [i]);
		}
	});
	return positions;
}

/** `word` with up to two characters deleted, in every way. */
function deletions(word: string): Set<string> {
	const out = new Set([word]);
	let frontier = [word];
	for (let round = 0; round < MAX_EDITS; round++) {
		const next: string[] = [];
		for (const each of frontier) {
			for (let i = 0; i < each.length; i++) {
				const shorter = each.slice(0, i) + each.slice(i + 1);
				if (!out.has(shorter)) {
					out.add(shorter);
					next.push(shorter);
				}
			}
		}
		frontier = next;
	}
	return out;
}

/** "`a`, `b` or `c`" */
export function listOf(values: readonly string[], conjunction = 'or'): string {
	const quoted = values.map((value) => `\`${value}\``);
	return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}
