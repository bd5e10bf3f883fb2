/**
 * Bodies that would make the Markdown parser (micromark) take minutes, refused in one linear pass
 * before parsing. Measured on 2 cores: its time grows with the square of how deeply lists and
 * quotes nest (800 levels of indented lists: half a minute), of how many inline markers one
 * paragraph holds (4,000 `*a`: 2 s; 4,000 `[a](`: 2 s, and 16 times that at 4 times the size),
 * and of backtick runs times paragraph length (1,000 code-span openers that never close in a
 * 500 KB paragraph: 27 s). Real documents stay far below every bound here.
 */

export interface TooComplex {
	/** Offset in the text where the problem starts. */
	offset: number;
	reason: string;
}

const MAX_INDENT = 200;
const MAX_MARKERS = 50;
/** Inline markers (`[`, `]`, `(`, `*`, `_`, `<`, `!`) in one paragraph: about half a second at worst. */
export const MAX_INLINE_MARKERS = 2000;
/** The sum over paragraphs of markers squared: a few paragraphs at the limit, not hundreds. */
const MAX_INLINE_WORK = 4 * MAX_INLINE_MARKERS ** 2;
/** Backtick runs times paragraph length: each unclosed run scans to the paragraph's end. */
const MAX_CODE_SPAN_WORK = 20_000_000;

const MARKER = /(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)/y;
const INLINE = new Set(['[', ']', '(', '*', '_', '<', '!']);

/** The first reason the Markdown after `start` is too complex to parse, or undefined. */
export function tooComplex(text: string, start: number): TooComplex | undefined {
	let paragraph = { start, markers: 0, backtickRuns: 0 };
	let inlineWork = 0;
	let codeSpanWork = 0;
	/** Closes the paragraph ending at `end`, returning a problem if it is too much. */
	const close = (end: number): TooComplex | undefined => {
		const { markers, backtickRuns } = paragraph;
		inlineWork += markers * markers;
		codeSpanWork += backtickRuns * (end - paragraph.start);
		if (markers > MAX_INLINE_MARKERS || inlineWork > MAX_INLINE_WORK) {
			return {
				offset: paragraph.start,
				reason: `Unexpected paragraph with ${markers} brackets, asterisks and other inline markers, expected at most ${MAX_INLINE_MARKERS} per paragraph and a few such paragraphs: Markdown like this takes minutes to read, split it up or remove markers`,
			};
		}
		if (codeSpanWork > MAX_CODE_SPAN_WORK) {
			return {
				offset: paragraph.start,
				reason: `Unexpected paragraph with ${backtickRuns} backtick runs in ${end - paragraph.start} characters: Markdown like this takes minutes to read, close the code spans or split the paragraph`,
			};
		}
		return undefined;
	};

	for (let lineStart = start; lineStart < text.length; ) {
		const newline = text.indexOf('\n', lineStart);
		const lineEnd = newline === -1 ? text.length : newline;
		let column = 0;
		let at = lineStart;
		for (; at < lineEnd && (text[at] === ' ' || text[at] === '\t'); at++) column += text[at] === '\t' ? 4 : 1;
		if (column > MAX_INDENT) {
			return { offset: lineStart, reason: `Unexpected line indented ${column} columns, expected at most ${MAX_INDENT}: Markdown nested this deep cannot be read, flatten it` };
		}
		let markers = 0;
		for (MARKER.lastIndex = at; markers <= MAX_MARKERS && MARKER.test(text); markers++) {
			for (; MARKER.lastIndex < lineEnd && (text[MARKER.lastIndex] === ' ' || text[MARKER.lastIndex] === '\t'); MARKER.lastIndex++);
		}
		if (markers > MAX_MARKERS) return { offset: at, reason: `Unexpected list or quote nested over ${MAX_MARKERS} levels on one line, flatten it` };

		if (at >= lineEnd || (at === lineEnd - 1 && text[at] === '\r')) {
			// A blank line ends the paragraph: inline constructs never cross it.
			const problem = close(lineStart);
			if (problem) return problem;
			paragraph = { start: lineEnd + 1, markers: 0, backtickRuns: 0 };
		} else {
			for (let i = at; i < lineEnd; i++) {
				const char = text[i];
				if (INLINE.has(char)) paragraph.markers++;
				else if (char === '`' && text[i - 1] !== '`') paragraph.backtickRuns++;
			}
		}
		lineStart = lineEnd + 1;
	}
	return close(text.length);
}
