/**
 * Everything one journey's page shows, as plain data: the journey, its related journeys and
 * personas, the notes it lists, its table of contents, and what the site knows beyond the model
 * (published images, review state, owner and download URLs). The page renders only this, so the
 * digest of it is the page's `cacheKey` (page-key.ts): an incremental build reuses the page only
 * while nothing it shows has changed, including the titles of the journeys it links to.
 */
import { journeyView, type ReviewState, touchpointsOf } from '../core/index.ts';
import type { Heading, MapImage } from '../render/index.ts';
import type { SiteContent } from './content.ts';
import type { JourneyEntry } from './entries.ts';
import { landscape, type JourneyLink } from './landscape.ts';
import { downloadUrl, editUrl, FLOW_EXTENSION, journeyDownloads, journeyUrl, ownerUrl, slugOf } from './urls.ts';

/** What the page knows of another journey: where it is and what it is called. */
export interface JourneyRef {
	href: string;
	title: string;
}

/** What the site adds to the model for one journey (published images, git, today's date), found by journey-pages.ts. */
export interface JourneyPageContext {
	images: Record<string, MapImage>;
	review: ReviewState;
	/** When each touchpoint last changed, when the project asks for it (`blame: true`). */
	changed?: Record<string, string>;
}

const refOf = (journey: JourneyEntry): JourneyRef => ({ href: journeyUrl(journey.id), title: journey.title });
const linkOf = (link: JourneyLink) => ({ ...refOf(link.journey), touchpoint: link.touchpoint?.name });

export function journeyPage(content: SiteContent, journey: JourneyEntry, context: JourneyPageContext) {
	const baseline = journey.baseline ? content.journey(journey.baseline) : undefined;
	/** Stages with notes of their own or on one of their touchpoints. */
	const notes = journey.stages.filter((stage) => stage.notes || stage.touchpoints.some((t) => t.notes));
	/** Body sections under a heading of their own, after the table; those without one open the page. */
	const sections = journey.narrative.filter((section) => section.heading).map((section) => ({ section, slug: `notes-${slugOf(section.heading)}` }));
	const headings: Heading[] = [
		{ depth: 2, slug: 'stages-and-touchpoints', text: 'Stages and touchpoints' },
		{ depth: 2, slug: 'emotion-curve', text: 'Emotion curve' },
		...(baseline ? [{ depth: 2, slug: 'comparison', text: 'Current vs future' }] : []),
		{ depth: 2, slug: 'flow', text: 'Flow' },
		...(notes.length > 0 ? [{ depth: 2, slug: 'stage-notes', text: 'Stage notes' }] : []),
		...sections.map(({ section, slug }) => ({ depth: 2, slug, text: section.heading })),
		...(journey.sources.length > 0 ? [{ depth: 2, slug: 'sources', text: 'Sources' }] : []),
	];
	const personas = journey.personas.map((persona) => content.persona(persona)).filter((persona) => persona !== undefined);
	/** Up and down the landscape: the wider journeys this one details, and the journeys that detail it. */
	const links = landscape(content).links(journey.id);
	/** The map's touchpoints that zoom into another journey: where each leads. */
	const zoomTargets = Object.fromEntries(
		touchpointsOf(journey).flatMap((t) => {
			const target = t.zoom ? content.journey(t.zoom) : undefined;
			return target ? [[target.id, refOf(target)] as const] : [];
		})
	);
	const { review } = context;
	return {
		journey,
		baseline,
		futures: content.futuresOf(journey.id).map(refOf),
		personas,
		/** Persona names by id, for the map's legend and the insights that read one persona's curve. */
		personaNames: Object.fromEntries(personas.map((persona) => [persona.id, persona.name])),
		/** Computed once per journey: the map marks them on the curve, the list below says them. */
		insights: journeyView(journey).insights,
		intro: journey.narrative.filter((section) => !section.heading),
		notes,
		sections,
		headings,
		edit: editUrl(journey.path),
		owner: journey.owner ? { name: journey.owner, href: ownerUrl(journey.owner) } : undefined,
		links: { partOf: links.partOf.map(linkOf), details: links.details.map(linkOf) },
		zoomTargets,
		downloads: journeyDownloads(journey),
		flowDownload: downloadUrl(journey.id, FLOW_EXTENSION),
		images: context.images,
		// The page says a review's age only when it is due: without it, an up-to-date page would not
		// be reused on the next day for a number it does not show.
		review: review.due ? review : { ...review, age: undefined },
		changed: context.changed,
	};
}

export type JourneyPage = ReturnType<typeof journeyPage>;
