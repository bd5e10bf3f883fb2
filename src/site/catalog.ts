/**
 * The journey catalog, in pages: a page lists `CATALOG_PAGE_SIZE` rows as static HTML (it reads
 * without JavaScript), and the filters work across every journey through an index of all rows
 * (`/catalog.json`) that the filter script fetches only when a filter is used. Rows are rendered
 * here once, as HTML, so the page and the index show the very same row.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { emotionSparkline } from '../render/index.ts';
import type { JourneyEntry, PersonaEntry } from './entries.ts';
import { journeyUrl, ownerUrl, url } from './urls.ts';
import { oncePerContent } from './views.ts';

/** Rows a catalog page lists: at a thousand journeys, ten pages of about 200 KB each. */
export const CATALOG_PAGE_SIZE = 100;

/** What a journey is filtered by: the query parameter, the key in a row's values, how an option reads. */
export interface CatalogFilter {
	name: string;
	label: string;
	field: string;
	options: Array<{ value: string; text: string }>;
}

/** One journey's row as HTML; its `data-values` hold what the filters match, by field. This is also an entry of the index. */
export type CatalogRow = string;

export interface Catalog {
	filters: CatalogFilter[];
	rows: CatalogRow[];
	pages: number;
}

export interface CatalogPage {
	rows: CatalogRow[];
	/** 1-based. */
	page: number;
	pages: number;
	total: number;
	/** Every page's number and URL, for the pager. */
	links: Array<{ page: number; href: string }>;
}

interface ContentForCatalog {
	journeys: JourneyEntry[];
	persona: (id: string) => PersonaEntry | undefined;
}

export const catalogPageUrl = (page: number) => url(page === 1 ? 'journeys/' : `journeys/page/${page}/`);
/** The index of every row, fetched by the filter script. */
export const catalogIndexUrl = () => url('catalog.json');

function row(journey: JourneyEntry, values: Record<string, string[]>, personaName: (id: string) => string): CatalogRow {
	const title: Array<ElementContent | string> = [h('a', { href: journeyUrl(journey.id) }, journey.title)];
	// The spaces keep the words apart where the text is read without the styles (screen readers, search excerpts, a copy).
	if (journey.status === 'hypothesis') title.push(' ', h('span', { className: 'cjm-badge cjm-badge--hypothesis' }, 'Hypothesis'));
	if (journey.scenario) title.push(' ', h('span', { className: 'cjm-catalog-scenario' }, journey.scenario));
	const tr: Element = h('tr', { dataJourney: '', dataValues: JSON.stringify(values) }, [
		h('th', { scope: 'row' }, title),
		h('td', journey.personas.map(personaName).join(', ')),
		h('td', journey.state),
		h('td', journey.owner ? h('a', { href: ownerUrl(journey.owner) }, journey.owner) : '—'),
		h('td', journey.tags.join(', ')),
		// The sparkline is our own SVG, built from numbers.
		h('td', [{ type: 'raw', value: emotionSparkline(journey) } as unknown as ElementContent]),
	]);
	return toHtml(tr, { allowDangerousHtml: true });
}

/** The catalog of a project, built once per build however many pages show it. */
export const catalog = oncePerContent((content: ContentForCatalog): Catalog => {
	const { journeys } = content;
	const personaName = (id: string) => content.persona(id)?.name ?? id;
	const definitions = [
		{ name: 'persona', label: 'Persona', field: 'personas', values: (j: JourneyEntry) => j.personas, text: personaName },
		{ name: 'owner', label: 'Owner', field: 'owner', values: (j: JourneyEntry) => (j.owner ? [j.owner] : []), text: (v: string) => v },
		{ name: 'tag', label: 'Tag', field: 'tags', values: (j: JourneyEntry) => j.tags, text: (v: string) => v },
		{ name: 'state', label: 'State', field: 'state', values: (j: JourneyEntry) => [j.state], text: (v: string) => (v === 'current' ? 'Current' : 'Future') },
	];
	const filters = definitions.map(({ name, label, field, values, text }) => ({
		name,
		label,
		field,
		options: [...new Set(journeys.flatMap(values))].sort((a, b) => a.localeCompare(b)).map((value) => ({ value, text: text(value) })),
	}));
	const rows = journeys.map((journey) => row(journey, Object.fromEntries(definitions.map((d) => [d.field, d.values(journey)])), personaName));
	return { filters, rows, pages: Math.max(1, Math.ceil(rows.length / CATALOG_PAGE_SIZE)) };
});

/** One page of the catalog (1-based). */
export function catalogPage(catalog: Catalog, page: number): CatalogPage {
	const start = (page - 1) * CATALOG_PAGE_SIZE;
	return {
		rows: catalog.rows.slice(start, start + CATALOG_PAGE_SIZE),
		page,
		pages: catalog.pages,
		total: catalog.rows.length,
		links: Array.from({ length: catalog.pages }, (_, i) => ({ page: i + 1, href: catalogPageUrl(i + 1) })),
	};
}

/** The pages after the first, for `getStaticPaths` of /journeys/page/N/. */
export const laterCatalogPages = (catalog: Catalog): number[] => Array.from({ length: catalog.pages - 1 }, (_, i) => i + 2);
