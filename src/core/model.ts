/**
 * The validated, normalised model that renderers, the site and the CLI consume.
 * Plain data only (JSON-serialisable), so it can be cached, diffed and shipped to the browser.
 */
import type { Renamed } from './fields.ts';
import type { KpiSeries } from './metrics.ts';
import type { Edge, Item, JOURNEY_NAMES, JourneyFields, PersonaFields, StageFields, TOUCHPOINT_NAMES, TouchpointFields } from './schema.ts';

export type { Criticality, Edge, Emotion, Image, Item, Level, Moment, Source } from './schema.ts';

/** A part of the Markdown body: the text under one heading, up to the next heading of the same or higher rank. */
export interface Section {
	heading: string;
	depth: number;
	/** Raw Markdown of the section, without its heading. */
	markdown: string;
}

/*
 * Each model type is what its schema outputs (schema.ts: the file format, defined once), under the
 * model's names, plus what is not written in the file: ids resolved from names, the stage a
 * touchpoint is in, resolved edges, notes from the body, paths.
 */

export interface Touchpoint extends Renamed<Omit<TouchpointFields, 'id' | 'next' | 'evidence'>, typeof TOUCHPOINT_NAMES> {
	id: string;
	/** Titles of the journey's `sources` this touchpoint rests on (the file may name them by position); absent when none. */
	evidence?: string[];
	/** KPIs measured over time (`metrics/*.csv`); a measured `conversion` is also the touchpoint's `conversion`. */
	measured?: KpiSeries[];
	/** The typed `conversion`, kept as the estimate when a measured one replaced it. */
	estimate?: number;
	/** Id of the stage this touchpoint belongs to. */
	stage: string;
	/** Resolved edges: the explicit `next`, or the following touchpoint in order. */
	next: Edge[];
	/** Body section whose `###` heading names this touchpoint. */
	notes?: Section;
}

export interface Stage extends Omit<StageFields, 'id' | 'touchpoints'> {
	id: string;
	touchpoints: Touchpoint[];
	/** Body section whose `##` heading names this stage. */
	notes?: Section;
}

export interface Journey extends Renamed<Omit<JourneyFields, 'stages'>, typeof JOURNEY_NAMES> {
	/** Path under journeys/ without `.md`, e.g. `retail/pizza-visit`. */
	id: string;
	/** Path of the source file, relative to the project root. */
	path: string;
	stages: Stage[];
	/** Body sections that are not attached to a stage or touchpoint. */
	narrative: Section[];
	/** The whole Markdown body, without frontmatter. */
	body: string;
	/** Journey-level KPIs measured over time (`metrics/*.csv` rows without a touchpoint). */
	measured?: KpiSeries[];
}

export interface Persona extends PersonaFields {
	/** Path under personas/ without `.md`, e.g. `b2b/it-buyer`. */
	id: string;
	path: string;
	/** Avatar path relative to the project root (the file has it relative to itself). */
	avatar?: string;
	body: string;
}

export interface Project {
	journeys: Journey[];
	personas: Persona[];
}

/** All touchpoints of a journey, in order. */
export function touchpointsOf(journey: Journey): Touchpoint[] {
	return journey.stages.flatMap((stage) => stage.touchpoints);
}

/** The paths of a journey's touchpoint images, each once, in journey order: what the site publishes for it. */
export const imagePaths = (journey: Journey): string[] => [...new Set(touchpointsOf(journey).flatMap((t) => (t.image ?? []).map((image) => image.src)))];

/**
 * The journey with `change` applied to each touchpoint: a new stage and a new journey only where a
 * touchpoint changed, the same journey when none did. A model is never changed in place once
 * parsed: the parse cache may hand the same model to several loads (parse-cache.ts).
 */
export function withTouchpoints(journey: Journey, change: (touchpoint: Touchpoint) => Touchpoint): Journey {
	let changed = false;
	const stages = journey.stages.map((stage) => {
		const touchpoints = stage.touchpoints.map(change);
		if (touchpoints.every((touchpoint, i) => touchpoint === stage.touchpoints[i])) return stage;
		changed = true;
		return { ...stage, touchpoints };
	});
	return changed ? { ...journey, stages } : journey;
}

/** Pains nobody owns: neither the touchpoint nor the pain itself names an owner. */
export function unownedPains(touchpoint: Touchpoint): Item[] {
	return touchpoint.owner ? [] : touchpoint.pains.filter((pain) => !pain.owner);
}
