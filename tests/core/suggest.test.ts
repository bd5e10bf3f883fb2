import fc from 'fast-check';
import { closest, distance } from 'fastest-levenshtein';
import { describe, expect, test } from 'vitest';
import { didYouMean, isNearMiss, suggester } from '../../src/core/suggest.ts';

/** What the index must agree with: the plain scans it replaces. */
const scanClosest = (value: string, candidates: string[], except?: string) => {
	const list = candidates.filter((candidate) => candidate !== except);
	if (list.length === 0) return undefined;
	const best = closest(value.toLowerCase(), list.map((candidate) => candidate.toLowerCase()));
	const match = list.find((candidate) => candidate.toLowerCase() === best)!;
	return best === value.toLowerCase() || isNearMiss(value, match) ? match : undefined;
};
const scanFirst = (value: string, candidates: string[]) => {
	const at = candidates.findIndex((candidate) => isNearMiss(value, candidate));
	return at === -1 ? undefined : at;
};

// Small alphabets make near misses common, so the index's every branch is exercised.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'D', '-', ' '), minLength: 0, maxLength: 14 });

describe('suggester', () => {
	test.each([10, 200])('agrees with a plain scan over %i candidates', (size) => {
		fc.assert(
			fc.property(fc.uniqueArray(word, { minLength: size, maxLength: size }), fc.array(word, { minLength: 1, maxLength: 20 }), (candidates, values) => {
				const index = suggester(candidates);
				for (const value of values) {
					expect(index.closest(value)).toBe(scanClosest(value, candidates));
					expect(index.closest(value, candidates[0])).toBe(scanClosest(value, candidates, candidates[0]));
					expect(index.firstNearMissAt(value)).toBe(scanFirst(value, candidates));
				}
			}),
			{ numRuns: size > 100 ? 20 : 100 }
		);
	});

	test('finds typos anywhere in long names, past the indexed prefix', () => {
		const names = Array.from({ length: 500 }, (_, i) => `Touchpoint number ${i} of the long journey`);
		const index = suggester(names);
		expect(index.closest('Touchpoint number 42 of the lng journey')).toBe('Touchpoint number 42 of the long journey');
		expect(index.closest('Tuchpoint number 42 of the long journey')).toBe('Touchpoint number 42 of the long journey');
		expect(index.closest('Xouchpoint number 42 of the long jurney')).toBe('Touchpoint number 42 of the long journey');
		expect(distance('Touchpoint number 42 of the long journey', 'Touchpoint number 7 of the long journey')).toBe(2);
		expect(index.closest('Something else entirely')).toBeUndefined();
	});

	test('didYouMean keeps its rules: two edits at most, fewer than half the length', () => {
		expect(didYouMean('serch', ['search', 'compare'])).toBe('search');
		expect(didYouMean('SEARCH', ['search'])).toBe('search');
		expect(didYouMean('id', ['to'])).toBeUndefined();
		expect(didYouMean('x', [])).toBeUndefined();
	});
});
