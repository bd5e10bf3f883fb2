/**
 * The journey pages' paths and data (journey-page.ts), each found once per build. When
 * `cjm build --cache` asks for an incremental build, `getStaticPaths` finds every page's data for
 * its `cacheKey` (the digest of that data) and hands it to the page's render, if Astro renders the
 * page at all: it copies a page from the last build when both its key and its code are unchanged.
 */
import { type SiteContent, siteContent } from './content.ts';
import type { JourneyEntry } from './entries.ts';
import { journeyReview, reviewSettings, touchpointChanges } from './health.ts';
import { journeyImages } from './images.ts';
import { type JourneyPage, journeyPage } from './journey-page.ts';
import { incrementalBuild, pageKey } from './page-key.ts';

/** Pages whose data `getStaticPaths` found for their keys, until their render takes it. */
const found = new WeakMap<SiteContent, Map<string, Promise<JourneyPage>>>();

async function findPage(content: SiteContent, journey: JourneyEntry): Promise<JourneyPage> {
	const context = { images: await journeyImages(journey), review: journeyReview(journey, await reviewSettings()), changed: await touchpointChanges(journey) };
	return journeyPage(content, journey, context);
}

/**
 * The data of the journey `id`'s page: the one its key was made from, else found now. Taken, not
 * kept: at 1000 journeys, holding every page's data for the whole build made it slower (the
 * garbage collector walks it again and again).
 */
export async function journeyPageOf(id: string): Promise<JourneyPage> {
	const content = await siteContent();
	const pages = found.get(content);
	const page = pages?.get(id);
	if (page) {
		pages?.delete(id);
		return page;
	}
	const journey = content.journey(id);
	if (!journey) throw new Error(`No journey "${id}" in the content collection.`);
	return findPage(content, journey);
}

export async function journeyPaths() {
	const content = await siteContent();
	if (!incrementalBuild()) return content.journeys.map((journey) => ({ params: { slug: journey.id }, props: { id: journey.id } }));
	const pages = new Map(content.journeys.map((journey) => [journey.id, findPage(content, journey)]));
	found.set(content, pages);
	return Promise.all(content.journeys.map(async (journey) => ({ params: { slug: journey.id }, props: { id: journey.id }, cacheKey: pageKey(await pages.get(journey.id)!) })));
}
