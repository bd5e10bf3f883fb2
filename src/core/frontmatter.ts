/**
 * Reads a Markdown file with YAML frontmatter: checks that it is UTF-8 text of a sane size,
 * parses it with remark (mdast, for the body) and its frontmatter as YAML, keeping what later
 * errors need to point at the exact key or value.
 *
 * Two paths give the same result. The reference path parses the whole file with remark and the
 * YAML with `yaml` (a document with node ranges, and guards against alias bombs and deep
 * nesting). The fast path, taken unless `file.data.frontmatterPath` is `'reference'`, finds the
 * fences itself and reads plain YAML with js-yaml (`readPlainYaml`); the `yaml` document is
 * then built on first use, which only files with a message need, and so is the body's tree
 * (remark over the body alone), which only bodies with images or with more than plain headings
 * need. YAML the fast reader refuses takes `yaml`'s path.
 */
import type { Root, RootContent, Yaml } from 'mdast';
import { createRequire } from 'node:module';
import type { VFile } from 'vfile';
import { type Document, isMap, isSeq, parseDocument } from 'yaml';
import { type BodyHeading, plainHeadings, treeHeadings } from './body-headings.ts';
import { readPlainYaml, YAML_OPTIONS } from './fast-yaml.ts';
import { tooComplex } from './markdown-limits.ts';
import { lineSpan, yamlMistake } from './yaml-mistakes.ts';
import { FILE_START, type Locator, locator, type Point } from './place.ts';
import { report } from './rules.ts';

/** Journey maps are small; anything past this is a mistake (a dump, a binary), not a map. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Aliases may expand to at most this many nodes: enough for real reuse, far too few for a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * The Markdown parsers, loaded the first time one is needed: most files never need one (see
 * `parseBody`), and loading micromark is a tenth of a command's start. Synchronous, as reading a
 * file is: Node's `require` loads these ES modules (they have no top-level await).
 */
function loadParsers() {
	const require = createRequire(import.meta.url);
	const { unified } = require('unified') as typeof import('unified');
	const { default: remarkParse } = require('remark-parse') as typeof import('remark-parse');
	const { default: remarkFrontmatter } = require('remark-frontmatter') as typeof import('remark-frontmatter');
	return {
		whole: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze(),
		/** The body alone: it starts with the line ending after the closing fence, so it never opens with frontmatter. */
		body: unified().use(remarkParse).freeze(),
	};
}
let parsers: ReturnType<typeof loadParsers> | undefined;
const markdownParsers = () => (parsers ??= loadParsers());

declare module 'vfile' {
	interface DataMap {
		/** How `readFrontmatter` reads the file: `'fast'` (the default) or `'reference'`, the slower path the fast one must agree with. */
		frontmatterPath: 'fast' | 'reference';
	}
}

export interface Frontmatter {
	/** The file's text, without a byte-order mark. */
	text: string;
	/** mdast of the whole file; its first child is the `yaml` node (parsed on first use on the fast path). */
	readonly tree: Root;
	/** The body's top-level headings (read without parsing the body when it is plain, see body-headings.ts). */
	readonly headings: readonly BodyHeading[];
	/** The YAML with node ranges (built on first use on the fast path). */
	readonly doc: Document.Parsed;
	/** Plain data of the frontmatter (always a map). */
	data: Record<string, unknown>;
	/** Offset of the YAML text within `text`: add it to YAML node ranges. */
	yamlOffset: number;
	/** Offset where the body starts (after the closing `---`). */
	bodyOffset: number;
	locate: Locator;
}

/** The file split at its frontmatter fences: the YAML text, where the body starts, and the mdast if the split parsed it. */
interface Split {
	yaml: string;
	bodyOffset: number;
	tree?: Root;
}
/**
 * Parses `file` into a `Frontmatter`, or reports why it cannot (as error messages on the file)
 * and returns undefined. Never throws on bad input.
 */
