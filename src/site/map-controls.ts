/**
 * Reading controls of the journey map, in the browser. The view lives in the URL query
 * (`zoom=fit`, `lanes=channel,pains`, `personas=b2b/it-buyer`) so a link opens the same view;
 * a touchpoint's deep link (`#touchpoint-…`) scrolls it into view and highlights its column.
 * The map is complete without this script: it only switches things on, never builds content.
 */
import { SWAP_EVENT } from './dev-events.ts';

interface View {
	zoom: 'fit' | '100';
	/** Lanes to show; undefined: all of them. */
	lanes?: Set<string>;
	/** Personas to show; undefined: all of them. */
	personas?: Set<string>;
}

const list = (value: string | null) => (value === null ? undefined : new Set(value.split(',').filter(Boolean)));

export function setUpMap(map: HTMLElement): void {
	const toolbar = map.querySelector<HTMLElement>('[data-map-toolbar]');
	const scroller = map.querySelector<HTMLElement>('.cjm-map-scroller');
	const table = map.querySelector<HTMLTableElement>('.cjm-map-table');
	if (!toolbar || !scroller || !table) return;
	toolbar.hidden = false;
	const headers = [...table.querySelectorAll<HTMLElement>('th[data-touchpoint]')];
	const boxes = (name: string) => [...toolbar.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
	const allPersonas = boxes('personas').map((box) => box.value);

	const query = new URLSearchParams(location.search);
	const view: View = { zoom: query.get('zoom') === 'fit' ? 'fit' : '100', lanes: list(query.get('lanes')), personas: list(query.get('personas')) };

	/** The map's width at 100 %, from the renderer's fixed column widths. */
	const naturalWidth = () => parseFloat(table.style.width) || table.scrollWidth;
	const fit = () => {
		const zoom = view.zoom === 'fit' ? Math.min(1, scroller.clientWidth / naturalWidth()) : 1;
		map.style.setProperty('--cjm-map-zoom', String(zoom));
		map.dataset.mapZoom = view.zoom;
	};

	const apply = (push: boolean) => {
		fit();
		for (const button of toolbar.querySelectorAll<HTMLButtonElement>('[data-zoom]')) button.setAttribute('aria-pressed', String(button.dataset.zoom === view.zoom));
		for (const box of boxes('lanes')) {
			box.checked = !view.lanes || view.lanes.has(box.value);
			for (const row of table.querySelectorAll<HTMLElement>(`tr[data-lane="${box.value}"]`)) row.hidden = !box.checked;
		}
		const shown = (persona: string) => !view.personas || view.personas.has(persona);
		for (const box of boxes('personas')) box.checked = shown(box.value);
		// Curves of personas not shown disappear; their columns stay (the grid keeps its place) but fade.
		for (const element of map.querySelectorAll<SVGElement>('svg [data-persona], svg [data-persona-of]')) {
			element.classList.toggle('cjm-map-off', !shown(element.dataset.persona ?? element.dataset.personaOf ?? ''));
		}
		// A touchpoint of one persona fades with its whole column and its timeline card; shared ones (no `persona`) stay.
		for (const header of headers) {
			const faded = Boolean(header.dataset.for) && !shown(header.dataset.for!);
			for (const cell of columnCells(header.dataset.col!)) cell.classList.toggle('cjm-map-faded', faded);
			map.querySelector(`[data-card="${CSS.escape(header.dataset.touchpoint!)}"]`)?.classList.toggle('cjm-map-faded', faded);
		}
		if (push) {
			const next = new URLSearchParams(location.search);
			const set = (name: string, value: string | undefined) => (value === undefined ? next.delete(name) : next.set(name, value));
			set('zoom', view.zoom === 'fit' ? 'fit' : undefined);
			set('lanes', view.lanes ? [...view.lanes].join(',') : undefined);
			set('personas', view.personas ? [...view.personas].join(',') : undefined);
			// Commas and slashes are fine in a query: keep `lanes=channel,pains` and `personas=b2b/it-buyer` readable.
			const search = next.toString().replaceAll('%2C', ',').replaceAll('%2F', '/');
			history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
		}
	};

	const columnCells = (col: string) => table.querySelectorAll<Element>(`[data-col="${col}"]`);

	/** Marks a touchpoint's column and brings it into view. */
	const select = (header: HTMLElement, options: { focus?: boolean; scroll?: boolean } = {}) => {
		for (const old of table.querySelectorAll('.cjm-map-current')) old.classList.remove('cjm-map-current');
		for (const cell of columnCells(header.dataset.col!)) cell.classList.add('cjm-map-current');
		const card = map.querySelector<HTMLElement>(`[data-card="${CSS.escape(header.dataset.touchpoint!)}"]`);
		for (const old of map.querySelectorAll('.cjm-card--current')) old.classList.remove('cjm-card--current');
		card?.classList.add('cjm-card--current');
		if (options.scroll !== false) {
			// The timeline replaces the grid on small screens: then the card is what to show.
			if (scroller.offsetParent === null) card?.scrollIntoView({ block: 'center' });
			else {
				// The header row sits under the sticky stage band unless the map is scrolled to its top.
				scroller.scrollTop = 0;
				header.scrollIntoView({ block: 'nearest', inline: 'center' });
			}
		}
		if (options.focus) header.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
	};

	const fromHash = () => {
		const id = decodeURIComponent(location.hash.slice(1));
		const header = headers.find((h) => h.id === id);
		if (header) select(header);
	};

	toolbar.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>('button');
		if (!button) return;
		if (button.dataset.zoom) {
			view.zoom = button.dataset.zoom === 'fit' ? 'fit' : '100';
			apply(true);
		} else if (button.hasAttribute('data-fullscreen')) {
			if (document.fullscreenElement) void document.exitFullscreen();
			else void map.requestFullscreen?.();
		}
	});
	toolbar.addEventListener('change', (event) => {
		const box = event.target as HTMLInputElement;
		if (box.name === 'lanes') {
			const checked = boxes('lanes').filter((b) => b.checked).map((b) => b.value);
			view.lanes = checked.length === boxes('lanes').length ? undefined : new Set(checked);
		} else if (box.name === 'personas') {
			const checked = boxes('personas').filter((b) => b.checked).map((b) => b.value);
			view.personas = checked.length === allPersonas.length ? undefined : new Set(checked);
		} else return;
		apply(true);
	});

	// Arrow keys in the grid move between touchpoints; the deep link follows, so it can be shared.
	scroller.addEventListener('keydown', (event) => {
		if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
		if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
		const current = (document.activeElement as Element | null)?.closest<HTMLElement>('th[data-touchpoint]') ?? table.querySelector<HTMLElement>('th.cjm-map-current');
		const index = current ? headers.indexOf(current) : -1;
		const next = headers[Math.max(0, Math.min(headers.length - 1, index + (event.key === 'ArrowRight' ? 1 : index < 0 ? 0 : -1)))];
		if (!next) return;
		event.preventDefault();
		history.replaceState(history.state, '', `${location.pathname}${location.search}#${next.id}`);
		select(next, { focus: true });
	});

	// Listeners on the window and the document go with the map when `astro dev` replaces it.
	const replaced = new AbortController();
	document.addEventListener(SWAP_EVENT, () => replaced.abort(), { once: true });
	addEventListener('hashchange', fromHash, { signal: replaced.signal });
	new ResizeObserver(() => view.zoom === 'fit' && fit()).observe(scroller);
	document.addEventListener(
		'fullscreenchange',
		() => {
			toolbar.querySelector('[data-fullscreen]')!.textContent = document.fullscreenElement === map ? 'Exit full screen' : 'Full screen';
		},
		{ signal: replaced.signal }
	);
	apply(false);
	fromHash();
}
