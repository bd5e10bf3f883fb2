/**
 * The cross-journey views of the content, each computed once per build however many pages and
 * downloads read it (the catalog and the landscape too): the backlog feeds the home page, the
 * backlog page and its CSV; the owners their index, their pages and their CSVs. At 1000 journeys
 * the backlog alone has 80,000 items.
 */
import { backlog, byChannel, byOwner } from '../core/index.ts';
import type { SiteContent } from './content.ts';

/** `compute`, run once per content: once per build, and once per change in `astro dev` (a new content, see content.ts). */
export function oncePerContent<Content extends object, T>(compute: (content: Content) => T): (content: Content) => T {
	const computed = new WeakMap<Content, T>();
	return (content) => {
		if (!computed.has(content)) computed.set(content, compute(content));
		return computed.get(content)!;
	};
}

export const siteBacklog = oncePerContent((content: SiteContent) => backlog(content.journeys));
export const siteOwners = oncePerContent((content: SiteContent) => byOwner(content));
export const siteChannels = oncePerContent((content: SiteContent) => byChannel(content));
