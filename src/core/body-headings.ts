/**
 * The top-level headings of a Markdown body: all that validation reads of the body unless it has
 * images (`lint-body.ts`). Parsing a body with micromark was a fifth of validation's time, for
 * a handful of `## Stage` lines, so a plain body is read line by line instead, and anything that
 * could make those lines mean something else sends the body to micromark (`treeHeadings`).
 * tests/core/body-headings.test.ts checks both ways against each other.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface BodyHeading {
	depth: number;
	/** The heading's text, as `mdast-util-to-string` gives it. */
	title: string;
	/** Offsets in the file: the start of the `#` line and the end of that line (before its line ending). */
	start: number;
	end: number;
}

/** The headings among the top-level children of `tree`. */
export function treeHeadings(tree: Root): BodyHeading[] {
	return tree.children.flatMap((node) =>
		node.type === 'heading' ? [{ depth: node.depth, title: toString(node), start: node.position!.start.offset!, end: node.position!.end.offset! }] : []
	);
}

/** An ATX heading at the start of a line: one to six `#`, then a space, a tab or the line's end. */
const ATX = /^(#{1,6})(?:[ \t]+(.*))?$/s;
/** Heading text that inline Markdown could change (escapes, code, emphasis, links, HTML, entities) or a closing `#` run. */
const INLINE = /[\\`*_[\]!<&#]/;
/**
 * A line the line-by-line reading cannot be sure of. What a line of at most three spaces' indent
 * may start that could hide a later `#` line, or make the line before it a heading: a code fence,
 * an HTML block, a setext underline (`===`, `---`). Nothing else can: a `#` line interrupts a
 * paragraph (even a link definition's title left open) and is never a lazy continuation of a list
 * or a quote. And a `#` indented one to three spaces: a heading whose place starts after the indent.
 */
const UNSURE = /^ {0,3}(?:`{3}|~{3}|<|=+[ \t]*$|-+[ \t]*$)|^ {1,3}#/;
const EDGE_SPACE = /^[ \t]+|[ \t]+$/g;

/**
 * The top-level headings of `body` (which starts at `offset` in the file) when a line-by-line
 * reading finds them exactly as micromark would, else undefined. That holds when every heading is
 * an ATX heading at the start of its line with plain text, and no line opens a fence, an HTML
 * block or a setext heading. Lists and block quotes may stay: a line starting with `#` cannot
 * continue them, so it ends them; headings inside them are indented or quoted, and not top level.
 * A line indented four columns or more (a tab counts to the next multiple of four) is code or
 * continues a paragraph, and is never a heading.
 */
export function plainHeadings(body: string, offset: number): BodyHeading[] | undefined {
	const headings: BodyHeading[] = [];
	for (let start = 0; start <= body.length; ) {
		const newline = body.indexOf('\n', start);
		const next = newline === -1 ? body.length + 1 : newline + 1;
		const end = newline === -1 ? body.length : newline > start && body[newline - 1] === '\r' ? newline - 1 : newline;
		const line = body.slice(start, end);
		if (line.startsWith('#')) {
			const atx = ATX.exec(line);
			if (atx) {
				const text = atx[2] ?? '';
				if (INLINE.test(text)) return undefined;
				headings.push({ depth: atx[1].length, title: text.replace(EDGE_SPACE, ''), start: offset + start, end: offset + end });
			}
		} else if (UNSURE.test(line)) return undefined;
		start = next;
	}
	return headings;
}
