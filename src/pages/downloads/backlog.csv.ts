/** The whole backlog across journeys, most urgent first, for a spreadsheet. */
import type { APIRoute } from 'astro';
import { backlogCsv } from '../../render/index.ts';
import { siteContent } from '../../site/content.ts';
import { siteBacklog } from '../../site/views.ts';

export const GET: APIRoute = async () =>
	new Response(backlogCsv(siteBacklog(await siteContent())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
