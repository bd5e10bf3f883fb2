/**
 * The journey pages' paths and data. Each page's data (journey-page.ts) is found once per build
 * and shared by its `getStaticPaths` and its render. When `cjm build --cache` asks for an
 * incremental build, every path carries the digest of that data as its `cacheKey`, and Astro
 * copies a page from the last build when both it and the page's code are unchanged.
 */
import { type SiteContent, siteContent } from './content.ts';
import { journeyReview, reviewSettings, touchpointChanges } from './health.ts';
import { journeyImages } from './images.ts';
import { type JourneyPage, journeyPage } from './journey-page.ts';
import { incrementalBuild, pageKey } from './page-key.ts';

const found = new WeakMap<SiteContent, Map<string, Promise<JourneyPage>>>();

/** The data of the journey `id`'s page, found once per content. */
export function journeyPageOf(content: SiteContent, id: string): Promise<JourneyPage> {
	let pages = found.get(content);
	if (!pages) found.set(content, (pages = new Map()));
	let page = pages.get(id);
	if (!page) {
		page = (async () => {
			const journey = content.journey(id);
			if (!journey) throw new Error(`No journey "${id}" in the content collection.`);
			const context = { images: await journeyImages(journey), review: journeyReview(journey, await reviewSettings()), changed: await touchpointChanges(journey) };
			return journeyPage(content, journey, context);
		})();
		pages.set(id, page);
	}
	return page;
}

export async function journeyPaths() {
	const content = await siteContent();
	const incremental = incrementalBuild();
	return Promise.all(
		content.journeys.map(async (journey) => ({
			params: { slug: journey.id },
			props: { id: journey.id },
			...(incremental && { cacheKey: pageKey(await journeyPageOf(content, journey.id)) }),
		}))
	);
}
