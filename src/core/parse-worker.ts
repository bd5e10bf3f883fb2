/** A parsing thread for `parseAll`: takes files from the shared counter until none is left, returns their results as plain data. */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { WireBatch, WireDone } from './parallel.ts';

// Loading the parser is most of a worker's start (each thread compiles its modules again): use the
// compile cache the main thread uses, if it has one (bin/cjm.js enables it), before loading them.
const { compileCache } = workerData as { compileCache?: string };
if (compileCache) enableCompileCache(compileCache);
const [{ VFile }, { parseWire }, { encodeResult }] = await Promise.all([import('vfile'), import('./parallel.ts'), import('./parse-cache.ts')]);

parentPort!.once('message', ({ tasks, next }: WireBatch) => {
	const done: WireDone = [];
	for (let i = Atomics.add(next, 0, 1); i < tasks.length; i = Atomics.add(next, 0, 1)) done.push([i, encodeResult(parseWire(tasks[i], (path, value) => new VFile({ path, value })))]);
	parentPort!.postMessage(done);
});
