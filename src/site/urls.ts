/** Site URLs, under the configured base path, in one place so every link agrees. */
import { anchor } from '../render/index.ts';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export const url = (path: string) => `${base}/${path.replace(/^\//, '')}`;
export const journeyUrl = (id: string) => url(`journeys/${id}/`);
/** A touchpoint's row in its journey's table (the anchor the table, chart and flow share). */
export const touchpointUrl = (journeyId: string, touchpointId: string) => `${journeyUrl(journeyId)}#${anchor.touchpoint(touchpointId)}`;
export const personaUrl = (id: string) => url(`personas/${id}/`);
export const ownerUrl = (owner: string) => url(`owners/${slugOf(owner)}/`);
export const channelUrl = (channel: string) => url(`channels/${slugOf(channel)}/`);
export const downloadUrl = (id: string, extension: 'json' | 'mmd') => url(`downloads/${id}.${extension}`);

export function slugOf(text: string): string {
	return text.toLowerCase().trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'x';
}

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
