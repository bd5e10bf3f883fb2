/** Site URLs, under the configured base path, in one place so every link agrees. */
import { type Journey, type RouteSlugs, slugOf } from '../core/index.ts';
import { EXPORT_FORMATS, siteDownloads, withinLimits } from '../export/index.ts';
import { receivedHandoff } from '../handoff.ts';
import { anchor } from '../render/index.ts';
import { url } from './base-url.ts';

export { slugOf, url };

export const journeyUrl = (id: string) => url(`journeys/${id}/`);
/** A touchpoint's row in its journey's table (the anchor the table, chart and flow share). */
export const touchpointUrl = (journeyId: string, touchpointId: string) => `${journeyUrl(journeyId)}#${anchor.touchpoint(touchpointId)}`;
export const personaUrl = (id: string) => url(`personas/${id}/`);
export const ownerUrl = (owner: string) => url(`owners/${ownerSlug(owner)}/`);
export const channelUrl = (channel: string) => url(`channels/${channelSlug(channel)}/`);
export const downloadUrl = (id: string, extension: string) => url(`downloads/${id}.${extension}`);
/** The flow's Mermaid source: offered on every journey page, and where the flow is too large to draw. */
export const FLOW_EXTENSION = 'mmd';

/**
 * The formats the site builds for a journey: those it exports (the default ones, or those `cjm build --downloads`
 * names), within their limits (a map too wide for a picture gets none).
 */
export const siteExportsOf = (journey: Journey) => siteDownloads(receivedHandoff().downloads).filter((format) => withinLimits(format, journey));

/** What a journey page offers to download: its flow's Mermaid source, then every format the site exports for it. */
export const journeyDownloads = (journey: Journey) => [
	{ href: downloadUrl(journey.id, FLOW_EXTENSION), label: 'Mermaid source' },
	...siteExportsOf(journey).map((format) => ({ href: downloadUrl(journey.id, EXPORT_FORMATS[format].extension), label: EXPORT_FORMATS[format].label })),
];

/** Owner and channel slugs depend on every name in the project (`C++` and `C#` must differ): set by `siteContent()`. */
let routes: RouteSlugs | undefined;
export const useRouteSlugs = (slugs: RouteSlugs) => void (routes = slugs);
const slugs = (): RouteSlugs => {
	if (!routes) throw new Error('Owner and channel URLs need the project: await siteContent() first');
	return routes;
};
export const ownerSlug = (owner: string) => slugs().owner(owner);
export const channelSlug = (channel: string) => slugs().channel(channel);

/** "Edit this file" links: set CJM_EDIT_URL, or build on GitHub Actions, where the repository is known. */
export function editUrl(path: string): string | undefined {
	const configured = process.env.CJM_EDIT_URL;
	if (configured) return `${configured.replace(/\/$/, '')}/${path}`;
	const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_REF_NAME } = process.env;
	if (!GITHUB_REPOSITORY) return undefined;
	return `${GITHUB_SERVER_URL ?? 'https://github.com'}/${GITHUB_REPOSITORY}/edit/${GITHUB_REF_NAME ?? 'main'}/${path}`;
}

/** A URL from the content that may become a link: web and mail only, never `javascript:` or `data:`. */
export function linkableUrl(value: string | undefined): string | undefined {
	if (!value) return undefined;
	try {
		return ['http:', 'https:', 'mailto:'].includes(new URL(value).protocol) ? value : undefined;
	} catch {
		return undefined;
	}
}
