/**
 * Paths and file names: what a path in content may lead to, which SVGs are published, how
 * folder walks treat links, and which file names can be URLs. Exact messages, from fixture
 * projects under tests/fixtures/rules/ (one per rule) and temporary copies with links in them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { svgProblem } from '../../src/core/svg-safety.ts';
import { loadProject, resolveContentPath, SOURCE_PATHS, sourceKind, type TreeEntry, treeFiles } from '../../src/core/index.ts';
import { repoRoot } from '../helpers.ts';

const fixtures = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));

/** `path:line:column rule reason` of every message of a fixture project. */
async function messagesOf(name: string, root = join(fixtures, name)): Promise<string[]> {
	const { files } = await loadProject(root, { displayRoot: name });
	return files.flatMap((file) => file.messages.map((m) => `${file.path.slice(name.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`));
}

const temps: string[] = [];
function copyOf(name: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'cjm-paths-'));
	temps.push(dir);
	cpSync(join(fixtures, name), dir, { recursive: true, verbatimSymlinks: true });
	return dir;
}
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const FOLDERS = 'expected a file under journeys/, personas/ or assets/';
const NAMES = 'letters, digits, `-`, `_` and `.` (not first)';
const SVG_ADVICE = 'remove it: the site publishes no SVG with scripts, event handlers or references to other files';

