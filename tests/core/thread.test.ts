/** Our worker threads start with this process's compile cache already on, for their entry module too. */
import { mkdtempSync, rmSync } from 'node:fs';
import { enableCompileCache, getCompileCacheDir } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { expect, test } from 'vitest';
import { startThread } from '../../src/core/index.ts';

// The thread's first module says whether the cache was on before it was compiled.
const entry = new URL(`data:text/javascript,${encodeURIComponent("import { getCompileCacheDir } from 'node:module'; import { parentPort } from 'node:worker_threads'; parentPort.postMessage(getCompileCacheDir() ?? null);")}`);

test('a thread compiles its entry module with the compile cache of the process that started it', async () => {
	const folder = mkdtempSync(join(tmpdir(), 'cjm-thread-cache-'));
	try {
		const cache = getCompileCacheDir() ?? (enableCompileCache(folder), getCompileCacheDir());
		expect(cache).toBeTruthy();
		const thread = startThread(entry, { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
		const [seen] = await once(thread, 'message');
		await thread.terminate();
		expect(seen).toBe(cache);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});
