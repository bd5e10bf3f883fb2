/**
 * `npm run screenshot`: the README's picture of the pizza visit's journey map at fit width, taken
 * from the built site (`npm run build` first) in headless Chromium, so it always shows what the
 * site shows. Writes docs/pizza-map.png.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseChromium, launchChromium } from '../tests/site/chromium.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = join(repo, process.argv[2] ?? 'dist');
const out = join(repo, 'docs/pizza-map.png');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm' };

const server = createServer(async (request, response) => {
	let path = normalize(join(dist, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
	if (!path.startsWith(dist)) return void response.writeHead(403).end();
	if (path.endsWith('/')) path = join(path, 'index.html');
	try {
		const body = await readFile(path);
		response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
	} catch {
		response.writeHead(404).end();
	}
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;

const browser = await launchChromium(await chooseChromium());
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
	await page.goto(`http://127.0.0.1:${port}/journeys/restaurant/pizza-visit/?zoom=fit`, { waitUntil: 'networkidle' });
	const map = page.locator('#map');
	await map.scrollIntoViewIfNeeded();
	await map.screenshot({ path: out });
	console.log(`wrote ${out}`);
} finally {
	await browser.close();
	server.close();
}
