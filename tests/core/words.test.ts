import { expect, test } from 'vitest';
import { counted, nounFor, percent, signed } from '../../src/core/index.ts';

test('a count takes the singular for one and the plural for any other number', () => {
	expect([0, 1, 2].map((n) => counted(n, 'journey'))).toEqual(['0 journeys', '1 journey', '2 journeys']);
	expect([1, 3].map((n) => counted(n, 'opportunity', 'opportunities'))).toEqual(['1 opportunity', '3 opportunities']);
	expect(nounFor(1, 'pain point')).toBe('pain point');
	expect(nounFor(-1, 'day')).toBe('days');
});

test('scores carry their sign, with a true minus, and shares at most one decimal', () => {
	expect([-2, 0, 1].map(signed)).toEqual(['−2', '0', '+1']);
	expect([0.875, 1 / 3, 1].map(percent)).toEqual(['87.5%', '33.3%', '100%']);
});
