/**
 * The layers and what each may import: the core and the report below everything, the renderers
 * over the core, the exports over both, the hand-over between the CLI and the site, and the CLI and the site side by side,
 * never importing each other. A layer is imported through its public entry only. The test reads
 * every import specifier in src/, bin/ and astro.config.mjs (in .astro files: the frontmatter and
 * the scripts), so a new deep import fails here, with the file and the specifier.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.ts';

interface Layer {
	name: string;
	/** Which repository paths belong to it. */
	owns: (path: string) => boolean;
	/** The one file other layers import; undefined: nothing imports this layer. */
	entry?: string;
	/** Layers it may import (through their entries). */
	uses: string[];
	/** Packages it must not import: the core and the renderers know nothing of Astro or the terminal. */
	forbidden?: RegExp;
}

const FRAMEWORKS = /^(astro|astro:.*|astro\/.*|@astrojs\/.*|commander|vfile-reporter)$/;

const LAYERS: Layer[] = [
	{ name: 'core', owns: (p) => p.startsWith('src/core/'), entry: 'src/core/index.ts', uses: [], forbidden: FRAMEWORKS },
	{ name: 'report', owns: (p) => p.startsWith('src/report/'), entry: 'src/report/index.ts', uses: [], forbidden: /^(astro|astro:.*|astro\/.*|@astrojs\/.*|commander)$/ },
	{ name: 'render', owns: (p) => p.startsWith('src/render/'), entry: 'src/render/index.ts', uses: ['core'], forbidden: FRAMEWORKS },
	{ name: 'export', owns: (p) => p.startsWith('src/export/'), entry: 'src/export/index.ts', uses: ['core', 'render'], forbidden: FRAMEWORKS },
	{ name: 'import', owns: (p) => p.startsWith('src/import/'), entry: 'src/import/index.ts', uses: ['core', 'render'], forbidden: FRAMEWORKS },
	{ name: 'handoff', owns: (p) => p === 'src/handoff.ts', entry: 'src/handoff.ts', uses: ['core'], forbidden: FRAMEWORKS },
	{ name: 'history', owns: (p) => p === 'src/history.ts', entry: 'src/history.ts', uses: [], forbidden: FRAMEWORKS },
	// The site's folder across an incremental build: `cjm build` keeps it, an Astro integration prunes it.
	{ name: 'kept-out-dir', owns: (p) => p === 'src/kept-out-dir.ts', entry: 'src/kept-out-dir.ts', uses: [] },
	{ name: 'cli', owns: (p) => p.startsWith('src/cli/') || p.startsWith('bin/'), uses: ['core', 'render', 'report', 'handoff', 'export', 'import', 'history', 'kept-out-dir'] },
	{
		name: 'site',
		owns: (p) => /^src\/(site|pages|components)\//.test(p) || p === 'src/content.config.ts' || p === 'astro.config.mjs',
		uses: ['core', 'render', 'report', 'handoff', 'export', 'history', 'kept-out-dir'],
	},
];

const layerOf = (path: string) => LAYERS.find((layer) => layer.owns(path));

interface SourceText {
	/** Repository-relative, with forward slashes. */
	path: string;
	text: string;
}

/** The import specifiers of a file: static, re-export, side-effect and dynamic imports. */
function specifiers(file: SourceText): string[] {
	// An .astro file is TypeScript in its frontmatter and its <script> elements, HTML elsewhere.
	const parts = file.path.endsWith('.astro')
		? [file.text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? '', ...[...file.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])]
		: [file.text];
	return parts.flatMap((part) => ts.preProcessFile(part, true, true).importedFiles.map((reference) => reference.fileName));
}

/** Every import that breaks the layering, as "file: message". */
function violations(files: SourceText[]): string[] {
	const found: string[] = [];
	for (const file of files) {
		const from = layerOf(file.path);
		if (!from) continue;
		for (const specifier of specifiers(file)) {
			if (!specifier.startsWith('.')) {
				if (from.forbidden?.test(specifier)) found.push(`${file.path}: the ${from.name} layer must not import "${specifier}"`);
				continue;
			}
			const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
			const to = layerOf(target);
			if (!to || to === from) continue;
			if (!from.uses.includes(to.name)) found.push(`${file.path}: the ${from.name} layer must not import the ${to.name} layer ("${specifier}")`);
			else if (target !== to.entry) found.push(`${file.path}: import the ${to.name} layer from ${to.entry}, not "${specifier}"`);
		}
	}
	return found;
}

