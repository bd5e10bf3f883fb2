/**
 * The fast frontmatter path (fences found by hand, body-only remark, js-yaml) against the
 * reference path (remark over the whole file, `yaml`): the same frontmatter, models, references
 * and messages, to the line and column, over the samples, every fixture, and mutated samples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { journeyText, personaText } from '../../bench/generate.ts';
import { readFrontmatter } from '../../src/core/frontmatter.ts';
import { isLenient, LENIENT_CASES, readPlainYaml, YAML_OPTIONS } from '../../src/core/fast-yaml.ts';
import { parseJourney, parsePersona } from '../../src/core/index.ts';
import { repoRoot } from '../helpers.ts';

const yamlCalls = vi.hoisted(() => ({ parseDocument: 0 }));
vi.mock('yaml', async (importOriginal) => {
	const yaml = await importOriginal<typeof import('yaml')>();
	return {
		...yaml,
		parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
			yamlCalls.parseDocument++;
			return yaml.parseDocument(...args);
		},
	};
});

/** Bounded so the suite stays fast; raise it for a longer hunt: `CJM_PROPERTY_RUNS=5000 npm test`. */
const RUNS = Number(process.env.CJM_PROPERTY_RUNS) || 200;
const TIMEOUT = Math.max(120_000, RUNS * 400);

type Kind = 'journey' | 'persona';
interface Sample {
	kind: Kind;
	path: string;
	value: Uint8Array;
}

function markdownFiles(dir: string): string[] {
	return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.md'))
		.map((name) => join(dir, name).split('\\').join('/'))
		.sort();
}

const read = (path: string, kind: Kind): Sample => ({ kind, path, value: new Uint8Array(readFileSync(join(repoRoot, path))) });
const samples = [...markdownFiles('journeys').map((path) => read(path, 'journey')), ...markdownFiles('personas').map((path) => read(path, 'persona'))];
/** Every fixture file, as a persona when it is under a `personas/` folder, else as a journey. */
const fixtures = markdownFiles('tests/fixtures').map((path) => read(path, path.includes('/personas/') ? 'persona' : 'journey'));

interface Shown {
	reason: string;
	rule?: string;
	fatal?: boolean | null;
	line?: number;
	column?: number;
	end?: unknown;
	expected?: string[];
	cause?: Shown;
}

/** A message as the user sees it, with every part of its place. */
function shown(message: VFileMessage): Shown {
	const place = message.place && 'start' in message.place ? message.place : { start: message.place, end: undefined };
	// Where `yaml` runs out of stack on absurd nesting depends on the stack left at the call: only its line is fixed.
	const stackDepth = message.reason.startsWith('Unexpected nesting that is too deep');
	return {
		reason: message.reason,
		rule: message.ruleId,
		fatal: message.fatal,
		line: place.start?.line,
		column: stackDepth ? undefined : place.start?.column,
		end: stackDepth ? undefined : place.end,
		expected: message.expected,
		cause: message.cause ? shown(message.cause as VFileMessage) : undefined,
	};
}

