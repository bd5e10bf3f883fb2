/** A rendering thread of the site build (render-pool.ts): takes tasks one by one, answers each with its result or its error. */
import { parentPort } from 'node:worker_threads';
import { encodeJourney } from '../export/index.ts';
import { journeyPageParts } from './page-parts.ts';
import type { RenderAnswer, RenderRequest } from './render-pool.ts';

parentPort!.on('message', async ({ id, task }: RenderRequest) => {
	try {
		if (task.kind === 'page') {
			parentPort!.postMessage({ id, result: journeyPageParts(task.page) } satisfies RenderAnswer);
			return;
		}
		const bytes = await encodeJourney(task.format, task.input);
		// Bytes that own their whole buffer are moved to the main thread, not copied (a view into a
		// shared one, such as Node's pool of small buffers, cannot be moved).
		const movable = typeof bytes !== 'string' && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
		parentPort!.postMessage({ id, result: bytes } satisfies RenderAnswer, movable ? [bytes.buffer] : []);
	} catch (error) {
		parentPort!.postMessage({ id, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } } satisfies RenderAnswer);
	}
});
