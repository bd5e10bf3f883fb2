/**
 * Global setup of the browser tests: builds the real site ONCE from a copy of the samples plus a
 * hostile journey, with the real `cjm build` in a child process, and serves the output on
 * 127.0.0.1 with a random port. Tests get the base URL and folders through `inject()`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chooseChromium, type ChromiumChoice } from './chromium.ts';
import { userBuildEnv } from './build-env.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** `http://127.0.0.1:PORT/`, serving the built site. */
		siteUrl: string;
		/** The built site's folder. */
		siteDir: string;
		/** The content the site was built from: the samples (with their metrics) and journeys/hostile.md. */
		contentDir: string;
		/** How long `cjm build` took, in milliseconds. */
		buildMs: number;
		/** What `cjm build` printed, stdout and stderr. */
		buildOutput: string;
		/** The Chromium every browser test launches, chosen (and unpacked, if it is npm's) once. */
		chromium: ChromiumChoice;
	}
}

const repo = fileURLToPath(new URL('../..', import.meta.url));

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.mmd': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	// Pagefind's index files.
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * A static file server as a plain host (GitHub Pages, nginx) would be: `dir/` serves
 * `dir/index.html`, unknown paths the 404 page, text compressed with gzip when the browser asks,
 * so the bytes a test measures are the bytes a reader downloads.
 */
export function serve(root: string): Promise<Server> {
	const gzipped = new Map<string, Buffer>();
	const server = createServer(async (request, response) => {
		try {
			const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
			let file = normalize(join(root, path));
			if (file !== root && !file.startsWith(root + sep)) throw new Error('outside');
			if (existsSync(file) && statSync(file).isDirectory()) {
				if (!path.endsWith('/')) {
					response.writeHead(301, { Location: `${path}/` }).end();
					return;
				}
				file = join(file, 'index.html');
			}
			let body: Buffer = await readFile(file);
			const type = TYPES[extname(file)] ?? 'application/octet-stream';
			const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
			if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
				const key = `${file}:${statSync(file).mtimeMs}`;
				if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
				body = gzipped.get(key)!;
				headers['Content-Encoding'] = 'gzip';
			}
			headers['Content-Length'] = body.length;
			response.writeHead(200, headers);
			response.end(request.method === 'HEAD' ? undefined : body);
		} catch {
			const missing = existsSync(join(root, '404.html')) ? await readFile(join(root, '404.html')) : 'Not found';
			response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(missing);
		}
	});
	return new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => done(server));
	});
}

function buildSite(contentDir: string, outDir: string): Promise<string> {
	const env = userBuildEnv();
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['bin/cjm.js', 'build', contentDir, '--out-dir', outDir], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill(), 180_000);
		child.on('error', fail);
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code === 0 && existsSync(join(outDir, 'index.html'))) done(output);
			else fail(new Error(`cjm build exited with ${code}:\n${output}`));
		});
	});
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const chromium = await chooseChromium();
	const work = mkdtempSync(join(tmpdir(), 'cjm-site-'));
	const contentDir = join(work, 'content');
	const siteDir = join(work, 'site');
	mkdirSync(contentDir);
	for (const folder of ['journeys', 'personas', 'metrics']) cpSync(join(repo, folder), join(contentDir, folder), { recursive: true });
	cpSync(join(repo, 'tests/fixtures/site/hostile.md'), join(contentDir, 'journeys/hostile.md'));

	const started = performance.now();
	let buildOutput: string;
	try {
		buildOutput = await buildSite(contentDir, siteDir);
	} catch (error) {
		rmSync(work, { recursive: true, force: true });
		throw error;
	}
	const buildMs = Math.round(performance.now() - started);

	const server = await serve(resolve(siteDir));
	const { port } = server.address() as AddressInfo;
	project.provide('siteUrl', `http://127.0.0.1:${port}/`);
	project.provide('siteDir', siteDir);
	project.provide('contentDir', contentDir);
	project.provide('buildMs', buildMs);
	project.provide('buildOutput', buildOutput);
	project.provide('chromium', chromium);
	console.log(`site: built in ${(buildMs / 1000).toFixed(1)} s, served at http://127.0.0.1:${port}/, tested in ${chromium.source} Chromium ${chromium.executablePath}`);

	return async () => {
		server.closeAllConnections();
		await new Promise<void>((done) => server.close(() => done()));
		rmSync(work, { recursive: true, force: true });
	};
}
