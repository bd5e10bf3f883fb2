/**
 * Journeys and personas as they sit in Astro's content store: the core's validated model (plain
 * data), plus what only the site knows (a journey's last commit date). The collection schemas
 * give `getCollection` its types and check each entry's shape once, when the loader stores it,
 * so nothing is cast on the way in or out.
 */
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import type { Journey, Persona } from '../core/index.ts';

export type JourneyEntry = Journey & {
	/** The `updated` field, else the date of the file's last commit (YYYY-MM-DD). */
	lastUpdated?: string;
	/** The date of the file's last commit (YYYY-MM-DD): its last review when it has no `reviewed`. */
	lastCommit?: string;
};
export type PersonaEntry = Persona;

const isObject = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null && !Array.isArray(data);

/** The fields every page keys on. The core built and validated the rest; this only tells a stray entry from ours. */
const isJourneyEntry = (data: unknown): data is JourneyEntry =>
	isObject(data) && typeof data.id === 'string' && typeof data.title === 'string' && Array.isArray(data.stages) && Array.isArray(data.personas);
const isPersonaEntry = (data: unknown): data is PersonaEntry => isObject(data) && typeof data.id === 'string' && typeof data.name === 'string';

export const journeyEntrySchema = z.custom<JourneyEntry>(isJourneyEntry, 'not a journey from the cjm loader');
export const personaEntrySchema = z.custom<PersonaEntry>(isPersonaEntry, 'not a persona from the cjm loader');

/** A touchpoint image the core checked: `image()` hands it to Astro's image pipeline (dimensions, resizing, formats). */
export const imageEntrySchema = ({ image }: SchemaContext) => z.object({ src: image() });
