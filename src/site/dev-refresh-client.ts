/**
 * In the browser, in `astro dev` only: a saved change shows in the open page in place. When the
 * loaders have new models (dev-overlay.ts sends the news), the page asks the server for itself
 * again and puts the new page frame (the content, its table of contents and footer) in place of
 * the old one; the header, the sidebar and the scroll position stay. Starlight's components are
 * custom elements and come to life by themselves; the scripts of the frame's components run again
 * over the new elements. A page the server no longer serves is reloaded.
 *
 * Without this, Astro reloads every open page once it has written its data store, half a second
 * after the change, and the browser loads the page's sixty or so stylesheets and scripts again:
 * at 1000 journeys an edit took about 2 s to show.
 */
import { CONTENT_EVENT, SWAP_EVENT } from './dev-events.ts';

/** Starlight's frame around everything a page's content changes (src: PageFrame.astro). */
const FRAME = '.main-frame';

/** A module script's URL with a new timestamp, so the browser runs it again: Vite's own query, first (Astro's must end with `lang.ts`). */
const again = (src: string, stamp: number): string => {
	const url = new URL(src);
	url.search = `?t=${stamp}${url.search ? `&${url.search.slice(1)}` : ''}`;
	return url.href;
};

/** Refreshes asked for, and the latest whose page is shown: responses may arrive out of order. */
let asked = 0;
let shown = 0;

async function refresh(): Promise<void> {
	const run = ++asked;
	const response = await fetch(location.href, { headers: { accept: 'text/html' }, cache: 'no-store' }).catch(() => undefined);
	const html = response?.ok ? await response.text() : undefined;
	// A later refresh's page is shown already; an earlier one's is shown until a later arrives.
	if (run < shown) return;
	shown = run;
	const next = html === undefined ? undefined : new DOMParser().parseFromString(html, 'text/html');
	const frame = document.querySelector(FRAME);
	const fresh = next?.querySelector(FRAME);
	if (!next || !frame || !fresh) return location.reload();
	const scroller = document.querySelector('.cjm-map-scroller')?.scrollLeft;
	document.title = next.title;
	document.dispatchEvent(new Event(SWAP_EVENT));
	frame.replaceChildren(...fresh.childNodes);
	const map = document.querySelector('.cjm-map-scroller');
	if (map && scroller !== undefined) map.scrollLeft = scroller;
	const stamp = Date.now();
	for (const script of frame.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')) void import(/* @vite-ignore */ again(script.src, stamp));
}

if (import.meta.hot) import.meta.hot.on(CONTENT_EVENT, () => void refresh());
