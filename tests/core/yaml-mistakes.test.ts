/**
 * A line indented wrongly, or a list dash or a key's colon without its space, gets one message,
 * on that line, that says what to write, instead of `yaml`'s riddles around it ("Sequence item
 * without - indicator", "Implicit keys need to be on a single line" on the line above...).
 * Mutations of a real sample: every line moved one space left of its siblings or indented with a
 * tab, every key moved one space right under a key with a value, every dash and every colon glued
 * to what follows, a quote inside every quoted value and `: ` inside every plain one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { parseJourney } from '../../src/core/index.ts';
import { misindentedLine } from '../../src/core/yaml-mistakes.ts';

const path = 'journeys/restaurant/pizza-visit.md';
const sample = readFileSync(join(import.meta.dirname, '../..', path), 'utf8');
const lines = sample.split('\n');
const closing = lines.indexOf('---', 1);

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
/** The content line before `i`, in the frontmatter. */
const before = (i: number) => lines.slice(1, i).findLast(isContent);

function messagesOf(text: string) {
	const file = new VFile({ path, value: text });
	parseJourney(file, 'restaurant/pizza-visit', path);
	return file.messages.map((m) => [m.line, m.column, m.ruleId, m.reason]);
}

/** The sample with line `i` changed. */
const edited = (i: number, change: (line: string) => string) => lines.map((line, j) => (j === i ? change(line) : line)).join('\n');
const moved = (i: number, by: number) => edited(i, (line) => (by < 0 ? line.slice(-by) : ' '.repeat(by) + line));

