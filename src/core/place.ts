/**
 * Offsets to `line:column` places. Everything positional funnels through here, so CRLF line
 * endings and a stripped byte-order mark are handled in one spot.
 */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

export interface Point {
	line: number;
	column: number;
	offset?: number;
}

/** A point, or a range with both ends, as unist and `vfile-message` take them. */
export type Place = Point | { start: Point; end: Point };

export type Locator = (start: number, end?: number) => Place;

/** Returns a function that turns offsets into the file’s text into places. */
export function locator(file: VFile): Locator {
	const { toPoint } = location(file);
	const text = String(file.value);
	// An offset between the `\r` and `\n` of a CRLF would get a column past the end of its line: use the `\r`.
	const point = (offset: number): Point =>
		toPoint(text[offset] === '\n' && text[offset - 1] === '\r' ? offset - 1 : offset) ?? { line: 1, column: 1, offset: 0 };
	return (start, end) => (end === undefined || end <= start ? point(start) : { start: point(start), end: point(end) });
}

/** The place of the first character of a file, for problems with the file as a whole. */
export const FILE_START: Place = { line: 1, column: 1, offset: 0 };
