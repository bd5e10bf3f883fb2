/**
 * Line breaking for text drawn as SVG or PDF text, which does not wrap by itself. Widths are
 * estimated, not measured: each character counts as a fixed share of the font size by its class
 * (narrow like `i`, `l`, `.`; wide like `m`, `W` and capitals; everything else average). The
 * shares are set a little above Source Sans 3's real advances (the map's font), so an estimated
 * line is never wider than its column in that font; in a wider fallback font a line may run a few
 * per cent over. No font file is read, so the renderer stays pure.
 */

const NARROW = new Set("iljtfrI.,:;'!|()[]{} ");
const WIDE = new Set('mwMW@%&');

/** Estimated width of `text` at `size` px (bold text is about 6 % wider). */
export function textWidth(text: string, size: number, bold = false): number {
	let em = 0;
	for (const char of text) em += NARROW.has(char) ? 0.3 : WIDE.has(char) ? 0.85 : char >= 'A' && char <= 'Z' ? 0.62 : 0.52;
	return em * size * (bold ? 1.06 : 1);
}

/**
 * `text` broken into lines no wider than `width`: at spaces, and inside a word only when the word
 * alone is wider than a line. Existing line breaks are kept.
 */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		let lineWidth = 0;
		const space = textWidth(' ', size, bold);
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const wordWidth = textWidth(word, size, bold);
			const candidate = line ? lineWidth + space + wordWidth : wordWidth;
			if (candidate <= width) {
				line = line ? `${line} ${word}` : word;
				lineWidth = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = '';
			// A word wider than the line: cut it where it fills the line, measuring each character once.
			let rest = '';
			for (const char of word) {
				if (rest && textWidth(rest + char, size, bold) > width) {
					lines.push(rest);
					rest = '';
				}
				rest += char;
			}
			line = rest;
			lineWidth = textWidth(rest, size, bold);
		}
		if (line || lines.length === 0) lines.push(line);
	}
	return lines;
}
