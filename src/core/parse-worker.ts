/**
 * A parsing thread for `parseAll`: takes files from the shared counter until none is left, and
 * sends their results as plain data, `RESULTS_PER_MESSAGE` at a time, the last message marked.
 */
import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { parseWire, RESULTS_PER_MESSAGE, type WireBatch, type WireResults } from './parallel.ts';
import { encodeResult } from './parse-cache.ts';

parentPort!.once('message', ({ tasks, next }: WireBatch) => {
	let results: WireResults['results'] = [];
	for (let i = Atomics.add(next, 0, 1); i < tasks.length; i = Atomics.add(next, 0, 1)) {
		results.push([i, encodeResult(parseWire(tasks[i], (path, value) => new VFile({ path, value })))]);
		if (results.length === RESULTS_PER_MESSAGE) {
			parentPort!.postMessage({ results } satisfies WireResults);
			results = [];
		}
	}
	parentPort!.postMessage({ results, last: true } satisfies WireResults);
});
