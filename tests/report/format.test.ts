/**
 * Content in terminal output: a touchpoint name or key with a newline and `::error …` must not
 * print a GitHub workflow command, and escape sequences must not reach the terminal raw.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { parseJourney } from '../../src/core/index.ts';
import { format, printableText } from '../../src/report/index.ts';

/** One file whose messages quote hostile touchpoint names (and a duplicate id with a cause), one with a hostile unknown key. */
const hostile = () => {
	const head = ['---', 'title: T', 'persona: p', 'stages:', '  - name: S', '    touchpoints:'];
	const files = [
		['      - name: "Pay\\n::error file=README.md,line=1::pwned"', '        id: pay', '      - name: "Ring \\u001b[31mred\\u001b[0m\\u0007"', '        id: pay'],
		['      - name: "Ring \\u001b[31mred\\u001b[0m\\u0007"', '        "colour\\n::warning::x": 1'],
	].map((lines, i) => new VFile({ path: `journeys/x${i}.md`, value: [...head, ...lines, '---'].join('\n') }));
	for (const file of files) parseJourney(file, 'x');
	return files;
};

describe('terminal formats show content escaped', () => {
	test.each(['stylish', 'compact'] as const)('%s: no line starts a workflow command, no raw control character', (kind) => {
		const files = hostile();
		expect(files.map((file) => file.messages.map((m) => m.ruleId))).toEqual([['duplicate-id', 'missing-emotion', 'missing-emotion'], ['unknown-key']]);
		const out = format(files, kind);
		expect(out).not.toMatch(/^\s*::/m);
		expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
		expect(out).toContain('\\n::warning::x');
		expect(out).toContain('Ring \\u001b[31mred\\u001b[0m\\u0007');
		expect(out).toContain('Pay\\n::error file=README.md,line=1::pwned');
	});

	test('github: the data is escaped by the workflow-command rules, one command per message', () => {
		const lines = format(hostile(), 'github').trimEnd().split('\n');
		expect(lines).toHaveLength(4);
		for (const line of lines) expect(line).toMatch(/^::(error|warning) file=journeys\/x[01]\.md,[^\n]*::/);
		expect(lines[1]).toContain('Pay%0A::error file=README.md,line=1::pwned');
	});

	test('printableText names the common controls and codes the others', () => {
		expect(printableText('a\nb\r\tc\u001b\u2028')).toBe('a\\nb\\r\\tc\\u001b\\u2028');
		expect(printableText('plain “text” with ünïcode')).toBe('plain “text” with ünïcode');
	});
});