/** Everything parsing gives for `value` on one path: result (with the places of references read), frontmatter and messages. */
function outcome(kind: Kind, path: string, value: Uint8Array | string, frontmatterPath: 'fast' | 'reference') {
	const file = new VFile({ path, value, data: { frontmatterPath } });
	const id = path.replace(/^.*?(journeys|personas)\//, '').replace(/\.md$/, '');
	const parsed = kind === 'journey' ? parseJourney(file, id, path) : parsePersona(file, id, path);
	const references =
		parsed && 'references' in parsed
			? { personas: parsed.references.personas.map(({ id, place }) => ({ id, place })), baseline: parsed.references.baseline && { ...parsed.references.baseline } }
			: undefined;
	const copy = new VFile({ path, value, data: { frontmatterPath } });
	const frontmatter = readFrontmatter(copy);
	return {
		parsed: parsed && { ...parsed, references },
		frontmatter: frontmatter && { text: frontmatter.text, headings: frontmatter.headings, tree: frontmatter.tree, data: frontmatter.data, yamlOffset: frontmatter.yamlOffset, bodyOffset: frontmatter.bodyOffset },
		messages: file.messages.map(shown),
	};
}

function expectSamePaths(kind: Kind, path: string, value: Uint8Array | string): void {
	expect(outcome(kind, path, value, 'fast')).toEqual(outcome(kind, path, value, 'reference'));
}

describe('the fast path gives what the reference path gives', () => {
	test.each(samples.map((sample) => [sample.path, sample] as const))('sample %s', (_, sample) => {
		expectSamePaths(sample.kind, sample.path, sample.value);
	});

	test.each(fixtures.map((sample) => [sample.path, sample] as const))('fixture %s', (_, sample) => {
		expectSamePaths(sample.kind, sample.path, sample.value);
	});

	test('the benchmark journeys and personas', () => {
		expectSamePaths('journey', 'journeys/journey-0007.md', journeyText(7, 10));
		expectSamePaths('persona', 'personas/persona-3.md', personaText(3));
	});
});

describe('the fast path is taken', () => {
	test('js-yaml reads the frontmatter of every sample and benchmark file', () => {
		const yamlOf = (text: string) => text.slice(4, text.indexOf('\n---', 4));
		for (const sample of samples) expect(readPlainYaml(yamlOf(new TextDecoder().decode(sample.value))), sample.path).toBeDefined();
		expect(readPlainYaml(yamlOf(journeyText(1, 10)))).toBeDefined();
	});

	test('a file without messages never builds a `yaml` document; one with messages builds it once', () => {
		const clean = new VFile({ path: 'journeys/clean.md', value: journeyText(3, 10) });
		const before = yamlCalls.parseDocument;
		const parsed = parseJourney(clean, 'clean');
		expect(parsed?.journey?.stages).toHaveLength(8);
		expect(clean.messages).toEqual([]);
		expect(yamlCalls.parseDocument).toBe(before);

		// Reading a reference's place is what the project-wide check does when the persona does not exist.
		expect(parsed?.references.personas[0].place).toEqual({ start: { line: 3, column: 10, offset: 40 }, end: { line: 3, column: 19, offset: 49 } });
		expect(yamlCalls.parseDocument).toBe(before + 1);

		const broken = new VFile({ path: 'journeys/broken.md', value: journeyText(3, 10).replace('emotion: 0', 'emotion: 9').replace('emotion: -1', 'emotoin: -1') });
		parseJourney(broken, 'broken');
		expect(broken.messages.map((message) => message.ruleId)).toEqual(['out-of-range', 'unknown-key']);
		expect(yamlCalls.parseDocument).toBe(before + 2);
	});
});

describe('js-yaml is refused what it reads differently from `yaml`', () => {
	test.each([
		['an anchor and an alias', 'a: &x 1\nb: *x'],
		['an alias bomb', 'a: &a [1, 1]\nb: &b [*a, *a]\nc: [*b, *b]'],
		['a tag', 'a: !!str 1'],
		['a non-specific tag', 'a: ! 1'],
		['a verbatim tag', 'a: !<?> 1'],
		['a YAML 1.1 directive', '%YAML 1.1\n--- {a: yes}'],
		['a null key', '~: 1'],
		['an empty key', '"": 1'],
		['a list as a key', '[a]: 1'],
		['a map as a key', '? {a: 1}\n: 2'],
		['a duplicate key', 'a: 1\na: 2'],
		['a lone carriage return', 'a: 1\rb: 2'],
		['a tab in indentation', 'a:\n\t- 1'],
		['a comment glued to a quote', 'a: "x"#y'],
		['an escaped line break', 'a: "x\\\n\n  y"'],
		['an empty entry of a list in a list', 'a:\n- -\n- b'],
		['an empty entry of a list in a list, with a comment', 'a:\n  - - - # c\r\n  - b'],
		['a list', '- a'],
		['a scalar', 'a'],
		['nesting 60 levels deep', `a: ${'['.repeat(60)}${']'.repeat(60)}`],
	])('%s', (_, source) => {
		expect(readPlainYaml(source)).toBeUndefined();
	});

	test('plain scalars are typed as `yaml` types them', () => {
		// Nulls, booleans and numbers in all their spellings, near misses of them, and short words of their characters.
		const spellings = ['~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '0o17', '0x1F', '1e3', '-2', '+12', '1.', '.5', '1_000'];
		const chars = [...'~nNuUlLtTrRfFaAsSeEyYoOxXiI_.+-0123456789 '];
		const scalar = fc.oneof(
			fc.tuple(fc.constantFrom(...spellings), fc.constantFrom('', '', 's', 'e', '0', ' x', '.')).map(([word, tail]) => word + tail),
			fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 7 }).map((picked) => picked.join('').trim())
		);
		let typed = 0;
		fc.assert(
			fc.property(scalar, (value) => {
				const source = `a: ${value}`;
				const fast = readPlainYaml(source);
				if (fast === undefined) return;
				const reference = parse(source, YAML_OPTIONS) as { a: unknown };
				expect(fast, source).toEqual(reference);
				if (typeof reference.a !== 'string') typed++;
			}),
			{ numRuns: 5000, seed: 3 }
		);
		expect(typed).toBeGreaterThan(500);
	});

	test.each([
		['`yes`, `on` and `~` as in YAML 1.2', 'a: yes\nb: on\nc: ~\nd: Null', { a: 'yes', b: 'on', c: null, d: null }],
		['dates as strings', 'a: 2026-11-01\nb: 2026-11-01T10:00:00Z', { a: '2026-11-01', b: '2026-11-01T10:00:00Z' }],
		['numbers only as `yaml` reads them', 'a: 0o17\nb: 017\nc: 0x1F\nd: 1_000\ne: 0b11\nf: +.5\ng: .inf\nh: -0x1', { a: 15, b: 17, c: 31, d: '1_000', e: '0b11', f: 0.5, g: Infinity, h: '-0x1' }],
		['`<<` as a plain key', 'a: {<<: 1}', { a: { '<<': 1 } }],
	])('%s', (_, source, data) => {
		expect(readPlainYaml(source)).toEqual(data);
	});
});

