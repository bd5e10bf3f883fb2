/**
 * The journey landscape: how journeys relate. A journey's `parent` and the touchpoints that
 * `zoom` into it place it under a wider journey; a future state sits right after its baseline.
 * Built once per build from the content and shared by the landscape page and every journey
 * page's "part of …" and "zooms into …" links, so no page scans all journeys again.
 */
import type { Touchpoint } from '../core/index.ts';
import type { SiteContent } from './content.ts';
import type { JourneyEntry, PersonaEntry } from './entries.ts';
import { oncePerContent } from './views.ts';

/** A link between two journeys; `touchpoint` is the wider journey's touchpoint that zooms in, if that is what links them. */
export interface JourneyLink {
	journey: JourneyEntry;
	touchpoint?: Touchpoint;
}

export interface JourneyLinks {
	/** Wider journeys this one details: its `parent`, and journeys with a touchpoint that zooms into it. */
	partOf: JourneyLink[];
	/** Narrower journeys: those naming this one as `parent`, and those its touchpoints zoom into (with the touchpoint). */
	details: JourneyLink[];
}

/** A stage on the landscape: its average emotion, as a number and as the emotion class that colours it. */
export interface LandscapeStage {
	id: string;
	name: string;
	/** Mean of the touchpoints' actual emotion; absent when no touchpoint has one. */
	average?: number;
	/** `n2`, `n1`, `0`, `p1`, `p2` (the average rounded), or `none`. */
	tone: string;
}

export interface LandscapeRow {
	journey: JourneyEntry;
	/** How many wider journeys it sits under in its group. */
	depth: number;
	stages: LandscapeStage[];
	/** The row this one follows as a future state of it. */
	futureOf?: JourneyEntry;
	/** The wider journey it sits under. */
	partOf?: JourneyEntry;
}

/** A widest journey with everything that details it, and their future states. */
export interface LandscapeGroup {
	root: JourneyEntry;
	rows: LandscapeRow[];
}

/** The groups whose widest journey follows a persona (its first). */
export interface LandscapePersona {
	id: string;
	name: string;
	persona?: PersonaEntry;
	groups: LandscapeGroup[];
}

export interface Landscape {
	personas: LandscapePersona[];
	links: (journeyId: string) => JourneyLinks;
}

/** The landscape of `content`, computed once. */
export const landscape = oncePerContent(buildLandscape);

function buildLandscape(content: SiteContent): Landscape {
	const byTitle = (a: JourneyLink, b: JourneyLink) => a.journey.title.localeCompare(b.journey.title);
	const partOf = new Map<string, JourneyLink[]>();
	const details = new Map<string, JourneyLink[]>();
	const add = (map: Map<string, JourneyLink[]>, id: string, link: JourneyLink) => map.set(id, [...(map.get(id) ?? []), link]);
	for (const journey of content.journeys) {
		const parent = journey.parent ? content.journey(journey.parent) : undefined;
		if (parent) {
			add(partOf, journey.id, { journey: parent });
			add(details, parent.id, { journey });
		}
		for (const stage of journey.stages) {
			for (const touchpoint of stage.touchpoints) {
				const zoomed = touchpoint.zoom ? content.journey(touchpoint.zoom) : undefined;
				if (!zoomed) continue;
				add(details, journey.id, { journey: zoomed, touchpoint });
				add(partOf, zoomed.id, { journey, touchpoint });
			}
		}
	}
	for (const map of [partOf, details]) for (const list of map.values()) list.sort(byTitle);
	const links = (id: string): JourneyLinks => ({ partOf: partOf.get(id) ?? [], details: details.get(id) ?? [] });

	// Where each journey sits: under the journey it details, or right after the baseline it is a future state of.
	const under = new Map<string, JourneyEntry[]>();
	const after = new Map<string, JourneyEntry[]>();
	const roots: JourneyEntry[] = [];
	for (const journey of content.journeys) {
		const wider = partOf.get(journey.id)?.[0]?.journey;
		const baseline = journey.state === 'future' && journey.baseline ? content.journey(journey.baseline) : undefined;
		if (wider) under.set(wider.id, [...(under.get(wider.id) ?? []), journey]);
		else if (baseline) after.set(baseline.id, [...(after.get(baseline.id) ?? []), journey]);
		else roots.push(journey);
	}
	const placed = new Set<string>();
	const rowsFrom = (journey: JourneyEntry, depth: number, related: Pick<LandscapeRow, 'futureOf' | 'partOf'> = {}): LandscapeRow[] => {
		// The site only builds without errors, so links never loop; this guards the dev server mid-edit.
		if (placed.has(journey.id)) return [];
		placed.add(journey.id);
		return [
			{ journey, depth, stages: journey.stages.map(landscapeStage), ...related },
			...(after.get(journey.id) ?? []).flatMap((future) => rowsFrom(future, depth, { futureOf: journey })),
			...(under.get(journey.id) ?? []).flatMap((child) => rowsFrom(child, depth + 1, { partOf: journey })),
		];
	};
	const groups = roots.map((root) => ({ root, rows: rowsFrom(root, 0) }));
	// Anything a loop kept out of every group still gets a row.
	for (const journey of content.journeys) if (!placed.has(journey.id)) groups.push({ root: journey, rows: rowsFrom(journey, 0) });

	const personas = new Map<string, LandscapePersona>();
	for (const group of groups) {
		const id = group.root.personas[0];
		const persona = content.persona(id);
		const entry = personas.get(id) ?? { id, name: persona?.name ?? id, ...(persona ? { persona } : {}), groups: [] };
		entry.groups.push(group);
		personas.set(id, entry);
	}
	return { personas: [...personas.values()].sort((a, b) => a.name.localeCompare(b.name)), links };
}

/** A stage's average emotion over the touchpoints that have one. */
export function landscapeStage(stage: JourneyEntry['stages'][number]): LandscapeStage {
	const scores = stage.touchpoints.flatMap((t) => (t.emotion ? [t.emotion.actual] : []));
	if (scores.length === 0) return { id: stage.id, name: stage.name, tone: 'none' };
	const average = scores.reduce((sum, score) => sum + score, 0) / scores.length;
	const rounded = Math.round(average) || 0;
	return { id: stage.id, name: stage.name, average, tone: rounded < 0 ? `n${-rounded}` : rounded > 0 ? `p${rounded}` : '0' };
}
