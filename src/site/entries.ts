/**
 * Journeys and personas as the pages read them: the core's validated model (plain data), plus what
 * only the site knows (a journey's last commit date).
 *
 * Astro's data store holds one entry per journey and persona with only the digest of its model;
 * the models themselves stay in memory, in `siteModels`. In `astro dev` Astro serialises its whole
 * store after every change and the pages load it again: at 1000 journeys the models made that a
 * 17 MB store and about 2.6 s of devalue per saved edit, for data this process already holds. The
 * loaders' copy of this module and the pages' copy (each module graph has its own) share one global
 * slot, named with `Symbol.for` like the hand-over (src/handoff.ts); the store still tells which
 * entries exist and, by their digests, when a page must be rendered again.
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

/** The collections whose entries stand for a model in `siteModels`. */
export type ModelCollection = 'journeys' | 'personas';

/** The models the loaders stored, by entry id: what `getCollection`'s entries stand for. */
export interface SiteModels {
	journeys: Map<string, JourneyEntry>;
	personas: Map<string, PersonaEntry>;
	/** The collections whose loader has run in this process: then an empty map is an empty collection. */
	loaded: Set<ModelCollection>;
	/** Counts the loaders' changes to the maps: what pages derived from the models is stale once it moves (`astro dev`). */
	version: number;
	/**
	 * The digest of each model in the maps, as Astro's store keeps it for its entry: a page's key
	 * (page-key.ts) takes it instead of writing the model out again (in a build; `astro dev` keys no page).
	 */
	digests: WeakMap<object, string>;
}

const SLOT: unique symbol = Symbol.for('cjm.siteModels');
export const siteModels: SiteModels = ((globalThis as { [SLOT]?: SiteModels })[SLOT] ??= { journeys: new Map(), personas: new Map(), loaded: new Set(), version: 0, digests: new WeakMap() });

/** A journey's or persona's entry in Astro's store: no data, the model is in `siteModels` and its digest on the entry. */
export const modelEntrySchema = z.object({}).strict();

/** A touchpoint image the core checked: `image()` hands it to Astro's image pipeline (dimensions, resizing, formats). */
export const imageEntrySchema = ({ image }: SchemaContext) => z.object({ src: image() });
