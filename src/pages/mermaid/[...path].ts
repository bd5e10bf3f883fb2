/** Mermaid's own browser build, for the pages with a diagram (src/site/mermaid-bundle.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { mermaidFile, mermaidFiles } from '../../site/mermaid-bundle.ts';
import { mermaidPath, mermaidVersion } from '../../site/mermaid-module.ts';
import { incrementalBuild } from '../../site/page-key.ts';

export const getStaticPaths = (() => {
	// The files change only with the version: an incremental build leaves them in place.
	const cacheKey = incrementalBuild() ? `mermaid ${mermaidVersion}` : undefined;
	return mermaidFiles().map((file) => ({ params: { path: mermaidPath(file) }, props: { file }, cacheKey }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(await mermaidFile(props.file as string), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
