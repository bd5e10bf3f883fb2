/** Starting our worker threads (validation's parsing threads, the site build's rendering threads). */
import { getCompileCacheDir } from 'node:module';
import { dirname } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running `url`, with the compile cache of this process if it has one (bin/cjm.js
 * enables it): each thread loads and compiles its modules again. The thread reads the cache's
 * folder from its environment as it starts, so its entry module too comes from the cache; enabled
 * from within the thread, the cache came after Node had stripped the entry module's types, which
 * loads Node's TypeScript stripper (0.3 s of CPU for each thread). Node keeps the cache in a folder
 * of its version inside the folder it is given: the thread is given the folder above it, or it
 * would make a folder of its own inside (as it did when the thread enabled it with that path).
 */
export function startThread(url: URL, options: WorkerOptions = {}): Worker {
	const compileCache = getCompileCacheDir();
	return new Worker(url, { ...options, env: compileCache ? { ...process.env, NODE_COMPILE_CACHE: dirname(compileCache) } : process.env });
}
