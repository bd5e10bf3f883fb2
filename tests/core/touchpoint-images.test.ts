/**
 * Touchpoint images (`image`): every way a path can be refused, at the place of its `src`, with
 * the same resolver and words as persona avatars; the model keeps only the images that passed;
 * images without alt text get a warning. Fixture projects: tests/fixtures/touchpoint-images and
 * tests/fixtures/rules/missing-image, rules/missing-alt.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { loadProject, memoryCache, parseJourney, touchpointsOf } from '../../src/core/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** `path:line:column rule reason` of every message of a fixture project. */
async function messagesOf(name: string, options: Parameters<typeof loadProject>[1] = {}): Promise<string[]> {
	const { files } = await loadProject(join(fixtures, name), { displayRoot: name, ...options });
	return files.flatMap((file) => file.messages.map((m) => `${file.path.slice(name.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`));
}

const FOLDERS = 'expected a file under journeys/, personas/ or assets/';

describe('touchpoint images', () => {
	const expected = [
		'journeys/visit.md:9:22 invalid-path Unexpected URL as `image` `https://example.com/menu.png`, expected the path of an image in this project: the site loads nothing from elsewhere',
		'journeys/visit.md:12:22 missing-image Missing image file `shots/gone.png`, expected an image path relative to this file',
		`journeys/visit.md:15:22 invalid-path Unexpected \`image\` \`../notes/secret.svg\` outside the content folders, ${FOLDERS}`,
		`journeys/visit.md:18:22 invalid-path Unexpected \`image\` \`../assets/linked.svg\` that links outside the content folders (or in a loop), ${FOLDERS}`,
		'journeys/visit.md:21:22 invalid-path Unexpected `image` `shots/folder.svg` that is a folder, expected an image file',
		'journeys/visit.md:24:22 invalid-image Unexpected `image` `shots/notes.txt`, expected an image: .png, .jpg, .jpeg, .gif, .webp or .svg',
		'journeys/visit.md:27:22 unsafe-svg Unexpected `<script>` element in SVG `image` `shots/script.svg` (line 1), remove it: the site publishes no SVG with scripts, event handlers or references to other files',
		'journeys/visit.md:33:19 missing-image Missing image file `shots/gone.png`, expected an image path relative to this file',
	];

	test('a remote URL, a missing file, outside the content folders, a link out, a folder, a non-image, an unsafe SVG: each at its `src`', async () => {
		expect(await messagesOf('touchpoint-images')).toEqual(expected);
	});

	test('the same messages and places from cached parse results', async () => {
		const cache = memoryCache();
		expect(await messagesOf('touchpoint-images', { cache })).toEqual(expected);
		expect(await messagesOf('touchpoint-images', { cache })).toEqual(expected);
	});

	test('the model keeps only images that passed, with project-relative paths, so the site publishes nothing else', async () => {
		const { project } = await loadProject(join(fixtures, 'touchpoint-images'));
		expect(touchpointsOf(project.journeys[0]).map((t) => t.image)).toEqual([
			[],
			[],
			[],
			[],
			[],
			[],
			[],
			[
				{ src: 'journeys/shots/menu.svg', alt: 'The menu' },
				{ src: 'assets/shared.svg', alt: 'A shared picture' },
			],
		]);
	});

	test('missing-image: only the file that is not on disk, in a map, a list, or up in assets/', async () => {
		expect(await messagesOf('rules/missing-image')).toEqual([
			'journeys/screens.md:15:18 missing-image Missing image file `shots/compare.png`, expected an image path relative to this file',
			'journeys/screens.md:19:22 missing-image Missing image file `../assets/pay.svg`, expected an image path relative to this file',
		]);
	});

	test('missing-alt: a bare path, a path in a list, a map without `alt`; an empty `alt` (decorative) is fine', async () => {
		const advice = (src: string, name: string) => `Missing \`alt\` text for image \`${src}\` of touchpoint \`${name}\`, write it as \`{src: ${src}, alt: …}\` and say what the image shows`;
		expect(await messagesOf('rules/missing-alt')).toEqual([
			`journeys/screens.md:9:16 missing-alt ${advice('shots/search.svg', 'Search')}`,
			`journeys/screens.md:13:13 missing-alt ${advice('shots/search.svg', 'Compare fares')}`,
			`journeys/screens.md:14:18 missing-alt ${advice('../assets/counter.svg', 'Compare fares')}`,
		]);
	});

	test('wrong types say what an image may be', () => {
		const file = new VFile({
			path: 'journeys/x.md',
			value: '---\ntitle: T\npersona: p\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        emotion: 0\n        image: 5\n      - name: B\n        emotion: 0\n        image: {src: a.svg, alt: A, title: x}\n---\n',
		});
		parseJourney(file, 'x', 'journeys/x.md');
		expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
			'9:16 wrong-type Unexpected `image` 5 in touchpoint `A` of stage `S`, expected an image path, a map with `src` and `alt`, or a list of them',
			'12:37 unknown-key Unexpected key `title` in touchpoint `B` of stage `S`, expected one of `src` or `alt`',
		]);
	});
});
