/** The HMR events between `astro dev` and its pages: content problems (the server's news, and a page's question when it opens), and new content. */
export const PROBLEMS_EVENT = 'cjm:problems';
export const ASK_EVENT = 'cjm:problems?';
/** The models in memory changed: a page renders itself again and shows the change in place (dev-refresh-client.ts). */
export const CONTENT_EVENT = 'cjm:content';
/**
 * Dispatched on the document just before a page's content is replaced in place: a page script
 * lets go of what it set up on the window or the document for the old content, which would
 * otherwise keep it alive. Only `astro dev` replaces content; a built page never sees this event.
 */
export const SWAP_EVENT = 'cjm:swap';

/**
 * The page's elements matching `selector` that no script has set up yet as `name`, each marked as
 * set up now. Page scripts set their elements up through this: in `astro dev`, the scripts of an
 * earlier page frame may run late, over a newer frame that its own scripts set up already
 * (dev-refresh-client.ts), and an element set up twice gets every listener twice.
 */
export function notSetUp<E extends Element>(selector: string, name: string): E[] {
	const mark = `data-cjm-${name}`;
	const elements = [...document.querySelectorAll<E>(`${selector}:not([${mark}])`)];
	for (const element of elements) element.setAttribute(mark, '');
	return elements;
}
