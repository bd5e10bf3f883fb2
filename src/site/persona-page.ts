/** What one persona's page shows: the lists it has, its rendered body, the journeys that follow it, and its table of contents. */
import { type Heading, renderMarkdown } from '../render/index.ts';
import type { SiteContent } from './content.ts';
import { editUrl } from './urls.ts';

export function personaPage(content: SiteContent, id: string) {
	const persona = content.persona(id);
	if (!persona) throw new Error(`No persona "${id}" in the content collection.`);
	const lists = [
		{ slug: 'goals', text: 'Goals', items: persona.goals },
		{ slug: 'needs', text: 'Needs', items: persona.needs },
		{ slug: 'frustrations', text: 'Frustrations', items: persona.frustrations },
		{ slug: 'channels', text: 'Channels', items: persona.channels },
	].filter((list) => list.items.length > 0);
	// The body keeps its own headings when it has them; otherwise it gets one.
	const body = renderMarkdown(persona.body, [...lists.map((list) => list.slug), 'backstory', 'journeys']);
	const bodyHeading = persona.body !== '' && body.headings.length === 0;
	const headings: Heading[] = [
		...lists.map(({ slug, text }) => ({ depth: 2, slug, text })),
		...(bodyHeading ? [{ depth: 2, slug: 'backstory', text: 'Backstory and research' }] : []),
		...body.headings.filter((heading) => heading.depth <= 3),
		{ depth: 2, slug: 'journeys', text: 'Journeys' },
	];
	return { persona, journeys: content.journeysOf(persona.id), lists, body, bodyHeading, headings, edit: editUrl(persona.path) };
}
