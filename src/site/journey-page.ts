/** What one journey's page shows around the journey: its related journeys and personas, the notes it lists, and its table of contents. */
import { journeyView } from '../core/index.ts';
import type { Heading } from '../render/index.ts';
import type { SiteContent } from './content.ts';
import { landscape } from './landscape.ts';
import { editUrl, journeyUrl, slugOf } from './urls.ts';

export function journeyPage(content: SiteContent, id: string) {
	const journey = content.journey(id);
	if (!journey) throw new Error(`No journey "${id}" in the content collection.`);
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
	return {
		journey,
		baseline,
		futures: content.futuresOf(journey.id),
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
		/** Up and down the landscape: the wider journeys this one details, and the journeys that detail it. */
		links: landscape(content).links(journey.id),
		/** For the map's touchpoints that zoom into another journey. */
		zoomTarget: (id: string) => {
			const target = content.journey(id);
			return target && { href: journeyUrl(target.id), title: target.title };
		},
	};
}
