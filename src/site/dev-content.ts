/**
 * `astro dev` only: news from the loaders that the models in memory changed, for the integration
 * (dev-overlay.ts) to pass to the open pages, which then show the change in place. Astro loads the
 * loaders and astro.config.mjs as separate copies of this module, so the listeners live in one
 * global slot, named with `Symbol.for` like the hand-over.
 */
type Listener = () => void;

const SLOT: unique symbol = Symbol.for('cjm.devContent');
const listeners = ((globalThis as { [SLOT]?: Set<Listener> })[SLOT] ??= new Set());

/** Loader side: the models in `siteModels` were just replaced by those of the latest check. */
export function publishContentChange(): void {
	for (const listener of listeners) listener();
}

/** Integration side: called after every change; returns a function that stops listening. */
export function onContentChange(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
