/**
 * Reading a plain body's headings line by line against micromark: wherever the line reading gives
 * an answer, it is micromark's, to the offset; and it gives one for the samples' bodies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { journeyText, personaText } from '../../bench/generate.ts';
import { plainHeadings, treeHeadings } from '../../src/core/body-headings.ts';
import { repoRoot } from '../helpers.ts';

const markdown = unified().use(remarkParse).freeze();
const micromarkHeadings = (body: string) => treeHeadings(markdown.parse(body) as Root);

/** The body of a file: what follows the closing `---` of its frontmatter. */
const bodyOf = (text: string) => text.slice(text.indexOf('\n---', 4) + 4);

/** Lines that are headings, nearly headings, or open something that could hide or make one. */
const LINES = [
	'', '# Awareness', '## Research', '### Step 1', '###### Six', '####### Seven', '#hashtag', '#', '## ', '# Title   ', '#\tTabbed',
	'# Title #', '# **Bold**', '# A & B', '# A &amp; B', '# a\\*', '# `code`', '# [link](x)', '# x\u2028y', ' # one space', '   ### three spaces',
	'    # four spaces', '\t# tab', ' \t# space and tab', 'Paragraph text.', 'Text with **bold** and [a link](x).', '- item', '* item',
	'+ item', '1. item', '2) item', '  - nested item', '  continued', '> quote', '> # quoted', '>', '```', '```js', '~~~', '  ```',
	'    ```', '<div>', '</div>', '<!-- comment', '-->', '===', '---', '  ---', '- - -', '***', '___', '[a]: /url "title', '"',
	'[a', ']: /url', '[the future state](./signup-future.md).', '\\# escaped', 'é # not a heading',
];

const body = fc
	.tuple(fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 6 })), { maxLength: 14 }), fc.constantFrom('\n', '\r\n'))
	.map(([lines, ending]) => ending + lines.join(ending));

describe('plainHeadings', () => {
	test('gives micromark’s headings, or nothing, for any body', () => {
		let answered = 0;
		fc.assert(
			fc.property(body, fc.nat(5000), (text, offset) => {
				const plain = plainHeadings(text, offset);
				if (plain === undefined) return;
				answered++;
				expect(plain).toEqual(micromarkHeadings(text).map((heading) => ({ ...heading, start: heading.start + offset, end: heading.end + offset })));
			}),
			{ numRuns: 2000 }
		);
		// A reading that gave up on everything would pass the check above.
		expect(answered).toBeGreaterThan(200);
	});

	test.each([
		['a fence', '\n```\n# Not a heading\n```\n# After'],
		['an HTML block', '\n<div>\n# Not a heading\n\n# After'],
		['a setext heading', '\nStage\n===\n# After'],
		['a setext heading under ---', '\nStage\n---'],
		['an indented heading', '\n  # Indented'],
		['markup in a heading', '\n## **Awareness**'],
		['a closing sequence', '\n## Awareness ##'],
	])('gives up on %s', (_, text) => {
		expect(plainHeadings(text, 0)).toBeUndefined();
	});

	test.each([
		['after a list', '\n- item\n  more\n# After'],
		['after a quote', '\n> quote\n# After'],
		['inside a definition’s open title', '\n[a]: /url "title\n# Heading\n"'],
		['after indented code', '\n    code\n# After'],
		['around a tab-indented line', '\n# One\n\t# code\n## Two'],
	])('reads headings %s as micromark does', (_, text) => {
		expect(plainHeadings(text, 0)).toEqual(micromarkHeadings(text));
		expect(micromarkHeadings(text).length).toBeGreaterThan(0);
	});

	test('reads the body of every sample and benchmark file', () => {
		const files = ['journeys', 'personas'].flatMap((dir) =>
			readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
				.filter((name) => name.endsWith('.md'))
				.map((name) => readFileSync(join(repoRoot, dir, name), 'utf8'))
		);
		for (const text of [...files, journeyText(1, 10), personaText(1)]) {
			const body = bodyOf(text);
			expect(plainHeadings(body, 0)).toEqual(micromarkHeadings(body));
		}
	});
});