export function readFrontmatter(file: VFile): Frontmatter | undefined {
	const text = decode(file);
	if (text === undefined) return undefined;
	file.value = text;
	const locate = locator(file);

	const nul = text.indexOf('\0');
	if (nul !== -1) {
		report(file, 'invalid-encoding', 'Unexpected binary content (a NUL byte), expected Markdown text', locate(nul));
		return undefined;
	}

	// Markdown reads a lone CR as a line break and YAML does not: the two would disagree on every line.
	const loneCr = /\r(?!\n)/.exec(text);
	if (loneCr) {
		report(file, 'invalid-encoding', 'Unexpected line ending of a lone carriage return (CR, old Mac style), save the file with LF or CRLF line endings', locate(loneCr.index));
		return undefined;
	}

	// The frontmatter is not Markdown: the limits apply from the end of its closing `---` on.
	const fences = findFences(text);
	const complex = tooComplex(text, fences?.bodyOffset ?? 0);
	if (complex !== undefined) {
		report(file, 'markdown-limits', complex.reason, locate(complex.offset));
		return undefined;
	}

	const fast = file.data.frontmatterPath !== 'reference';
	const split = fast ? fences && splitAtFences(text, fences) : splitWithRemark(file);
	if (!split) {
		const opened = /^---[ \t]*\r?\n/.test(text);
		const dots = opened ? /^\.\.\.[ \t]*$/m.exec(text) : null;
		const [reason, place] =
			text.trim() === ''
				? ['Unexpected empty file, expected YAML frontmatter between `---` lines', FILE_START]
				: dots
					? ['Unexpected `...` closing the frontmatter, end it with a `---` line instead', locate(dots.index, dots.index + 3)]
					: opened
						? ['Missing the closing `---` of the frontmatter that starts on line 1: end the fields with a line of three dashes', locate(0, 3)]
						: ['Missing YAML frontmatter: start the file with a `---` line, the fields, and another `---` line', FILE_START];
		report(file, 'missing-frontmatter', reason, place);
		return undefined;
	}
	const { yaml, bodyOffset } = split;
	const yamlOffset = text.indexOf(yaml, 3);
	const parts = { text, yaml, yamlOffset, bodyOffset, locate, tree: split.tree };

	const plain = fast ? readPlainYaml(yaml) : undefined;
	if (plain) return lazyFrontmatter({ ...parts, data: plain }, () => parseDocument(yaml, YAML_OPTIONS));

	const doc = parseDocument(yaml, YAML_OPTIONS);
	if (doc.errors.length > 0) {
		// Deep nesting exhausts the stack once per level, and each unclosed `[` adds the same syntax error: say each thing once per line.
		const tooDeep = doc.errors.find((error) => error.message.includes('call stack'));
		// A line indented wrongly, or a dash or colon without its space, makes `yaml` report riddles around it: say what is wrong with that line instead.
		const mistake = tooDeep ? undefined : yamlMistake(yaml, doc.errors.map((error) => error.pos[0]));
		let errors = tooDeep ? [tooDeep] : doc.errors;
		if (mistake) {
			report(file, 'yaml-syntax', mistake.reason, locate(yamlOffset + mistake.start, yamlOffset + mistake.end));
			// What `yaml` says from the line above the slip on follows from it.
			const [from] = lineSpan(yaml, Math.max(0, mistake.line - 1));
			errors = errors.filter((error) => error.pos[0] < from);
		}
		const said = new Set<string>();
		for (const error of errors) {
			let [start, end] = error.pos;
			if (error.code === 'MULTIPLE_DOCS') {
				// Point at the `...` that ended the first document, not at what follows it.
				start = Math.max(0, yaml.lastIndexOf('...', start));
				end = start + 3;
			}
			const reason = tooDeep
				? 'Unexpected nesting that is too deep in frontmatter, flatten it'
				: error.code === 'MULTIPLE_DOCS'
					? 'Unexpected `...` inside the frontmatter, remove it: YAML would end the fields there, and the frontmatter ends at the closing `---`'
					: yamlReason(error.message);
			const place = locate(yamlOffset + start, yamlOffset + end);
			const line = 'start' in place ? place.start.line : place.line;
			if (said.has(`${line}:${reason}`)) continue;
			said.add(`${line}:${reason}`);
			report(file, tooDeep ? 'yaml-limits' : 'yaml-syntax', reason, place);
		}
		return undefined;
	}
	if (!isMap(doc.contents)) {
		const [start, end] = doc.contents?.range ?? [0, 0];
		const kind = isSeq(doc.contents) ? 'a list' : doc.contents ? 'a single value' : 'empty';
		report(
			file,
			'frontmatter-not-a-map',
			`Unexpected frontmatter that is ${kind}, expected a map of fields such as \`name: …\``,
			doc.contents ? locate(yamlOffset + start, yamlOffset + end) : locate(0)
		);
		return undefined;
	}

	let data: Record<string, unknown>;
	try {
		data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
	} catch (error) {
		// `yaml` throws a ReferenceError for alias bombs and can exhaust the stack on deep nesting.
		const reason =
			error instanceof ReferenceError
				? `Unexpected aliases that expand to too many nodes (over ${MAX_ALIAS_COUNT}), write the values out or use fewer aliases`
				: 'Unexpected nesting that is too deep in frontmatter, flatten it';
		report(file, 'yaml-limits', reason, locate(yamlOffset));
		return undefined;
	}
	return lazyFrontmatter({ ...parts, data }, () => doc);
}

/**
 * A `Frontmatter` whose YAML document, body tree and headings are each found on first use: a file
 * without messages needs no document, and a body without images only its headings.
 */
function lazyFrontmatter(
	parts: Pick<Frontmatter, 'text' | 'data' | 'yamlOffset' | 'bodyOffset' | 'locate'> & { yaml: string; tree?: Root },
	readDoc: () => Document.Parsed
): Frontmatter {
	const { text, data, yamlOffset, bodyOffset, locate, yaml } = parts;
	let doc: Document.Parsed | undefined;
	let tree = parts.tree;
	let headings: BodyHeading[] | undefined;
	const treeOf = () => (tree ??= parseBody(text, yaml, bodyOffset, locate));
	return {
		text,
		data,
		yamlOffset,
		bodyOffset,
		locate,
		get doc() {
			return (doc ??= readDoc());
		},
		get tree() {
			return treeOf();
		},
		get headings() {
			// The reference path has its tree already; the fast one reads a plain body line by line.
			return (headings ??= (parts.tree ? undefined : plainHeadings(text.slice(bodyOffset), bodyOffset)) ?? treeHeadings(treeOf()));
		},
	};
}

