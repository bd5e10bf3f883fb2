/**
 * Starlight route middleware: in a page's own copy of the sidebar, the link to that page, and only
 * it, is marked as the current page.
 *
 * Starlight marks the current page on one sidebar that every page shares, and copies it for the
 * page a moment later, after an `await`. Astro renders several pages at once (astro.config.mjs),
 * so another page's mark can land in between: at sixteen pages at a time, twelve channel pages of
 * the samples showed "Pain points & opportunities" as the current page. The link is matched as
 * Starlight matches it: its `href`, URI-encoded, against the page's path, trailing slashes aside,
 * the first link with that path only.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';

type SidebarEntry = StarlightRouteData['sidebar'][number];

const withoutTrailingSlash = (path: string): string => path.replace(/\/+$/, '');

export const onRequest = defineRouteMiddleware((context) => {
	const path = withoutTrailingSlash(context.url.pathname);
	let found = false;
	const mark = (entries: SidebarEntry[]) => {
		for (const entry of entries) {
			if (entry.type === 'group') mark(entry.entries);
			else {
				entry.isCurrent = !found && withoutTrailingSlash(encodeURI(entry.href)) === path;
				found ||= entry.isCurrent;
			}
		}
	};
	mark(context.locals.starlightRoute.sidebar);
});
