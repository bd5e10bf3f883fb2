import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import { locator } from '../../src/core/place.ts';

test('offsets become 1-based lines and columns; CRLF counts as one line break', () => {
	const locate = locator(new VFile({ value: 'ab\r\ncd\ne' }));
	expect(locate(0)).toEqual({ line: 1, column: 1, offset: 0 });
	expect(locate(4)).toEqual({ line: 2, column: 1, offset: 4 });
	expect(locate(7)).toEqual({ line: 3, column: 1, offset: 7 });
	expect(locate(8)).toEqual({ line: 3, column: 2, offset: 8 }); // the end of the text
	expect(locate(0, 2)).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 } });
});

test('an offset between the \\r and \\n of a CRLF stays on its line, just past its last character', () => {
	const locate = locator(new VFile({ value: 'ab\r\ncd' }));
	expect(locate(2)).toEqual({ line: 1, column: 3, offset: 2 });
	expect(locate(3)).toEqual({ line: 1, column: 3, offset: 2 });
	expect(locate(1, 3)).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 3, offset: 2 } });
});

test('an offset outside the text falls back to the start of the file', () => {
	const locate = locator(new VFile({ value: 'ab' }));
	expect(locate(99)).toEqual({ line: 1, column: 1, offset: 0 });
	expect(locate(-1)).toEqual({ line: 1, column: 1, offset: 0 });
});