describe('the strings looked for before the lenient patterns', () => {
	const matchesAPattern = (source: string) => LENIENT_CASES.some((lenient) => new RegExp(lenient.pattern.source, 'm').test(source));
	/** Short texts of `chars`, so that the patterns made of them match some. */
	const textOf = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((picked) => picked.join(''));

	test('never skip a text that a pattern matches', () => {
		const text = textOf(['-', ' ', '\t', '\r', '\n', '#', '"', "'", ']', '}', '.', '\\', '!', '<', 'a', ':']);
		fc.assert(fc.property(text, (source) => isLenient(source) === matchesAPattern(source)), { numRuns: 5000 });
	});

	test.each(LENIENT_CASES.map((lenient) => [lenient.pattern.source, lenient] as const))('every text %s matches holds one of its strings', (_, lenient) => {
		const pattern = new RegExp(lenient.pattern.source, 'm');
		// The characters of its strings, and what surrounds them in the patterns: line breaks, blanks, text, a quote, a bracket.
		const text = textOf([...new Set([...lenient.contains.join(''), '\n', ' ', 'a', '"', ']'])]);
		const shapes = new Set<string>();
		fc.assert(
			fc.property(text, (source) => {
				if (!pattern.test(source)) return;
				expect(lenient.contains.some((hint) => source.includes(hint)), JSON.stringify(source)).toBe(true);
				shapes.add(lenient.contains.find((hint) => source.includes(hint))!);
			}),
			{ numRuns: 20_000, seed: 7 }
		);
		// Each of its strings was seen starting a match: none of them is there for nothing.
		expect([...shapes].sort()).toEqual([...lenient.contains].sort());
	});
});

/** Scalars and constructs where YAML dialects and parsers disagree, and plain values of every type. */
const SCALARS = [
	'yes', 'no', 'on', 'off', 'y', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', '0o17', '017', '0x1F', '-0x1F', '1_000',
	'0b101', '.inf', '-.Inf', '.NaN', '+12', '1e3', '1.0', '1.', '.5', '-2', '2', '3', '9', '2026-11-01', '2026-11-01T10:00:00Z',
	'"2026"', "'x''y'", '"a\\tb"', '"\\u00e9"', '!!str 5', '!!int "5"', '! 7', '!<?> 7', '&anchor 5', '*anchor', '&a [1, 2]',
	'[a, b]', '{a: 1}', '[]', '{}', '|\n  block\n  text', '>-\n  folded\n  text', '"unterminated', "'", '"45%"', '45%', 'x # comment',
	'x#y', '"x"#y', '<<', 'a: b: c', '\t1', '- item', '"line\\\n  break"', '@at', '`tick', '%pct', '? key', 'p', 'persona-x', 'Awareness',
	'', ' ', '"', '[', '{', '}', ']', ',', ':',
];
/** Whole lines that change the YAML's structure. */
const LINES = [
	'x: &a [1, 2]', 'y: *a', '<<: *a', '? [a]\n: b', '~: x', '"": x', '%YAML 1.1', '--- a: 1', '...', 'tags: !!set {a, b}', 'a: 1\ra: 2',
	'  - name: Extra', '    emotion: yes', 'persona: [p, ~, 3]', 'baseline: ~', 'updated: 2026-13-45', '# comment', '\t', '---', '',
	'stages:', '  - name: A\n    touchpoints:\n      - {name: B, emotion: 0o1}', `deep: ${'['.repeat(80)}`,
	// In the body: headings that attach notes, and what hides a heading or makes one.
	'## Awareness', '### Order', '## Awarenes', '## **Awareness**', ' ## Awareness', '```', '<div>', 'Awareness\n---', '- item', '> quote',
];