describe('on the sample journey', () => {
	test('parses without a message as it is', () => {
		expect(messagesOf(sample)).toEqual([]);
	});

	/** Lines of block scalars (`key: >-` and the deeper lines after it): text, where indentation means something else. */
	const scalarText = new Set<number>();
	lines.forEach((line, i) => {
		if (!/:\s+[|>][-+]?$/.test(line)) return;
		for (let j = i + 1; j < closing && (lines[j].trim() === '' || indentOf(lines[j]) > indentOf(line)); j++) scalarText.add(j);
	});
	// Lines at the same indentation as the content line before them: one space less leaves them between two levels.
	const fields = lines.map((line, i) => ({ line, i })).filter(({ line, i }) => i > 0 && i < closing && !scalarText.has(i) && isContent(line));
	const siblings = fields.filter(({ line, i }) => indentOf(line) > 0 && indentOf(line) === indentOf(before(i) ?? ''));
	test.each(siblings.map(({ i }) => i))('line %i one space left of its siblings: one message, on it', (i) => {
		const indent = indentOf(lines[i]) - 1;
		const [message, ...others] = messagesOf(moved(i, -1));
		expect(others).toEqual([]);
		expect(message).toEqual([i + 1, indent + 1, 'yaml-syntax', expect.stringMatching(new RegExp(`^Unexpected indentation of ${indent} spaces?, expected ${indent + 1} or \\d+ \\(${indent + 1} as the line above\\)`))]);
	});

	// Keys whose line above gives its key a value on the same line: one space more cannot start a nested map.
	const underValues = siblings.filter(({ line, i }) => /^(- )?[\w-]+: \S/.test(line.trim()) && /^(- )?[\w-]+: [^|>[{\s]/.test(before(i)!.trim()) && !before(i)!.trim().startsWith('- '));
	test.each(underValues.map(({ i }) => i))('line %i one space deeper than a key with a value: one message, on it', (i) => {
		const indent = indentOf(lines[i]) + 1;
		const [message, ...others] = messagesOf(moved(i, 1));
		expect(others).toEqual([]);
		expect(message).toEqual([i + 1, indent + 1, 'yaml-syntax', `Unexpected indentation of ${indent} spaces under \`${before(i)!.trim()}\`, which already has a value: indent this line ${indent - 1} spaces, as that line is`]);
	});

	const glued = (i: number, what: RegExp) => edited(i, (line) => line.replace(what, '$1'));
	const items = fields.filter(({ line }) => /^- [\w-]+: /.test(line.trim()));
	test.each(items.map(({ i }) => i))('line %i with no space after its dash: one message, on it', (i) => {
		const key = /^- ([\w-]+):/.exec(lines[i].trim())![1];
		expect(messagesOf(glued(i, /(-) /))).toEqual([[i + 1, indentOf(lines[i]) + 1, 'yaml-syntax', `Unexpected \`-${key}:\` without a space after the dash: a list item is written \`- ${key}:\``]]);
	});
	const pairs = fields.filter(({ line }) => /^(- )?[\w-]+: [\w-]/.test(line.trim()));
	test.each(pairs.map(({ i }) => i))('line %i with no space after its colon: one message, on it', (i) => {
		const [, key, value] = /^(?:- )?([\w-]+): (\S*)/.exec(lines[i].trim())!;
		expect(messagesOf(glued(i, /^(\s*(?:- )?[\w-]+:) /))).toEqual([[i + 1, indentOf(lines[i]) + 1, 'yaml-syntax', `Unexpected \`${key}:${value}\` without a space after the colon: write \`${key}: ${value}\``]]);
	});

	const quotedValues = fields.filter(({ line }) => /^(- )?[\w-]+: "[^"\\]{3,}"$/.test(line.trim()));
	test.each(quotedValues.map(({ i }) => i))('line %i with a `"` inside its value in double quotes: one message, on it', (i) => {
		expect(messagesOf(edited(i, (line) => line.replace(/(: "..)/, '$1"')))).toEqual([
			[i + 1, indentOf(lines[i]) + 1, 'yaml-syntax', 'Unexpected text after the closing `"` of a value in double quotes: a `"` inside the value ends it; write it as `\\"`, or put the value in single quotes'],
		]);
	});

	test.each(siblings.map(({ i }) => i))('line %i indented with a tab: one message, on it', (i) => {
		expect(messagesOf(edited(i, (line) => `\t${line.trimStart()}`))).toEqual([[i + 1, 2, 'yaml-syntax', 'Unexpected tab in the indentation: YAML indents with spaces only; replace the tab with spaces']]);
	});

	// Plain values of a few words: `: ` after the first word reads as a nested key.
	const plainValues = fields.filter(({ line }) => /^(- )?[\w-]+: [A-Za-z][^:#"]* [^:#"]*$/.test(line.trim()));
	test.each(plainValues.map(({ i }) => i))('line %i with `: ` inside its plain value: one message, on it', (i) => {
		const changed = edited(i, (line) => line.replace(/(: \S+) /, '$1: '));
		const [, key, value] = /^(?:- )?([\w-]+): (.*)$/.exec(changed.split('\n')[i].trim())!;
		expect(messagesOf(changed)).toEqual([[i + 1, indentOf(lines[i]) + 1, 'yaml-syntax', `Unexpected \`: \` in the value of \`${key}\`, which YAML reads as another key: put the value in quotes, \`${key}: "${value}"\``]]);
	});

	test('covers enough of the file to mean something', () => {
		expect(siblings.length).toBeGreaterThan(50);
		expect(underValues.length).toBeGreaterThan(20);
		expect(items.length).toBeGreaterThan(20);
		expect(pairs.length).toBeGreaterThan(50);
		expect(quotedValues.length).toBeGreaterThan(20);
		expect(plainValues.length).toBeGreaterThan(40);
	});
});

test('leaves to `yaml` what it cannot follow: flow collections over lines, anchors, quotes across lines, tabs', () => {
	expect(misindentedLine('a: [1,\n  2]\n b: 1\n')).toBeUndefined();
	expect(misindentedLine('a: &x 1\n b: 1\n')).toBeUndefined();
	expect(misindentedLine("a: 'one\n  two'\n b: 1\n")).toBeUndefined();
	expect(misindentedLine('a:\n\t- 1\n')).toBeUndefined();
});

test('reads block scalars and plain values over several lines as text, and a list at its key\'s column as valid', () => {
	expect(misindentedLine('a: |\n  text: not a key\n   more\nb: 1\n')).toBeUndefined();
	expect(misindentedLine('a: a long value\n  that goes on\nb: 1\n')).toBeUndefined();
	expect(misindentedLine('sources:\n- one\n- two\nstages:\n- name: A\n  goal: B\n')).toBeUndefined();
	expect(misindentedLine('stages:\n- name: A\n goal: B\n')).toEqual({ line: 2, indent: 1, expected: [2, 0] });
});

test('a bare word with lines indented under it is a key without its colon; under a longer plain value, the mistake could be anywhere', () => {
	expect(misindentedLine('stages:\n  - name: A\n    touchpoints\n      - name: T\n')).toEqual({ line: 2, indent: 6, expected: [], colonless: 'touchpoints' });
	expect(misindentedLine('stages:\n  - name A\n    goal: B\n')).toBeUndefined();
});
