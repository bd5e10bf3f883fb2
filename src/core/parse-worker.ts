/** A parsing thread for `parseAll`: takes files from the shared counter until none is left, returns their results as plain data. */
import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { parseWire, type WireBatch, type WireDone } from './parallel.ts';
import { encodeResult } from './parse-cache.ts';

parentPort!.once('message', ({ tasks, next }: WireBatch) => {
	const done: WireDone = [];
	for (let i = Atomics.add(next, 0, 1); i < tasks.length; i = Atomics.add(next, 0, 1)) done.push([i, encodeResult(parseWire(tasks[i], (path, value) => new VFile({ path, value })))]);
	parentPort!.postMessage(done);
});
