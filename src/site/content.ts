/** The validated content, as pages read it from the collections. */
import { getCollection } from 'astro:content';
import { type Project, routeSlugs } from '../core/index.ts';
import type { JourneyEntry, PersonaEntry } from './loaders.ts';
import { useRouteSlugs } from './urls.ts';

export interface SiteContent extends Project {
	journeys: JourneyEntry[];
	personas: PersonaEntry[];
	persona: (id: string) => PersonaEntry | undefined;
	journey: (id: string) => JourneyEntry | undefined;
}

let content: Promise<SiteContent> | undefined;

export function siteContent(): Promise<SiteContent> {
	content ??= (async () => {
		const journeys = (await getCollection('journeys')).map((entry) => entry.data as JourneyEntry).sort((a, b) => a.title.localeCompare(b.title));
		const personas = (await getCollection('personas')).map((entry) => entry.data as PersonaEntry).sort((a, b) => a.name.localeCompare(b.name));
		const personaById = new Map(personas.map((persona) => [persona.id, persona]));
		const journeyById = new Map(journeys.map((journey) => [journey.id, journey]));
		useRouteSlugs(routeSlugs({ journeys, personas }));
		return { journeys, personas, persona: (id) => personaById.get(id), journey: (id) => journeyById.get(id) };
	})();
	return content;
}