describe('paths in content', () => {
	test('invalid-path: URLs, absolute paths, `\\`, outside the project or the content folders, folders, links out, characters', async () => {
		expect(await messagesOf('invalid-path')).toEqual([
			'personas/absolute.md:3:9 invalid-path Unexpected absolute path as `avatar` `/etc/hosts.png`, expected a path relative to this file',
			'personas/backslash.md:3:9 invalid-path Unexpected `\\` in `avatar` `avatars\\a.png`, expected `/` between folders',
			'personas/empty.md:3:9 invalid-path Unexpected empty `avatar`, expected the path of an image relative to this file',
			'personas/folder.md:3:9 invalid-path Unexpected `avatar` `avatars/folder.png` that is a folder, expected an image file',
			`personas/linked.md:3:9 invalid-path Unexpected \`avatar\` \`../assets/linked.png\` that links outside the content folders (or in a loop), ${FOLDERS}`,
			`personas/outside.md:3:9 invalid-path Unexpected \`avatar\` \`../../../outside.png\` outside the project, ${FOLDERS}`,
			`personas/percent.md:3:9 invalid-path Unexpected \`%\` in \`avatar\` \`avatars/100%.png\`, expected file and folder names of ${NAMES}`,
			`personas/secret.md:3:9 invalid-path Unexpected \`avatar\` \`../secret.env\` outside the content folders, ${FOLDERS}`,
			`personas/space.md:3:9 invalid-path Unexpected space in \`avatar\` \`avatars/eva molin.png\`, expected file and folder names of ${NAMES}`,
			'personas/url.md:3:9 invalid-path Unexpected URL as `avatar` `https://example.com/a.png`, expected the path of an image in this project: the site loads nothing from elsewhere',
		]);
	});

	test('a refused avatar is not in the model, so the site never copies it', async () => {
		const { project } = await loadProject(join(fixtures, 'invalid-path'));
		expect(project.personas.map((persona) => persona.avatar)).toEqual(project.personas.map(() => undefined));
		const { project: valid } = await loadProject(join(fixtures, 'invalid-image'));
		expect(valid.personas.flatMap((persona) => persona.avatar ?? [])).toEqual(['assets/shared.png']);
	});

	test('invalid-image: extension, first bytes that are another type, HTML as SVG, SVG that is not XML', async () => {
		expect(await messagesOf('invalid-image')).toEqual([
			'personas/broken.md:3:9 invalid-image Unexpected `avatar` `avatars/broken.svg` that is not an SVG image: XML that is not well-formed (unexpected close tag) at line 1',
			'personas/html-as-gif.md:3:9 invalid-image Unexpected `avatar` `avatars/page.gif` that is not a GIF image but text, save it as GIF or give it the extension of its type',
			'personas/html-as-svg.md:3:9 invalid-image Unexpected `avatar` `avatars/page.svg` that is not an SVG image: root element `<html>` instead of `<svg>` in the SVG namespace at line 1',
			'personas/jpeg-as-png.md:3:9 invalid-image Unexpected `avatar` `avatars/photo.png` that is not a PNG image but a JPEG image, save it as PNG or give it the extension of its type',
			'personas/text.md:3:9 invalid-image Unexpected `avatar` `avatars/notes.txt`, expected an image: .png, .jpg, .jpeg, .gif, .webp or .svg',
		]);
	});

	test('unsafe-svg: scripts, handlers, embedded documents, references out, entities; prefixes do not hide them', async () => {
		expect(await messagesOf('unsafe-svg')).toEqual([
			`personas/animate.md:3:9 unsafe-svg Unexpected animation of \`href\` in SVG \`avatar\` \`avatars/animate.svg\` (line 2), ${SVG_ADVICE}`,
			`personas/css.md:3:9 unsafe-svg Unexpected reference to \`https://example.com/x.svg#p\` in \`<style>\` in SVG \`avatar\` \`avatars/css.svg\` (line 2), ${SVG_ADVICE}`,
			`personas/entity.md:3:9 unsafe-svg Unexpected DOCTYPE with declarations (entities can hide any markup) in SVG \`avatar\` \`avatars/entity.svg\` (line 1), ${SVG_ADVICE}`,
			`personas/foreign.md:3:9 unsafe-svg Unexpected \`<foreignObject>\` element in SVG \`avatar\` \`avatars/foreign.svg\` (line 2), ${SVG_ADVICE}`,
			`personas/link.md:3:9 unsafe-svg Unexpected reference to \`javascript:alert(1)\` in \`href\` in SVG \`avatar\` \`avatars/link.svg\` (line 2), ${SVG_ADVICE}`,
			`personas/onload.md:3:9 unsafe-svg Unexpected event handler \`onload\` in SVG \`avatar\` \`avatars/onload.svg\` (line 1), ${SVG_ADVICE}`,
			`personas/prefix.md:3:9 unsafe-svg Unexpected \`<x:script>\` element in SVG \`avatar\` \`avatars/prefix.svg\` (line 1), ${SVG_ADVICE}`,
			`personas/remote.md:3:9 unsafe-svg Unexpected reference to \`https://example.com/track.png\` in \`xlink:href\` in SVG \`avatar\` \`avatars/remote.svg\` (line 2), ${SVG_ADVICE}`,
			`personas/script.md:3:9 unsafe-svg Unexpected \`<script>\` element in SVG \`avatar\` \`avatars/script.svg\` (line 2), ${SVG_ADVICE}`,
		]);
	});

	test.each([
		['the sample avatar', readFileSync(join(repoRoot, 'personas/avatars/eva-molin.svg'), 'utf8'), undefined],
		['local references and embedded PNG', readFileSync(join(fixtures, 'unsafe-svg/personas/avatars/safe.svg'), 'utf8'), undefined],
		['an Inkscape-style file', '<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:export-filename="C:\\x.png"><style>.a{fill:url(#g)}</style></svg>', undefined],
		['an SVG 1.1 DOCTYPE', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"/>', undefined],
		['a handler in upper case', '<svg xmlns="http://www.w3.org/2000/svg" ONLOAD="x()"/>', 'event handler `ONLOAD`'],
		['an HTML iframe', '<svg xmlns="http://www.w3.org/2000/svg"><iframe src="https://x"/></svg>', '`<iframe>` element'],
		['a stylesheet instruction', '<?xml-stylesheet href="https://x/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>', '`<?xml-stylesheet?>` instruction (it loads a stylesheet from elsewhere)'],
		['a CSS import', '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://x/a.css";</style></svg>', '`@import` in `<style>`'],
		['a CSS escape', '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: u\\72l(https://x)"/></svg>', 'CSS escape (`\\`) in `style`'],
		['a presentation attribute', '<svg xmlns="http://www.w3.org/2000/svg"><rect filter="URL(https://x/f.svg#f)"/></svg>', 'reference to `https://x/f.svg#f` in `filter`'],
		['an embedded SVG', '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>', 'reference to `data:image/svg+xml;base64,PHN2Zy8+` in `href`'],
		['a handler set by animation', '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onclick" to="x()"/></svg>', 'animation of `onclick`'],
		['an entity reference to a character', '<svg xmlns="http://www.w3.org/2000/svg"><a href="&#106;avascript:x()"/></svg>', 'reference to `javascript:x()` in `href`'],
		['HTML without foreignObject', '<svg xmlns="http://www.w3.org/2000/svg"><h:p xmlns:h="http://www.w3.org/1999/xhtml"/></svg>', 'HTML element `<h:p>`'],
	])('svgProblem: %s', (_, svg, what) => {
		expect(svgProblem(svg)?.what).toBe(what);
	});
});

describe('links in folder walks', () => {
	test('unfollowed-link: a link to a folder inside, a link to a folder outside, a link to a file outside', async () => {
		const advice = (dir: string) => `not followed: move the folder into ${dir}/ or link its files one by one`;
		expect(await messagesOf('unfollowed-link')).toEqual([
			`journeys/latest:1:1 unfollowed-link Unexpected link to a folder, ${advice('journeys')}`,
			'journeys/notes.md:1:1 unfollowed-link Unexpected link that leads outside journeys/, personas/ and assets/ (or in a loop), not followed: move what it links to into journeys/',
			'journeys/shared:1:1 unfollowed-link Unexpected link that leads outside journeys/, personas/ and assets/ (or in a loop), not followed: move what it links to into journeys/',
		]);
		const { project } = await loadProject(join(fixtures, 'unfollowed-link'));
		expect(project.journeys.map((journey) => journey.id)).toEqual(['archive/old', 'ok']);
	});

	test('two loops back to the journeys folder: each journey read once, each loop reported once', async () => {
		const root = copyOf('unfollowed-link');
		symlinkSync('.', join(root, 'journeys/loop'));
		symlinkSync('..', join(root, 'journeys/archive/up'));
		symlinkSync('self.md', join(root, 'personas/self.md'));
		const { project, files } = await loadProject(root, { displayRoot: 'x' });
		expect(project.journeys.map((journey) => journey.id)).toEqual(['archive/old', 'ok']);
		expect(files.filter((file) => file.messages.length > 0).map((file) => [file.path, file.messages.map((m) => m.ruleId)])).toEqual([
			['x/journeys/archive/up', ['unfollowed-link']],
			['x/journeys/latest', ['unfollowed-link']],
			['x/journeys/loop', ['unfollowed-link']],
			['x/journeys/notes.md', ['unfollowed-link']],
			['x/journeys/shared', ['unfollowed-link']],
			['x/personas/self.md', ['unfollowed-link']],
		]);
	});
});

describe('a git revision (treeFiles)', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);
	const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
	const tree = new Map<string, TreeEntry>([
		['personas/p.md', { read: () => bytes('---\nname: P\n---\n') }],
		['personas/avatars/real.svg', { read: () => bytes(svg) }],
		['personas/avatars/alias.svg', { link: true, read: () => bytes('../../assets/shared.svg') }],
		['personas/avatars/out.svg', { link: true, read: () => bytes('../../../etc/x.svg') }],
		['personas/avatars/loop.svg', { link: true, read: () => bytes('loop.svg') }],
		['personas/folder-link', { link: true, read: () => bytes('avatars') }],
		['assets/shared.svg', { read: () => bytes(svg) }],
	]);
	const resolve = (written: string) => resolveContentPath(treeFiles(tree), { from: 'personas/p.md', written, key: 'avatar', missing: 'missing-avatar' });

	test.each([
		['avatars/real.svg', 'personas/avatars/real.svg'],
		['avatars/alias.svg', 'assets/shared.svg'],
		['folder-link/real.svg', 'personas/avatars/real.svg'],
	])('%s is read where it points', (written, real) => {
		expect(resolve(written)).toMatchObject({ ok: true });
		expect(treeFiles(tree).find(`personas/${written}`)).toMatchObject({ kind: 'file' });
		expect(treeFiles(tree).find(real)).toMatchObject({ kind: 'file' });
	});

	test.each([
		['avatars/out.svg', 'invalid-path'],
		['avatars/loop.svg', 'invalid-path'],
		['avatars', 'invalid-image'],
		['avatars/none.svg', 'missing-avatar'],
		['../assets', 'invalid-path'],
	])('%s is refused with %s', (written, rule) => {
		expect(resolve(written)).toMatchObject({ ok: false, rule });
	});
});

