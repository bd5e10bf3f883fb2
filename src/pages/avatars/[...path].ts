/** Persona avatars, copied from personas/ into the site (they live next to the persona files, not in public/). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteContent } from '../../site/content.ts';
import { contentRoot } from '../../site/project.ts';

const TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

export const getStaticPaths = (async () => {
	const { personas } = await siteContent();
	return personas.flatMap((persona) => (persona.avatar ? [{ params: { path: persona.avatar.replace(/^personas\//, '') }, props: { file: persona.avatar } }] : []));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const file = props.file as string;
	const type = TYPES[file.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
	return new Response(await readFile(join(contentRoot(), file)), { headers: { 'Content-Type': type } });
};
