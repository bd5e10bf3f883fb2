/** Persona avatars, copied into the site (they live next to the persona files, not in public/). The model holds only avatars the core checked: safe images inside the content folders. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { IMAGE_TYPES } from '../../core/index.ts';
import { siteContent } from '../../site/content.ts';
import { contentRoot } from '../../site/project.ts';

export const getStaticPaths = (async () => {
	const { personas } = await siteContent();
	return personas.flatMap((persona) => (persona.avatar ? [{ params: { path: persona.avatar.replace(/^personas\//, '') }, props: { file: persona.avatar } }] : []));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const file = props.file as string;
	const type = IMAGE_TYPES[file.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
	return new Response(await readFile(join(contentRoot(), file)), { headers: { 'Content-Type': type } });
};