/** The reference split: remark-frontmatter finds the fences while parsing the whole file. */
function splitWithRemark(file: VFile): Split | undefined {
	const tree = markdownParsers().whole.parse(file) as Root;
	const head = tree.children[0];
	if (head?.type !== 'yaml' || !head.position) return undefined;
	return { tree, yaml: head.value, bodyOffset: head.position.end.offset! };
}

/**
 * The fences as micromark-extension-frontmatter finds them: `---` opening the file and a later
 * line of `---`, each followed only by spaces or tabs. The YAML is what lies between, without the
 * line endings next to the fences (as mdast-util-frontmatter gives it).
 */
const OPENING_FENCE = /^---[ \t]*(?=\r|\n)/y;
const CLOSING_FENCE = /(?:\r\n|\r|\n)---[ \t]*(?=\r|\n|$)/g;
const FENCE_LINE_ENDINGS = /^(\r?\n|\r)|(\r?\n|\r)$/g;

interface Fences {
	/** Where the YAML starts (after the opening `---`), where the closing `---` starts, and where the body starts. */
	yamlStart: number;
	fenceStart: number;
	bodyOffset: number;
}

/** The frontmatter's fences, found once: the Markdown limits start after them and the fast split cuts there. */
function findFences(text: string): Fences | undefined {
	OPENING_FENCE.lastIndex = 0;
	if (!OPENING_FENCE.test(text)) return undefined;
	CLOSING_FENCE.lastIndex = OPENING_FENCE.lastIndex;
	const closing = CLOSING_FENCE.exec(text);
	if (!closing) return undefined;
	return { yamlStart: OPENING_FENCE.lastIndex, fenceStart: closing.index + closing[0].indexOf('-'), bodyOffset: closing.index + closing[0].length };
}

/** The fast split: cuts at the fences; the body is parsed only if its tree is ever needed (`parseBody`). */
function splitAtFences(text: string, { yamlStart, fenceStart, bodyOffset }: Fences): Split {
	return { yaml: text.slice(yamlStart, fenceStart).replace(FENCE_LINE_ENDINGS, ''), bodyOffset };
}

/**
 * The tree of the whole file as the reference split gives it, from the body alone (a whole 20 KB
 * journey costs micromark eight times as much, almost all of it in the frontmatter): the body's
 * positions are moved to where the body is in the file, after a `yaml` node for the frontmatter.
 */
function parseBody(text: string, yaml: string, bodyOffset: number, locate: Locator): Root {
	const body = markdownParsers().body.parse(text.slice(bodyOffset)) as Root;
	const start = locate(bodyOffset) as Point;
	// In place: mdast-util-from-markdown gives every node points of its own.
	const shift = (point: Point) => {
		if (point.line === 1) point.column += start.column - 1;
		point.line += start.line - 1;
		point.offset! += bodyOffset;
	};
	const shiftAll = (nodes: readonly RootContent[]) => {
		for (const node of nodes) {
			if (node.position) {
				shift(node.position.start);
				shift(node.position.end);
			}
			if ('children' in node) shiftAll(node.children);
		}
	};
	shiftAll(body.children);
	shift(body.position!.end);
	const head: Yaml = { type: 'yaml', value: yaml, position: { start: { ...FILE_START } as Point, end: start } };
	return {
		type: 'root',
		children: [head, ...(body.children as RootContent[])],
		position: { start: { ...FILE_START } as Point, end: body.position!.end },
	};
}

/** Decodes the file's bytes as UTF-8, reporting the first invalid byte; strips a byte-order mark. */
function decode(file: VFile): string | undefined {
	const value = file.value;
	const bytes = typeof value === 'string' ? Buffer.byteLength(value) : value.byteLength;
	if (bytes > MAX_FILE_BYTES) {
		const size = (bytes / 1024 / 1024).toFixed(1);
		report(file, 'file-too-large', `Unexpected file of ${size} MB, expected at most ${MAX_FILE_BYTES / 1024 / 1024} MB: split it or remove what does not belong to the map`, FILE_START);
		return undefined;
	}
	if (typeof value === 'string') return stripBom(value);
	try {
		return stripBom(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(value));
	} catch {
		// Decode leniently only to find where the first bad byte is, for the message.
		const lenient = stripBom(new TextDecoder('utf-8', { ignoreBOM: true }).decode(value));
		file.value = lenient;
		report(file, 'invalid-encoding', 'Unexpected bytes that are not UTF-8, save the file as UTF-8', locator(file)(lenient.indexOf('\uFFFD')));
		return undefined;
	}
}

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `yaml` phrases errors for programmers ("Implicit map keys need to be followed by map values"); keep its words but drop position suffixes. */
function yamlReason(message: string): string {
	const reason = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
	if (reason.startsWith('Map keys must be unique')) return 'Unexpected duplicate key, each key may appear once in a map';
	return `Invalid YAML: ${reason}`;
}