function sources(): SourceText[] {
	const walk = (dir: string): string[] =>
		readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? walk(posix.join(dir, entry.name)) : /\.(ts|mjs|js|astro)$/.test(entry.name) ? [posix.join(dir, entry.name)] : []
		);
	return [...walk('src'), ...walk('bin'), 'astro.config.mjs'].map((path) => ({ path, text: readFileSync(join(repoRoot, path), 'utf8') }));
}

describe('layers', () => {
	it('no file imports a layer it may not use, or another layer’s internals', () => {
		const files = sources();
		// The scan sees the imports it should: otherwise an empty list would pass for the wrong reason.
		expect(files.length).toBeGreaterThan(50);
		expect(specifiers(files.find((file) => file.path === 'src/cli/validate.ts')!)).toContain('../core/index.ts');
		expect(specifiers(files.find((file) => file.path === 'src/pages/backlog.astro')!)).toContain('../core/index.ts');
		expect(violations(files)).toEqual([]);
	});

	it('the site and the CLI never import each other', () => {
		const files = sources();
		const crossing = files.flatMap((file) =>
			specifiers(file)
				.filter((specifier) => specifier.startsWith('.'))
				.map((specifier) => posix.normalize(posix.join(posix.dirname(file.path), specifier)))
				.filter((target) => (layerOf(file.path)?.name === 'site' && layerOf(target)?.name === 'cli') || (layerOf(file.path)?.name === 'cli' && layerOf(target)?.name === 'site'))
				.map((target) => `${file.path} -> ${target}`)
		);
		expect(crossing).toEqual([]);
	});

	describe('fails on', () => {
		const check = (path: string, text: string) => violations([{ path, text }]);

		it('the site importing the CLI, and the CLI the site', () => {
			expect(check('src/site/loaders.ts', "import { format } from '../cli/format.ts';")).toEqual(['src/site/loaders.ts: the site layer must not import the cli layer ("../cli/format.ts")']);
			expect(check('src/cli/build.ts', "import { handOffValidated } from '../site/project.ts';")).toEqual(['src/cli/build.ts: the cli layer must not import the site layer ("../site/project.ts")']);
			expect(check('src/pages/x.astro', "---\nimport { main } from '../cli/main.ts';\n---\n<p>x</p>")).toHaveLength(1);
		});

		it('a deep import into another layer, static, re-exported or dynamic', () => {
			expect(check('src/pages/backlog.astro', "---\nimport { backlog } from '../core/aggregate.ts';\n---\n")).toEqual([
				'src/pages/backlog.astro: import the core layer from src/core/index.ts, not "../core/aggregate.ts"',
			]);
			expect(check('src/render/sparkline.ts', "import {\n\temotionCurve,\n} from '../core/insights.ts';")).toHaveLength(1);
			expect(check('src/cli/diff.ts', "export { diffText } from '../render/diff-report.ts';")).toHaveLength(1);
			expect(check('src/cli/main.ts', "const { render } = await import('../render/table.ts');")).toHaveLength(1);
		});

		it('a lower layer importing a higher one, or a framework', () => {
			expect(check('src/core/model.ts', "import { journeyTable } from '../render/index.ts';")).toHaveLength(1);
			expect(check('src/core/model.ts', "import { getCollection } from 'astro:content';")).toEqual(['src/core/model.ts: the core layer must not import "astro:content"']);
			expect(check('src/report/format.ts', "import { Command } from 'commander';")).toHaveLength(1);
			expect(check('src/handoff.ts', "import { build } from './cli/build.ts';")).toHaveLength(1);
		});

		it('but not on imports inside a layer, or through its entry', () => {
			expect(check('src/render/table.ts', "import { anchor } from './format.ts';\nimport { touchpointsOf } from '../core/index.ts';")).toEqual([]);
			expect(check('src/site/urls.ts', "import { anchor } from '../render/index.ts';")).toEqual([]);
		});
	});
});
