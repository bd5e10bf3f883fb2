/**
 * The validated, normalised model that renderers, the site and the CLI consume.
 * Plain data only (JSON-serialisable), so it can be cached, diffed and shipped to the browser.
 */
import type { Edge, Emotion, Item, Source } from './schema.ts';

export type { Edge, Emotion, Item, Source };
export type Moment = 'stimulus' | 'zmot' | 'fmot' | 'smot' | 'umot';
export type Criticality = 'low' | 'medium' | 'high';

/** A part of the Markdown body: the text under one heading, up to the next heading of the same or higher rank. */
export interface Section {
	heading: string;
	depth: number;
	/** Raw Markdown of the section, without its heading. */
	markdown: string;
}

export interface Touchpoint {
	id: string;
	name: string;
	/** Id of the stage this touchpoint belongs to. */
	stage: string;
	channels: string[];
	action?: string;
	thinking?: string;
	feeling?: string;
	emotion?: Emotion;
	pains: Item[];
	opportunities: Item[];
	owner?: string;
	criticality?: Criticality;
	/** Share (0..1) of customers who reach the next step. */
	conversion?: number;
	kpis: Record<string, number | string>;
	backstage?: string;
	support?: string;
	moment?: Moment;
	time?: string;
	persona?: string;
	/** Resolved edges: the explicit `next`, or the following touchpoint in order. */
	next: Edge[];
	/** Body section whose `###` heading names this touchpoint. */
	notes?: Section;
}

export interface Stage {
	id: string;
	name: string;
	goal?: string;
	moment?: Moment;
	touchpoints: Touchpoint[];
	/** Body section whose `##` heading names this stage. */
	notes?: Section;
}

export interface Journey {
	/** Path under journeys/ without `.md`, e.g. `retail/pizza-visit`. */
	id: string;
	/** Path of the source file, relative to the project root. */
	path: string;
	title: string;
	personas: string[];
	scenario?: string;
	goal?: string;
	state: 'current' | 'future';
	baseline?: string;
	status?: 'hypothesis' | 'validated';
	sources: Source[];
	owner?: string;
	tags: string[];
	updated?: string;
	stages: Stage[];
	/** Body sections that are not attached to a stage or touchpoint. */
	narrative: Section[];
	/** The whole Markdown body, without frontmatter. */
	body: string;
}

export interface Persona {
	/** Path under personas/ without `.md`, e.g. `b2b/it-buyer`. */
	id: string;
	path: string;
	name: string;
	role?: string;
	segment?: string;
	quote?: string;
	goals: string[];
	needs: string[];
	frustrations: string[];
	channels: string[];
	traits: Record<string, string | number>;
	/** Avatar path relative to the project root. */
	avatar?: string;
	tags: string[];
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

/** Pains nobody owns: neither the touchpoint nor the pain itself names an owner. */
export function unownedPains(touchpoint: Touchpoint): Item[] {
	return touchpoint.owner ? [] : touchpoint.pains.filter((pain) => !pain.owner);
}
