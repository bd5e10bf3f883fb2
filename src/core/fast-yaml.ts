/**
 * Reads plain frontmatter YAML with js-yaml, about ten times faster than `yaml`, giving exactly
 * the data `yaml` gives or nothing at all; on nothing, the caller reads the YAML with `yaml`.
 * `yaml` stays the reference: it keeps node ranges for messages and guards against alias bombs
 * and deep nesting. js-yaml reads some things differently, so they are refused here:
 *  - anchors and aliases (js-yaml shares aliased values with no expansion limit: alias bombs),
 *  - tags and directives (`!!str 1`, `%YAML 1.1`, under which `yes` means true),
 *  - keys that are not plain strings: a null key is `''` for `yaml` and `'null'` for js-yaml, and
 *    lists or maps used as keys are turned into different strings,
 *  - nesting deeper than `MAX_DEPTH`, and whatever js-yaml rejects (syntax, duplicate keys).
 * Plain scalars are resolved by `yaml`'s own rules (its YAML 1.2 core schema, in its order):
 * js-yaml's core schema would also read `1_000`, `0b11` or `+0x1F` as numbers.
 * tests/core/fast-path.test.ts checks that both paths give the same models and messages.
 */
import { type EventType, type LoadOptions, load, Schema, type State, Type } from 'js-yaml';
import { type DocumentOptions, isScalar, type ParseOptions, parseDocument, type ScalarTag, type SchemaOptions } from 'yaml';

/** How the reference path calls `yaml`; the fast path takes its scalar rules from the same options. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { uniqueKeys: true, prettyErrors: false, stringKeys: false, logLevel: 'error' };

/** Real frontmatter nests a handful of levels; deeper input goes to `yaml`, which reports what is too deep. */
const MAX_DEPTH = 50;

/** `yaml` refuses implicit keys over 1024 characters; leave anything near that to it. */
const MAX_KEY_LENGTH = 1000;

/**
 * Text js-yaml reads where `yaml` reports an error or reads it otherwise, each with the strings
 * any text it matches contains:
 *  - a tab in indentation,
 *  - a document marker (`--- a: 1`),
 *  - a comment right after a quote or bracket (`"a"#b`),
 *  - a lone carriage return (a line break for js-yaml, text for `yaml`),
 *  - a backslash ending a line (an escaped line break in double quotes, folded differently when
 *    empty lines follow),
 *  - a verbatim tag (`!<?> 1` reads as an untagged scalar in js-yaml, invisible to the listener below),
 *  - a list entry that is an empty list entry (`- -` at the end of a line: js-yaml puts the
 *    entries that follow into the inner list); `-`, blanks, `-` starts with one of its strings.
 */
