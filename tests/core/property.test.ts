/**
 * Hostile input, generated: the real sample files, mutated at random (lines deleted and
 * duplicated, YAML-significant characters, NUL and invalid UTF-8 inserted, truncation, line
 * endings swapped, values replaced by hostile ones: long ids, control characters and forged
 * workflow commands, path strings, huge lists). Parsing must never throw, must finish, and must
 * only point at places that exist in the file; the messages, in every terminal format, must
 * never carry a control character or start a GitHub workflow command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, test } from 'vitest';
import { parseJourney, parsePersona } from '../../src/core/index.ts';
import { format, FORMATS } from '../../src/report/index.ts';

const root = new URL('../..', import.meta.url).pathname;
/** Bounded so the suite stays fast; raise it for a longer hunt: `CJM_PROPERTY_RUNS=5000 npm test`. */
const RUNS = Number(process.env.CJM_PROPERTY_RUNS) || 200;
const TIMEOUT = Math.max(60_000, RUNS * 100);

function markdownFiles(dir: string): string[] {
	return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.md'))
		.map((name) => join(dir, name))
		.sort();
}

interface Sample {
	kind: 'journey' | 'persona';
	path: string;
	/** The file's bytes as a Latin-1 string: one character per byte, so edits can split UTF-8 sequences. */
	bytes: string;
}

const samples: Sample[] = [
	...markdownFiles('journeys').map((path) => ({ kind: 'journey' as const, path })),
	...markdownFiles('personas').map((path) => ({ kind: 'persona' as const, path })),
].map((sample) => ({ ...sample, bytes: readFileSync(join(root, sample.path)).toString('latin1') }));

const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** Things that mean something to YAML, Markdown or a decoder. */
const TOKENS = [
	':',
	': ',
	'-',
	'- ',
	'[',
	']',
	'{',
	'}',
	',',
	'&a ',
	'*a',
	'&a [*a, *a]',
	'!!binary ',
	'? ',
	'|',
	'>',
	'#',
	'## ',
	'### ',
	'"',
	"'",
	'\t',
	'\0',
	'\r',
	'\n',
	'\r\n',
	'---\n',
	'...\n',
	'%YAML 1.2\n',
	'  ',
	'\\',
	'`',
	'<!--',
].map(asBytes);
/** Raw bytes that are not valid UTF-8 on their own, and multi-byte characters to split. */
const BYTES = ['\xff', '\xfe', '\xc3', '\xe2\x82', '\x80', '\xed\xa0\x80', '\xef\xbb\xbf', asBytes('é'), asBytes('😀'), asBytes('\u2028')];

/** Values written by careless or hostile hands: each becomes the value of some `key:` line. */
const HOSTILE: fc.Arbitrary<string> = fc.oneof(
	// Long unbroken ids and names.
	fc.string({ unit: fc.constantFrom('a', 'b', '-', '_', 'é'), minLength: 1000, maxLength: 6000 }),
	// Control characters, terminal escapes and forged workflow commands (as YAML double-quoted strings).
	fc
		.constantFrom('\u001b[31mred\u001b[0m', 'x\n::error file=a.md,line=1::forged', '\r::warning::x', '\u0007\u0008\u007f', '\u202eevil', '%0A::error::x', '\u009b31m')
		.map((value) => JSON.stringify(value)),
	// Paths that lead elsewhere.
	fc.constantFrom('../secret.env', '/etc/passwd', '..\\..\\x', 'C:\\Windows', 'journeys/../../x', '%2e%2e/x', 'file:///etc/passwd', 'https://example.com/x.png', './', '.', '__proto__'),
	// Huge lists.
	fc.integer({ min: 100, max: 5000 }).map((n) => `[${Array.from({ length: n }, (_, i) => `x${i % 7}`).join(', ')}]`)
).map(asBytes);

