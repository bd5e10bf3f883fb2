/** The validated content, as pages read it from the collections, with the look-ups pages need, indexed once per build. */
import { getCollection } from 'astro:content';
import { routeSlugs } from '../core/index.ts';
import { indexContent, type SiteContent } from './content-index.ts';
import { type ModelCollection, siteModels } from './entries.ts';
import { useRouteSlugs } from './urls.ts';

export type { SiteContent } from './content-index.ts';

/** The content, derived once per version of the models: once per build, and once per change in `astro dev`. */
let content: { version: number; value: Promise<SiteContent> } | undefined;

/**
 * The models of a collection's entries: the store lists the entries, their models are in memory
 * (entries.ts). In `astro dev` the store on disk can lag a change by its write, so an entry deleted
 * since has no model and is left out; in a build every entry has one, and a missing one would
 * otherwise publish a site without it.
 */
function modelsOf<T>(collection: string, entries: Array<{ id: string }>, models: Map<string, T>): T[] {
	return entries.flatMap((entry) => {
		const model = models.get(entry.id);
		if (model !== undefined) return [model];
		if (import.meta.env.DEV) return [];
		throw new Error(`The ${collection} entry "${entry.id}" has no model in memory: the content loaders and the pages must run in the same process (see src/site/entries.ts).`);
	});
}

/**
 * A collection's entries, as the store lists them. Astro warns on every read of an empty collection,
 * telling the author to check a content config that is ours: when this process's loader stored no
 * model (a project with a persona and no journey yet), the collection is empty without asking.
 */
async function entriesOf(collection: ModelCollection): Promise<Array<{ id: string }>> {
	return siteModels.loaded.has(collection) && siteModels[collection].size === 0 ? [] : getCollection(collection);
}

export function siteContent(): Promise<SiteContent> {
	if (content?.version === siteModels.version) return content.value;
	const value = (async (): Promise<SiteContent> => {
		const indexed = indexContent({
			journeys: modelsOf('journeys', await entriesOf('journeys'), siteModels.journeys),
			personas: modelsOf('personas', await entriesOf('personas'), siteModels.personas),
		});
		useRouteSlugs(routeSlugs(indexed));
		return indexed;
	})();
	content = { version: siteModels.version, value };
	return value;
}
