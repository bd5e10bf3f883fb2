/**
 * JavaScript a built page loads up front: its module scripts and everything they import
 * statically. Dynamic imports (search, and Mermaid on diagram pages) are reported separately.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Minified chunks quote specifiers with ", ' or ` (Mermaid's own build names its files .mjs).
const IMPORT = /(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`]([^"'`]+\.m?js)["'`]/g;
const DYNAMIC = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

export interface Budget {
	initial: number;
	lazy: number;
}

export function pageJavaScript(dist: string, page: string): Budget {
	const html = readFileSync(join(dist, page), 'utf8');
	const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
		(m) => join(dist, m[1])
	);
	// Inline module scripts import chunks too.
	const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].flatMap((m) =>
		[...m[1].matchAll(IMPORT), ...m[1].matchAll(DYNAMIC)].map((i) => ({ path: join(dist, i[1].startsWith('/') ? i[1] : `/${i[1]}`), lazy: i[0].startsWith('import(') }))
	);
	const initial = new Set<string>();
	const lazy = new Set<string>();
	const visit = (file: string, into: Set<string>) => {
		if (initial.has(file) || into.has(file)) return;
		into.add(file);
		const code = readFileSync(file, 'utf8');
		for (const m of code.matchAll(IMPORT)) visit(resolve(dirname(file), m[1]), into);
		// One level of lazy loading: the diagram library itself, not every diagram type it could load later.
		if (into === initial) for (const m of code.matchAll(DYNAMIC)) visit(resolve(dirname(file), m[1]), lazy);
	};
	for (const file of entries) visit(file, initial);
	for (const { path, lazy: isLazy } of inline) visit(path, isLazy ? lazy : initial);
	// A diagram's script imports Mermaid's own build, which the site serves under mermaid/<version>/ (src/site/mermaid-bundle.ts).
	if (html.includes('<pre class="mermaid') && existsSync(join(dist, 'mermaid'))) for (const version of readdirSync(join(dist, 'mermaid'))) visit(join(dist, 'mermaid', version, 'mermaid.esm.min.mjs'), lazy);
	for (const file of initial) lazy.delete(file);
	const size = (files: Set<string>) => [...files].reduce((sum, file) => sum + statSync(file).size, 0);
	const inlineBytes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1]), 0);
	return { initial: size(initial) + inlineBytes, lazy: size(lazy) };
}
