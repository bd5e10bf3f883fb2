/**
 * The real `astro dev` over a content folder (CJM_ROOT), on a free loopback port, in its own
 * process group so it stops with everything it started. Used by the dev overlay test and by the
 * benchmark of an edit's way to the open page (`npm run bench -- dev`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface DevServer {
	/** `http://127.0.0.1:PORT/`. */
	base: string;
	/** Everything the server printed so far. */
	output: () => string;
	stop: () => void;
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
		});
	});
}

/** Polls `check` every `every` ms until it holds; past `deadline` ms, fails saying what it waited for and what `output` holds. */
export async function until(what: string, check: () => Promise<boolean>, deadline: number, output: () => string = () => '', every = 250): Promise<void> {
	const end = Date.now() + deadline;
	while (Date.now() < end) {
		if (await check().catch(() => false)) return;
		await new Promise((done) => setTimeout(done, every));
	}
	throw new Error(`timed out waiting for ${what}; astro dev said:\n${output()}`);
}

/** Starts `astro dev` on `contentRoot` and resolves once `firstPage` (a path under the site) is served. */
export async function startDevServer(contentRoot: string, firstPage: string, deadline: number): Promise<DevServer> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}/`;
	const env: NodeJS.ProcessEnv = { ...process.env, CJM_ROOT: contentRoot, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
	for (const name of Object.keys(env)) if (['NODE_ENV', 'MODE', 'TEST', 'CJM_DEBUG', 'BASE_PATH', 'CJM_DISPLAY_ROOT'].includes(name) || name.startsWith('VITEST')) delete env[name];
	const server: ChildProcess = spawn(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	const stop = () => {
		if (!server.pid) return;
		try {
			process.kill(-server.pid, 'SIGTERM');
		} catch {
			// Already gone.
		}
	};
	try {
		await until('the first page', async () => (await fetch(base + firstPage)).ok, deadline, () => output);
	} catch (error) {
		stop();
		throw error;
	}
	return { base, output: () => output, stop };
}
