/**
 * The content problems of the running `astro dev`, from the loaders to the page. The loaders
 * (loaders.ts) publish the positioned messages of the last check instead of throwing, and the
 * integration (dev-overlay.ts) sends them to every open page, which shows them in an overlay
 * until a check finds none. Astro loads the loaders and astro.config.mjs as separate copies of
 * this module, so the state lives in one global slot, named with `Symbol.for` like the hand-over.
 */
import type { VFile } from 'vfile';
import { format } from '../report/index.ts';

/** What a page shows: one line per message, `file:line:column: severity text [rule]`, as `cjm validate --format compact` prints them. */
export interface Problems {
	/** Files with errors (the site keeps their last good version meanwhile). */
	files: string[];
	messages: string[];
}

type Listener = (problems: Problems) => void;

const SLOT: unique symbol = Symbol.for('cjm.devProblems');
const state = ((globalThis as { [SLOT]?: { current: Problems; listeners: Set<Listener> } })[SLOT] ??= {
	current: { files: [], messages: [] },
	listeners: new Set(),
});

/** The problems of `failing` (files with at least one error), in the report's compact voice. */
export function problemsOf(failing: VFile[]): Problems {
	const lines = format(failing, 'compact').split('\n').filter(Boolean);
	return { files: failing.map((file) => file.path), messages: lines };
}

/**
 * Loader side: the result of the latest check (no files: all clear). Returns whether it differs
 * from the last one: both collections check the same project, and the terminal needs it once.
 */
export function publishProblems(problems: Problems): boolean {
	const changed = problems.messages.join('\n') !== state.current.messages.join('\n');
	state.current = problems;
	for (const listener of state.listeners) listener(problems);
	return changed;
}

export const currentProblems = (): Problems => state.current;

/** Integration side: called with every new result; returns a function that stops listening. */
export function onProblems(listener: Listener): () => void {
	state.listeners.add(listener);
	return () => state.listeners.delete(listener);
}
