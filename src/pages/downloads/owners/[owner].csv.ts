/** Everything one owner answers for, most urgent first, for a spreadsheet. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { OwnerView } from '../../../core/index.ts';
import { ownerCsv } from '../../../render/index.ts';
import { siteContent } from '../../../site/content.ts';
import { ownerSlug } from '../../../site/urls.ts';
import { siteOwners } from '../../../site/views.ts';

export const getStaticPaths = (async () => siteOwners(await siteContent()).map((owner) => ({ params: { owner: ownerSlug(owner.owner) }, props: { owner } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(ownerCsv((props.owner as OwnerView).rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
