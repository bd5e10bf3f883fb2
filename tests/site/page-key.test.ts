/** A page's cacheKey: a digest of all the data it renders, which refuses data JSON would drop. */
import { expect, test } from 'vitest';
import { siteModels } from '../../src/site/entries.ts';
import { pageKey } from '../../src/site/page-key.ts';

const page = { journey: { id: 'a', stages: [{ name: 'Before' }] }, links: { partOf: [{ href: '/journeys/b/', title: 'B' }] } };

test('the same data gives the same key; a change anywhere in it, another', () => {
	expect(pageKey(structuredClone(page))).toBe(pageKey(page));
	const renamed = structuredClone(page);
	renamed.links.partOf[0]!.title = 'B, renamed';
	expect(pageKey(renamed)).not.toBe(pageKey(page));
	const restaged = structuredClone(page);
	restaged.journey.stages[0]!.name = 'After';
	expect(pageKey(restaged)).not.toBe(pageKey(page));
});

test('data the digest would miss is refused: a function, a Map, a Set', () => {
	expect(() => pageKey({ ...page, zoomTarget: () => undefined })).toThrow(/"zoomTarget" is a function/);
	expect(() => pageKey({ ...page, images: new Map([['a.png', 1]]) })).toThrow(/"images" is a Map/);
	expect(() => pageKey({ ...page, tags: new Set(['x']) })).toThrow(/"tags" is a Set/);
});

test('a model counts by the digest Astro’s store took of it, not written out again', () => {
	const journey = { id: 'a', stages: [{ name: 'Before' }] };
	siteModels.digests.set(journey, 'digest-1');
	const key = pageKey({ journey, title: 'A' });
	// The digest stands for the model: the store takes a new one whenever the model changes.
	journey.stages[0]!.name = 'After';
	expect(pageKey({ journey, title: 'A' })).toBe(key);
	siteModels.digests.set(journey, 'digest-2');
	expect(pageKey({ journey, title: 'A' })).not.toBe(key);
	// The same data without a digest is written out: another key.
	expect(pageKey({ journey: structuredClone(journey), title: 'A' })).not.toBe(pageKey({ journey, title: 'A' }));
});
