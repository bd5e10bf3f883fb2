/**
 * The cross-journey views of the content, each computed once per build however many pages and
 * downloads read it (as catalog.ts and landscape.ts do): the backlog feeds the home page, the
 * backlog page and its CSV; the owners their index, their pages and their CSVs. At 1000 journeys
 * the backlog alone has 80,000 items.
 */
import { backlog, byChannel, byOwner } from '../core/index.ts';
import type { SiteContent } from './content.ts';

function oncePerContent<T>(compute: (content: SiteContent) => T): (content: SiteContent) => T {
	const computed = new WeakMap<SiteContent, T>();
	return (content) => {
		if (!computed.has(content)) computed.set(content, compute(content));
		return computed.get(content)!;
	};
}

export const siteBacklog = oncePerContent((content) => backlog(content.journeys));
export const siteOwners = oncePerContent(byOwner);
export const siteChannels = oncePerContent(byChannel);