export const LENIENT_CASES: ReadonlyArray<{ pattern: RegExp; contains: string[] }> = [
	{ pattern: /^ *\t/, contains: ['\t'] },
	{ pattern: /^(?:---|\.\.\.)/, contains: ['---', '...'] },
	{ pattern: /["'\]}]#/, contains: ['#'] },
	{ pattern: /\r(?!\n)/, contains: ['\r'] },
	{ pattern: /\\\r?\n/, contains: ['\\'] },
	{ pattern: /!</, contains: ['!<'] },
	{ pattern: /^ *-[ \t]+(?:-[ \t]+)*-[ \t]*(?:#.*)?\r?$/, contains: ['- -', '-  ', '- \t', '-\t'] },
];
const LENIENT = new RegExp(LENIENT_CASES.map((lenient) => lenient.pattern.source).join('|'), 'm');
const LENIENT_HINTS = LENIENT_CASES.flatMap((lenient) => lenient.contains);

/**
 * Whether `source` has text js-yaml reads differently. Most frontmatter has none of the strings,
 * and looking for them takes a tenth of the time the patterns take to scan 20 KB line by line.
 */
export const isLenient = (source: string): boolean => LENIENT_HINTS.some((hint) => source.includes(hint)) && LENIENT.test(source);

/** Thrown to stop js-yaml at the first thing the fast path does not read like `yaml`. */
const REFUSED = new Error('refused by the fast YAML path');
const refuse = (): never => {
	throw REFUSED;
};

/** `yaml`'s scalar tags for plain scalars with `YAML_OPTIONS` (null, bool, int, float), in the order it tries them. */
const scalarTags = parseDocument('', YAML_OPTIONS).schema.tags.filter(
	(tag): tag is ScalarTag & { test: RegExp } => tag.default === true && tag.test instanceof RegExp
);

/**
 * Every plain scalar those tags match is empty, starts with a sign, a dot or a digit, or is a word
 * of at most five characters (`~`, `null`, `True`, `FALSE`): skip the tests for the rest (most text).
 */
const MAYBE_TYPED = /^(?:$|[-+.0-9]|[~nNtTfF][^]{0,4}$)/;

/** The last scalar looked up, and its tag: js-yaml constructs a scalar right after resolving it. */
let lastSource: string | undefined;
let lastTag: (typeof scalarTags)[number] | undefined;
function tagOf(source: string) {
	if (source !== lastSource) {
		lastSource = source;
		lastTag = MAYBE_TYPED.test(source) ? scalarTags.find((tag) => tag.test.test(source)) : undefined;
	}
	return lastTag;
}

/**
 * One js-yaml type that resolves plain scalars as `yaml` does. Its tag contains spaces, which no
 * tag written in a file can, so `!!int 1` finds no type and is refused.
 */
const yamlScalar = new Type('yaml core scalar', {
	kind: 'scalar',
	resolve: (source: string) => tagOf(source) !== undefined,
	construct: (source: string) => {
		const value = tagOf(source)!.resolve(source, refuse, YAML_OPTIONS);
		return isScalar(value) ? value.value : value;
	},
});

const schema = new Schema({ implicit: [yamlScalar], explicit: [] });

/** What js-yaml's parser state holds while it composes a node (more than its published type says). */
interface ParserState extends State {
	depth: number;
	tag: string | null;
	anchor: string | null;
	tagMap: object;
}

/** The data of `source` when it is a map that js-yaml reads exactly as `yaml` would, else undefined. */
export function readPlainYaml(source: string): Record<string, unknown> | undefined {
	if (isLenient(source)) return undefined;
	// A node can close more than once (a flow map as a list item closes as both): collect them by identity.
	const collections = new Set<unknown>();
	const listener = (event: EventType, parser: State) => {
		const state = parser as ParserState;
		if (event === 'open') {
			// Directives are read before the root node opens.
			if (state.depth === 1 && (state.version !== null || Object.keys(state.tagMap).length > 0)) refuse();
			return;
		}
		if (state.anchor !== null || state.tag === '!') refuse();
		if (state.kind === 'sequence' || state.kind === 'mapping') collections.add(state.result);
	};
	let data: unknown;
	try {
		data = load(source, { schema, listener, maxDepth: MAX_DEPTH, onWarning: refuse } as LoadOptions & { maxDepth: number });
	} catch {
		return undefined;
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
	// Every list and map js-yaml built must be in the data: one that is missing was used as a key.
	return plainKeys(data) === collections.size ? (data as Record<string, unknown>) : undefined;
}

/** Counts the lists and maps in `value`, or returns -1 when a key is one that js-yaml and `yaml` spell differently. */
function plainKeys(value: unknown): number {
	if (value === null || typeof value !== 'object') return 0;
	let count = 1;
	if (Array.isArray(value)) {
		for (const item of value) {
			const inner = plainKeys(item);
			if (inner < 0) return -1;
			count += inner;
		}
		return count;
	}
	for (const key of Object.keys(value)) {
		if (key === 'null' || key === '' || key.length > MAX_KEY_LENGTH) return -1;
		const inner = plainKeys((value as Record<string, unknown>)[key]);
		if (inner < 0) return -1;
		count += inner;
	}
	return count;
}
