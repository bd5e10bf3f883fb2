/** Downloads of each journey: its Mermaid flow source (`.mmd`) and its validated model (`.json`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { mermaidFlow } from '../../render/index.ts';
import { siteContent } from '../../site/content.ts';

export const getStaticPaths = (async () => {
	const { journeys } = await siteContent();
	return journeys.flatMap((journey) => [
		{ params: { path: `${journey.id}.mmd` }, props: { id: journey.id, kind: 'mmd' } },
		{ params: { path: `${journey.id}.json` }, props: { id: journey.id, kind: 'json' } },
	]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const journey = (await siteContent()).journey(props.id as string)!;
	return props.kind === 'mmd'
		? new Response(`${mermaidFlow(journey)}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
		: new Response(`${JSON.stringify(journey, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
