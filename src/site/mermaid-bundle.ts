/**
 * Mermaid as its authors build it for browsers: `mermaid/dist/mermaid.esm.min.mjs` and the chunks
 * it imports on demand (one per diagram type and layout), served by the site as they are
 * (src/pages/mermaid/). Bundling the package with Vite made the same code again on every build,
 * a cold one or a rebuild after one change: the client build took 2.5 to 3.5 s on the samples,
 * and takes 0.1 to 0.2 s without it.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MERMAID_ENTRY } from './mermaid-module.ts';

/** mermaid's `dist/` folder, where the package's entry lives. */
const dist = dirname(fileURLToPath(import.meta.resolve('mermaid')));
/** Where the entry imports its chunks from, relative to itself. */
const CHUNKS = 'chunks/mermaid.esm.min';

/** Every file the entry can load, relative to it (the source maps stay out). */
export function mermaidFiles(): string[] {
	return [MERMAID_ENTRY, ...readdirSync(join(dist, CHUNKS)).filter((name) => name.endsWith('.mjs')).map((name) => `${CHUNKS}/${name}`)];
}

/** One of `mermaidFiles()`, as it is in the package. */
export const mermaidFile = (file: string): Promise<string> => readFile(join(dist, file), 'utf8');
