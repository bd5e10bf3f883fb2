/** The whole backlog across journeys, most urgent first, for a spreadsheet. */
import type { APIRoute } from 'astro';
import { backlog } from '../../core/index.ts';
import { backlogCsv } from '../../render/index.ts';
import { siteContent } from '../../site/content.ts';

export const GET: APIRoute = async () =>
	new Response(backlogCsv(backlog((await siteContent()).journeys)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
