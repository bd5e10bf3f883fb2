/** A parsing thread for `parseAll`: receives a batch of files, returns their results as plain data. */
import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { parseWire, type WireTask } from './parallel.ts';

parentPort!.once('message', (batch: WireTask[]) => {
	parentPort!.postMessage(batch.map((task) => parseWire(task, (path, value) => new VFile({ path, value }))));
});
