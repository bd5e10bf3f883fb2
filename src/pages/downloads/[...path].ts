/** Downloads of each journey: its flow's Mermaid source, and every format the site exports (see src/export/formats.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { EXPORT_FORMATS, type ExportFormat, journeyExport, SITE_EXPORT_OPTIONS } from '../../export/index.ts';
import { mermaidFlow } from '../../render/index.ts';
import { siteContent } from '../../site/content.ts';
import { incrementalBuild, pageKey } from '../../site/page-key.ts';
import { encodedDownload } from '../../site/render-pool.ts';
import { FLOW_EXTENSION, siteExportsOf } from '../../site/urls.ts';

type Download = { id: string; format: ExportFormat | 'flow' };

export const getStaticPaths = (async () => {
	const content = await siteContent();
	const incremental = incrementalBuild();
	return content.journeys.flatMap((journey) => {
		// The digest of what every export of the journey reads (the flow reads the journey alone).
		const cacheKey = incremental ? pageKey(journeyExport(journey, content, SITE_EXPORT_OPTIONS)) : undefined;
		return [
			{ params: { path: `${journey.id}.${FLOW_EXTENSION}` }, props: { id: journey.id, format: 'flow' } satisfies Download, cacheKey },
			...siteExportsOf(journey).map((format) => ({ params: { path: `${journey.id}.${EXPORT_FORMATS[format].extension}` }, props: { id: journey.id, format } satisfies Download, cacheKey })),
		];
	});
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { id, format } = props as Download;
	const content = await siteContent();
	const journey = content.journey(id)!;
	if (format === 'flow') return new Response(`${mermaidFlow(journey)}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
	// Encoded on a rendering thread during a build (src/site/render-pool.ts).
	return new Response(await encodedDownload(format, journeyExport(journey, content, SITE_EXPORT_OPTIONS)), { headers: { 'Content-Type': EXPORT_FORMATS[format].mediaType } });
};