describe('file names', () => {
	test('invalid-file-name: characters that cannot be in a URL; Unicode letters can', async () => {
		const advice = `expected names of ${NAMES}: the id is part of URLs, rename the file or folder`;
		expect(await messagesOf('invalid-file-name')).toEqual([
			`journeys/..md:1:1 invalid-file-name Unexpected \`.\` at the start in the file name \`journeys/..md\`, ${advice}`,
			`journeys/100%.md:1:1 invalid-file-name Unexpected \`%\` in the file name \`journeys/100%.md\`, ${advice}`,
			`journeys/a?b.md:1:1 invalid-file-name Unexpected \`?\` in the file name \`journeys/a?b.md\`, ${advice}`,
			`journeys/bad#folder/inner.md:1:1 invalid-file-name Unexpected \`#\` in the file name \`journeys/bad#folder/inner.md\`, ${advice}`,
			`journeys/with space.md:1:1 invalid-file-name Unexpected space in the file name \`journeys/with space.md\`, ${advice}`,
		]);
	});

	test('control and invisible characters are named by code point, never printed raw', async () => {
		const root = copyOf('invalid-file-name');
		cpSync(join(root, 'journeys/café.md'), join(root, 'journeys/tab\there.md'));
		cpSync(join(root, 'journeys/café.md'), join(root, 'journeys/esc\u001b[31m.md'));
		cpSync(join(root, 'journeys/café.md'), join(root, 'journeys/zero\u200bwidth.md'));
		const found = (await messagesOf('x', root)).filter((line) => /tab|esc|zero/.test(line));
		expect(found.map((line) => line.replace(/^.*? Unexpected /, '').replace(/, expected.*$/, ''))).toEqual([
			'invisible character U+001B in the file name `journeys/esc\\u{1b}[31m.md`',
			'invisible character U+0009 in the file name `journeys/tab\\u{9}here.md`',
			'invisible character U+200B in the file name `journeys/zero\\u{200b}width.md`',
		]);
		// The reason only: how a file path is printed is the reporters' business.
		for (const line of found) expect(line.replace(/^.*? Unexpected /, '')).not.toMatch(/[\u0000-\u001f\u200b]/);
	});

	test('duplicate-file-name: names that differ only in Unicode normalisation; ids are NFC', async () => {
		expect(await messagesOf('duplicate-file-name')).toEqual([
			'journeys/caf\u00e9.md:1:1 duplicate-file-name Unexpected file `journeys/caf\u00e9.md` whose name differs from `journeys/cafe\u0301.md` only in Unicode normalisation (both have the id `caf\u00e9`), remove or rename one of them',
		]);
		const { project } = await loadProject(join(fixtures, 'duplicate-file-name'));
		expect(project.journeys.map((journey) => journey.id)).toEqual(['caf\u00e9', 'caf\u00e9']);
		expect(project.journeys.map((journey) => journey.id.normalize('NFC') === journey.id)).toEqual([true, true]);
	});
});

test('the files a project is read from, by project-relative path', () => {
	expect(['journeys/a.md', 'journeys/shop/b.md', 'personas/eva.md', 'metrics/web.csv', 'metrics/2026/q4.csv', 'cjm.config.yaml'].map(sourceKind)).toEqual(['journey', 'journey', 'persona', 'metrics', 'metrics', 'config']);
	// What a watcher watches is where these are: each path is the file or holds them.
	expect(SOURCE_PATHS.map((path) => sourceKind(path) ?? sourceKind(`${path}/a.md`) ?? sourceKind(`${path}/a.csv`))).toEqual(['journey', 'persona', 'metrics', 'config']);
	for (const other of ['journeys/a.txt', 'journeys', 'assets/a.md', 'metrics/notes.md', 'personas/eva.csv', 'README.md', 'docs/cjm.config.yaml', 'journeys.md']) expect(sourceKind(other), other).toBeUndefined();
});
