/**
 * The look-ups pages need over the validated content, indexed once: a pure function of the
 * models, so `siteContent` (content.ts) builds it from the collections and a test from a project.
 */
import type { Project } from '../core/index.ts';
import type { JourneyEntry, PersonaEntry } from './entries.ts';

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

/** Journeys and personas in title order, with their look-ups. */
export function indexContent(models: { journeys: JourneyEntry[]; personas: PersonaEntry[] }): SiteContent {
	const journeys = [...models.journeys].sort((a, b) => a.title.localeCompare(b.title));
	const personas = [...models.personas].sort((a, b) => a.name.localeCompare(b.name));
	const personaById = new Map(personas.map((persona) => [persona.id, persona]));
	const journeyById = new Map(journeys.map((journey) => [journey.id, journey]));
	// A journey names a persona once, so each appears once in its list.
	const byPersona = group(journeys.flatMap((journey) => [...new Set(journey.personas)].map((id): [string, JourneyEntry] => [id, journey])));
	const byBaseline = group(journeys.flatMap((journey): Array<[string, JourneyEntry]> => (journey.baseline ? [[journey.baseline, journey]] : [])));
	return {
		journeys,
		personas,
		persona: (id) => personaById.get(id),
		journey: (id) => journeyById.get(id),
		journeysOf: (id) => byPersona.get(id) ?? [],
		futuresOf: (id) => byBaseline.get(id) ?? [],
	};
}
