/** The validated content, as pages read it from the collections, with the look-ups pages need, indexed once per build. */
import { getCollection } from 'astro:content';
import { type Project, routeSlugs } from '../core/index.ts';
import { type JourneyEntry, type ModelCollection, type PersonaEntry, siteModels } from './entries.ts';
import { useRouteSlugs } from './urls.ts';

export interface SiteContent extends Project {
	journeys: JourneyEntry[];
	personas: PersonaEntry[];
	persona: (id: string) => PersonaEntry | undefined;
	journey: (id: string) => JourneyEntry | undefined;
	/** Journeys that follow a persona, in title order. */
	journeysOf: (personaId: string) => JourneyEntry[];
	/** Future-state journeys whose baseline is the given journey, in title order. */
	futuresOf: (journeyId: string) => JourneyEntry[];
}

/** The content, derived once per version of the models: once per build, and once per change in `astro dev`. */
let content: { version: number; value: Promise<SiteContent> } | undefined;

/** Appends `value` to the list under each key. */
function group<T>(entries: Iterable<[string, T]>): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const [key, value] of entries) {
		const list = groups.get(key);
		if (list) list.push(value);
		else groups.set(key, [value]);
	}
	return groups;
}

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
		const journeys = modelsOf('journeys', await entriesOf('journeys'), siteModels.journeys).sort((a, b) => a.title.localeCompare(b.title));
		const personas = modelsOf('personas', await entriesOf('personas'), siteModels.personas).sort((a, b) => a.name.localeCompare(b.name));
		const personaById = new Map(personas.map((persona) => [persona.id, persona]));
		const journeyById = new Map(journeys.map((journey) => [journey.id, journey]));
		// A journey names a persona once, so each appears once in its list.
		const byPersona = group(journeys.flatMap((journey) => [...new Set(journey.personas)].map((id): [string, JourneyEntry] => [id, journey])));
		const byBaseline = group(journeys.flatMap((journey): Array<[string, JourneyEntry]> => (journey.baseline ? [[journey.baseline, journey]] : [])));
		useRouteSlugs(routeSlugs({ journeys, personas }));
		return {
			journeys,
			personas,
			persona: (id) => personaById.get(id),
			journey: (id) => journeyById.get(id),
			journeysOf: (id) => byPersona.get(id) ?? [],
			futuresOf: (id) => byBaseline.get(id) ?? [],
		};
	})();
	content = { version: siteModels.version, value };
	return value;
}