type Edit =
	| { op: 'delete-lines'; at: number; count: number }
	| { op: 'duplicate-lines'; at: number; count: number }
	| { op: 'set-scalar'; at: number; scalar: string }
	| { op: 'insert-line'; at: number; line: string }
	| { op: 'insert'; at: number; text: string }
	| { op: 'indent'; at: number; prefix: string }
	| { op: 'line-endings'; to: '\r\n' | '\r' | '\n' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
	fc.record({ op: fc.constant('delete-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 10 }) }),
	fc.record({ op: fc.constant('duplicate-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
	fc.record({ op: fc.constant('set-scalar' as const), at: fc.nat(), scalar: fc.constantFrom(...SCALARS) }),
	fc.record({ op: fc.constant('set-scalar' as const), at: fc.nat(), scalar: fc.string({ maxLength: 6 }) }),
	fc.record({ op: fc.constant('insert-line' as const), at: fc.nat(), line: fc.constantFrom(...LINES) }),
	fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SCALARS, '\n', '\r\n', '\ufeff', '\u2028', 'é') }),
	fc.record({ op: fc.constant('indent' as const), at: fc.nat(), prefix: fc.constantFrom(' ', '  ', '\t', '') }),
	fc.record({ op: fc.constant('line-endings' as const), to: fc.constantFrom('\r\n' as const, '\r' as const, '\n' as const) })
);

function apply(text: string, edit: Edit): string {
	if (edit.op === 'line-endings') return text.replace(/\r\n|\r|\n/g, edit.to);
	const lines = text.split('\n');
	const line = edit.at % lines.length;
	switch (edit.op) {
		case 'delete-lines':
			return [...lines.slice(0, line), ...lines.slice(line + edit.count)].join('\n');
		case 'duplicate-lines':
			return [...lines.slice(0, line + edit.count), ...lines.slice(line, line + edit.count), ...lines.slice(line + edit.count)].join('\n');
		case 'set-scalar': {
			// The value of the n-th `key: value` line (wrapping around), or of a list item.
			const candidates = lines.flatMap((each, index) => (/^\s*(?:- )?[\w-]+: \S|^\s*- \S/.test(each) ? [index] : []));
			if (candidates.length === 0) return text;
			const target = candidates[edit.at % candidates.length];
			lines[target] = lines[target].replace(/^(\s*(?:- )?(?:[\w-]+: )?).*$/, (_, head: string) => head + edit.scalar);
			return lines.join('\n');
		}
		case 'insert-line':
			// Never before the opening fence, so the frontmatter stays frontmatter.
			lines.splice(Math.max(1, line), 0, edit.line);
			return lines.join('\n');
		case 'insert': {
			const offset = edit.at % (text.length + 1);
			return text.slice(0, offset) + edit.text + text.slice(offset);
		}
		case 'indent':
			lines[line] = edit.prefix === '' ? lines[line].replace(/^ {1,2}/, '') : edit.prefix + lines[line];
			return lines.join('\n');
	}
}

describe('mutated samples', () => {
	const sources = [
		...samples.map((sample) => ({ kind: sample.kind, path: sample.path, text: new TextDecoder().decode(sample.value) })),
		{ kind: 'journey' as const, path: 'journeys/journey-0001.md', text: journeyText(1, 10) },
	];

	test('both paths give the same frontmatter, model, references and messages', () => {
		fc.assert(
			fc.property(fc.nat(sources.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), fc.boolean(), (index, edits, asBytes) => {
				const { kind, path, text } = sources[index];
				const mutated = edits.reduce(apply, text);
				expectSamePaths(kind, path, asBytes ? new TextEncoder().encode(mutated) : mutated);
			}),
			{ numRuns: RUNS }
		);
	}, TIMEOUT);

	test('mutations keep the fast path busy: most mutated samples are still read by js-yaml', () => {
		// Without this, a fast path that refused everything would pass the test above.
		let read = 0;
		fc.assert(
			fc.property(fc.nat(sources.length - 1), fc.array(edit, { minLength: 1, maxLength: 2 }), (index, edits) => {
				const mutated = edits.reduce(apply, sources[index].text);
				const fences = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mutated);
				if (fences && readPlainYaml(fences[1])) read++;
			}),
			{ numRuns: 200, seed: 1 }
		);
		expect(read).toBeGreaterThan(80);
	});
});
