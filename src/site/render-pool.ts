/**
 * The site build's rendering threads. A journey page's own parts (its map, its Markdown, its
 * insights: page-parts.ts) and each journey's downloads are pure functions of plain data, and
 * most of the CPU time of a build at 1000 journeys, while Astro renders pages on one thread. During
 * `astro build` (and so `cjm build`) they are rendered on worker threads, while the main thread
 * lays out and writes the pages whose parts are ready: Astro renders sixteen pages at a time
 * (astro.config.mjs), so pages' parts are rendered while others are written. The bytes are
 * the same either way; `npm run dev`, which renders one page at a time, renders them itself.
 *
 * The integration starts the pool when a build starts and stops it once the pages are written.
 * The pages reach it through one global slot, as the hand-over does (src/handoff.ts): Node loads
 * astro.config.mjs and this module itself, so the worker's file is found next to it, while the
 * pages run Vite's bundle of this module, a copy that shares nothing else with it.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { startThread } from '../core/index.ts';
import { type Encoded, encodeJourney, type ExportFormat, type JourneyExport } from '../export/index.ts';
import { receivedHandoff } from '../handoff.ts';
import type { JourneyPage } from './journey-page.ts';
import { type JourneyPageParts, journeyPageParts } from './page-parts.ts';

export type RenderTask = { kind: 'page'; page: JourneyPage } | { kind: 'export'; format: ExportFormat; input: JourneyExport };
export interface RenderRequest {
	id: number;
	task: RenderTask;
}
export type RenderAnswer = { id: number; result: JourneyPageParts | Encoded } | { id: number; error: { message: string; stack?: string } };

interface RenderPool {
	run(task: RenderTask): Promise<JourneyPageParts | Encoded>;
	close(): Promise<void>;
}

/** `Symbol.for`: the configuration's copy of this module and the pages' copy must name the same slot. */
const POOL: unique symbol = Symbol.for('cjm.renderPool');
const slot = globalThis as { [POOL]?: RenderPool };

/** One thread per core but the main thread's, at most four: the main thread lays out and writes every page, and more threads would only wait for it. */
const defaultThreads = (): number => Math.max(1, Math.min(availableParallelism() - 1, 4));

interface Thread {
	worker: Worker;
	/** Task ids sent to this thread and not answered yet. */
	pending: Set<number>;
}

/** Each task goes to the thread with the fewest unanswered ones. */
function startPool(size: number): RenderPool {
	const threads: Thread[] = [];
	const waiting = new Map<number, { resolve: (result: JourneyPageParts | Encoded) => void; reject: (error: Error) => void }>();
	let nextId = 0;

	const settle = (thread: Thread, id: number) => {
		thread.pending.delete(id);
		// An idle thread does not keep the process alive: a failed build, which never stops the pool, still exits.
		if (thread.pending.size === 0) thread.worker.unref();
		const task = waiting.get(id);
		waiting.delete(id);
		return task;
	};
	const addThread = () => {
		const thread: Thread = { worker: startThread(new URL('./render-worker.ts', import.meta.url)), pending: new Set() };
		thread.worker.on('message', (answer: RenderAnswer) => {
			const task = settle(thread, answer.id);
			if ('error' in answer) task?.reject(Object.assign(new Error(answer.error.message), { stack: answer.error.stack }));
			else task?.resolve(answer.result);
		});
		// A thread that dies (out of memory, a bug) fails the pages it had, not the build's wait for them.
		thread.worker.on('error', (error) => {
			for (const id of [...thread.pending]) settle(thread, id)?.reject(error);
			const index = threads.indexOf(thread);
			if (index >= 0) threads.splice(index, 1);
		});
		// Idle until its first task: a thread does not keep the process alive while it waits (see settle).
		thread.worker.unref();
		threads.push(thread);
	};
	// Started with the build: the threads load their modules while Vite bundles the site.
	for (let i = 0; i < size; i++) addThread();

	return {
		run(task) {
			if (threads.length === 0) return Promise.reject(new Error('The site build’s rendering threads have stopped.'));
			const thread = threads.reduce((least, each) => (each.pending.size < least.pending.size ? each : least));
			const id = nextId++;
			return new Promise((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				thread.pending.add(id);
				thread.worker.ref();
				thread.worker.postMessage({ id, task } satisfies RenderRequest);
			});
		},
		async close() {
			await Promise.all(threads.splice(0).map((thread) => thread.worker.terminate()));
		},
	};
}

/**
 * Renders on worker threads during `astro build`: `CJM_RENDER_THREADS` of them (src/handoff.ts),
 * by default one per core but the main thread's; `0` renders on the main thread.
 */
export function renderOnThreads(): AstroIntegration {
	return {
		name: 'cjm:render-threads',
		hooks: {
			'astro:build:start': async () => {
				await slot[POOL]?.close();
				const threads = receivedHandoff().renderThreads ?? defaultThreads();
				slot[POOL] = threads > 0 ? startPool(threads) : undefined;
			},
			// Once every page is written: the search index is built after, with the threads' memory freed.
			'astro:build:generated': async () => {
				await slot[POOL]?.close();
				delete slot[POOL];
			},
		},
	};
}

/** The rendered parts of a journey page: on a rendering thread during a build, else here. */
export async function journeyPagePartsOf(page: JourneyPage): Promise<JourneyPageParts> {
	const pool = slot[POOL];
	return pool ? ((await pool.run({ kind: 'page', page })) as JourneyPageParts) : journeyPageParts(page);
}

/** The bytes of one of a journey's downloads: encoded on a rendering thread during a build, else here. */
export async function encodedDownload(format: ExportFormat, input: JourneyExport): Promise<Encoded> {
	const pool = slot[POOL];
	return pool ? ((await pool.run({ kind: 'export', format, input })) as Encoded) : encodeJourney(format, input);
}