/** An edit as plain data, so a failing case prints readably. Positions wrap around the file's length. */
type Edit =
	| { op: 'delete'; at: number; length: number }
	| { op: 'delete-lines'; at: number; count: number }
	| { op: 'duplicate-lines'; at: number; count: number; times: number }
	| { op: 'insert'; at: number; text: string }
	| { op: 'overwrite'; at: number; byte: number }
	| { op: 'truncate'; at: number }
	| { op: 'line-endings'; to: 'crlf' | 'cr' | 'lf' }
	| { op: 'indent'; at: number; prefix: string }
	| { op: 'hostile-value'; at: number; value: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
	fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
	fc.record({ op: fc.constant('delete-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }),
	fc.record({ op: fc.constant('duplicate-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }), times: fc.integer({ min: 1, max: 3 }) }),
	fc.record({
		op: fc.constant('insert' as const),
		at: fc.nat(),
		text: fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...BYTES), fc.uint8Array({ minLength: 1, maxLength: 8 }).map((raw) => Buffer.from(raw).toString('latin1'))),
	}),
	fc.record({ op: fc.constant('overwrite' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
	fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({ op: fc.constant('line-endings' as const), to: fc.constantFrom('crlf' as const, 'cr' as const, 'lf' as const) }),
	fc.record({ op: fc.constant('indent' as const), at: fc.nat(), prefix: fc.constantFrom(' ', '  ', '\t', '') }),
	fc.record({ op: fc.constant('hostile-value' as const), at: fc.nat(), value: HOSTILE })
);

function apply(bytes: string, edit: Edit): string {
	const lines = bytes.split('\n');
	const offset = 'at' in edit ? edit.at % (bytes.length + 1) : 0;
	const line = 'at' in edit ? edit.at % lines.length : 0;
	switch (edit.op) {
		case 'delete':
			return bytes.slice(0, offset) + bytes.slice(offset + edit.length);
		case 'delete-lines':
			return [...lines.slice(0, line), ...lines.slice(line + edit.count)].join('\n');
		case 'duplicate-lines': {
			const copy = lines.slice(line, line + edit.count);
			return [...lines.slice(0, line + edit.count), ...Array.from({ length: edit.times }, () => copy).flat(), ...lines.slice(line + edit.count)].join('\n');
		}
		case 'insert':
			return bytes.slice(0, offset) + edit.text + bytes.slice(offset);
		case 'overwrite':
			return bytes.length === 0 ? bytes : bytes.slice(0, offset % bytes.length) + String.fromCharCode(edit.byte) + bytes.slice((offset % bytes.length) + 1);
		case 'truncate':
			return bytes.slice(0, offset);
		case 'line-endings': {
			const lf = bytes.replaceAll('\r\n', '\n');
			return edit.to === 'lf' ? lf : lf.replaceAll('\n', edit.to === 'crlf' ? '\r\n' : '\r');
		}
		case 'indent':
			// An empty prefix dedents by up to two spaces.
			lines[line] = edit.prefix === '' ? lines[line].replace(/^ {1,2}/, '') : edit.prefix + lines[line];
			return lines.join('\n');
		case 'hostile-value': {
			// The first `key: value` line from `line` on (wrapping around); no such line, no change.
			for (let i = 0; i < lines.length; i++) {
				const at = (line + i) % lines.length;
				const key = /^(\s*(?:- )?[\w-]+:)[ \t]/.exec(lines[at]);
				if (key) {
					lines[at] = `${key[1]} ${edit.value}`;
					return lines.join('\n');
				}
			}
			return bytes;
		}
	}
}

/** A sample with edits applied, as bytes. */
const mutate = (sample: Sample, edits: Edit[]) => Buffer.from(edits.reduce(apply, sample.bytes), 'latin1');

const input = fc.record({
	/** An index into `samples`, so a failing case prints a short path, not a whole file. */
	sample: fc.constantFrom(...samples.map((_, index) => index)),
	edits: fc.array(edit, { minLength: 1, maxLength: 6 }),
	/** Bytes, as read from disk, or text, as an editor integration would pass it. */
	asText: fc.boolean(),
});

/** The text positions refer to: what the parser left in `file.value` (decoded, without a byte-order mark). */
function textOf(file: VFile): string {
	return typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value);
}

/** Problems with a point: empty when it lies inside `text`. */
function checkPoint(text: string, point: { line: number; column: number } | undefined, what: string): string[] {
	if (!point) return [`${what}: no point`];
	const all = text.split(/\r?\n|\r/);
	const { line, column } = point;
	if (!Number.isInteger(line) || line < 1 || line > all.length) return [`${what}: line ${line} of ${all.length}`];
	const length = all[line - 1].length;
	if (!Number.isInteger(column) || column < 1 || column > length + 1) return [`${what}: column ${column} on line ${line} of length ${length}`];
	return [];
}

function checkMessage(text: string, message: VFileMessage): string[] {
	const place = message.place;
	const problems =
		place && 'start' in place
			? [...checkPoint(text, place.start, 'start'), ...checkPoint(text, place.end, 'end')]
			: checkPoint(text, place ?? undefined, 'point');
	if (place && 'start' in place && (place.end.line < place.start.line || (place.end.line === place.start.line && place.end.column < place.start.column))) {
		problems.push('end before start');
	}
	if (message.line !== (place && 'start' in place ? place.start.line : place?.line)) problems.push('line differs from place');
	const cause = message.cause as VFileMessage | undefined;
	if (cause) problems.push(...checkMessage(text, cause).map((problem) => `cause ${problem}`));
	if (!message.reason || /    at |Invalid input/.test(message.reason)) problems.push(`bad reason ${JSON.stringify(message.reason)}`);
	return problems.map((problem) => `${problem} (${message.ruleId}: ${message.reason})`);
}

function parse(sample: Sample, value: string | Uint8Array): { file: VFile; ms: number } {
	const file = new VFile({ path: sample.path, value });
	const id = sample.path.replace(/^(journeys|personas)\//, '').replace(/\.md$/, '');
	const started = performance.now();
	if (sample.kind === 'journey') parseJourney(file, id, sample.path);
	else parsePersona(file, id, sample.path);
	return { file, ms: performance.now() - started };
}

describe('mutated samples', () => {
	test('the samples are there to mutate', () => {
		expect(samples.filter((sample) => sample.kind === 'journey').length).toBeGreaterThanOrEqual(3);
		expect(samples.filter((sample) => sample.kind === 'persona').length).toBeGreaterThanOrEqual(3);
	});

	test('parsing never throws, finishes quickly, and points only at places inside the file', () => {
		fc.assert(
			fc.property(input, ({ sample, edits, asText }) => {
				const raw = mutate(samples[sample], edits);
				const { file, ms } = parse(samples[sample], asText ? new TextDecoder().decode(raw) : new Uint8Array(raw));
				expect(ms).toBeLessThan(5000);
				const text = textOf(file);
				expect(file.messages.flatMap((message) => checkMessage(text, message))).toEqual([]);
			}),
			{ numRuns: RUNS }
		);
	}, TIMEOUT);

	test('messages in every terminal format never carry a control character nor start a workflow command', () => {
		const hostile = fc.record({ sample: fc.constantFrom(...samples.map((_, index) => index)), edits: fc.array(fc.record({ op: fc.constant('hostile-value' as const), at: fc.nat(), value: HOSTILE }), { minLength: 1, maxLength: 4 }) });
		fc.assert(
			fc.property(hostile, ({ sample, edits }) => {
				const { file } = parse(samples[sample], new Uint8Array(mutate(samples[sample], edits)));
				for (const kind of FORMATS.filter((each) => each !== 'json')) {
					const output = format([file], kind);
					// Tabs and line breaks lay the output out; nothing else below U+0020 (or DEL, or the C1 controls) may get through.
					expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
					const lines = output.split('\n');
					const commands = lines.filter((each) => each.startsWith('::'));
					// Only the github format writes workflow commands, and then exactly one per message.
					expect(commands.length, output).toBe(kind === 'github' ? file.messages.length : 0);
				}
				expect(() => JSON.parse(format([file], 'json'))).not.toThrow();
			}),
			{ numRuns: Math.ceil(RUNS / 2) }
		);
	}, TIMEOUT);

	test('a journey that parses only links to touchpoints that exist', () => {
		const journeys = samples.filter((sample) => sample.kind === 'journey');
		fc.assert(
			fc.property(fc.constantFrom(...journeys.map((_, index) => index)), fc.array(edit, { minLength: 1, maxLength: 3 }), (index, edits) => {
				const sample = journeys[index];
				const file = new VFile({ path: sample.path, value: new Uint8Array(mutate(sample, edits)) });
				const parsed = parseJourney(file, 'mutated', sample.path)?.journey;
				if (!parsed) {
					expect(file.messages.some((message) => message.fatal)).toBe(true);
					return;
				}
				const touchpoints = parsed.stages.flatMap((stage) => stage.touchpoints);
				const ids = new Set(touchpoints.map((each) => each.id));
				for (const each of touchpoints) for (const edge of each.next) expect(ids.has(edge.to)).toBe(true);
			}),
			{ numRuns: Math.ceil(RUNS / 2) }
		);
	}, TIMEOUT);
});

describe('arbitrary input', () => {
	test('random bytes and YAML-ish text never throw and stay inside the file', () => {
		const yamlish = fc
			.array(fc.oneof(fc.constantFrom(...TOKENS, 'a', 'name', 'stages', 'title', '1', '-2', '"x"', '\n  '), fc.string({ maxLength: 4 })), {
				maxLength: 60,
			})
			.map((parts) => `---\n${parts.join('')}\n---\n`);
		fc.assert(
			fc.property(fc.oneof(yamlish, fc.uint8Array({ maxLength: 300 })), fc.constantFrom<Sample['kind']>('journey', 'persona'), (value, kind) => {
				const { file } = parse({ kind, path: `${kind}s/x.md`, bytes: '' }, value);
				const text = textOf(file);
				expect(file.messages.flatMap((message) => checkMessage(text, message))).toEqual([]);
			}),
			{ numRuns: RUNS }
		);
	}, TIMEOUT);
});
