/** The catalog's index: every journey's row, fetched by the filter script only when a filter is used. */
import type { APIRoute } from 'astro';
import { catalog } from '../site/catalog.ts';
import { siteContent } from '../site/content.ts';

export const GET: APIRoute = async () => Response.json({ rows: catalog(await siteContent()).rows });
