/**
 * Names the common slips of hand-written YAML that `yaml` reports as riddles: a line indented one
 * space off ("Sequence item without - indicator", "Implicit keys need to be on a single line",
 * "Nested mappings are not allowed in compact mappings", often on the line above and several times
 * over) or with a tab, a list dash or a key's colon without its space, a key without its colon,
 * `: ` inside a plain value, a quote inside a quoted value. Only asked once `yaml` has failed, and
 * only about the lines where its errors start, so it may give up on anything unusual (flow
 * collections over lines, quotes across lines, anchors, tags): then `yaml`'s own messages stand.
 */
import { counted } from './words.ts';

export interface Misindented {
	/** 0-based line in the YAML text. */
	line: number;
	/** Spaces before the line's first character. */
	indent: number;
	/** The indentations the line could have had, most likely first. */
	expected: number[];
	/** The line above, when the mistake is a key indented under a value it cannot belong to. */
	under?: string;
	/** The word the line above is, when it is a key without its colon (with lines indented under it). */
	colonless?: string;
}

/** A line's content without a trailing comment (a `#` after a space, outside quotes). */
function withoutComment(content: string): string {
	let quote = '';
	for (let i = 0; i < content.length; i++) {
		const c = content[i];
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") {
			if (i === 0 || /[\s:[{,-]/.test(content[i - 1])) quote = c;
		} else if (c === '#' && (i === 0 || /\s/.test(content[i - 1]))) return content.slice(0, i).trimEnd();
	}
	return quote ? '\0' : content.trimEnd();
}

/** Whether a line closes every `[` and `{` it opens (quoted text aside): a flow collection on one line. */
function balanced(text: string): boolean {
	const bare = text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '');
	return (bare.match(/[[{]/g)?.length ?? 0) === (bare.match(/[\]}]/g)?.length ?? 0);
}

const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#'"[{][^:#]*?)\s*:(?:\s|$)/;

export function misindentedLine(yaml: string): Misindented | undefined {
	const lines = yaml.split(/\r?\n/);
	/** Columns where the open blocks' keys or items start, innermost last. */
	const levels = [0];
	/** The previous line ended with `key:` and no value: the next line may go deeper. */
	let opens = false;
	/** Inside a block scalar (`|`, `>`): lines deeper than this are its text. */
	let scalarIndent: number | undefined;
	let previous = '';
	let previousLine = 0;
	for (const [line, raw] of lines.entries()) {
		const indent = raw.length - raw.trimStart().length;
		const text = withoutComment(raw.trim());
		if (text === '') continue;
		if (text === '\0' || raw.slice(0, indent).includes('\t')) return undefined;
		if (scalarIndent !== undefined) {
			if (indent > scalarIndent) continue;
			scalarIndent = undefined;
		}
		// Anchors, aliases, tags, nested dashes and flow collections over several lines: `yaml`'s own words.
		if (/^[&*!?]|:\s+[&*!]|^-\s+[-&*!]/.test(text) || !balanced(text)) return undefined;

		const top = levels.at(-1)!;
		if (indent > top) {
			if (opens) levels.push(indent);
			else if (KEY.test(text.replace(/^-\s+/, '')) || text.startsWith('- ')) {
				const above = previous.replace(/^-\s+/, '');
				if (KEY.test(above)) return { line, indent, expected: [top], under: previous };
				// Under a bare word, a key lost its colon; under anything else the mistake could be anywhere: `yaml`'s words.
				return /^[A-Za-z_][\w-]*$/.test(above) ? { line: previousLine, indent, expected: [], colonless: above } : undefined;
			}
			// Otherwise the text goes on from the value above (a plain scalar over several lines).
			else continue;
		} else if (indent < top) {
			while (levels.length > 1 && levels.at(-1)! > indent) levels.pop();
			if (levels.at(-1) !== indent) return { line, indent, expected: [top, levels.at(-1)!].filter((n, i, all) => all.indexOf(n) === i) };
		}
		// A sequence item: a key after its dash starts the item's map two columns in.
		let content = text;
		if (/^-(\s|$)/.test(text)) {
			content = text.replace(/^-\s*/, '');
			if (content !== '' && KEY.test(content)) levels.push(indent + (text.length - content.length));
		}
		const key = KEY.exec(content);
		const value = key ? content.slice(key[0].length).trim() : content;
		opens = (key !== null && value === '') || content === '';
		if (key && /^[|>][-+0-9]*$/.test(value)) scalarIndent = levels.at(-1)!;
		previous = text;
		previousLine = line;
	}
	return undefined;
}

/** The line of `offset` in `text`, 0-based. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

/** A mistake, the line it is on (0-based in the YAML text), and that line's text as offsets into it. */
export interface Mistake {
	line: number;
	reason: string;
	start: number;
	end: number;
}

/** A tab in the indentation, `: ` inside a plain value, a dash or a colon glued to what follows (`-name: A`, `emotion:0`), or a quoted value that a quote inside it ends early. */
function lineMistake(line: string): string | undefined {
	if (/^ *\t/.test(line)) return 'Unexpected tab in the indentation: YAML indents with spaces only; replace the tab with spaces';
	const text = line.trim();
	const plain = /^(?:-\s+)?([A-Za-z_][\w-]*):\s+([^\s"'[{|>&*!#].*)$/.exec(withoutComment(text));
	if (plain && /:\s/.test(plain[2])) {
		const [, key, value] = plain;
		return `Unexpected \`: \` in the value of \`${key}\`, which YAML reads as another key: put the value in quotes, \`${key}: "${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"\``;
	}
	const quoted = /^(?:-\s+)?[\w-]+:\s+(["'])(.*)$/.exec(text);
	if (quoted) {
		const [, quote, rest] = quoted;
		// In double quotes `\"` is a quote, in single quotes `''`.
		const end = quote === '"' ? /(?<!\\)(?:\\\\)*"/.exec(rest) : /'(?!')/.exec(rest.replaceAll("''", '\0\0'));
		const after = end ? rest.slice(end.index + end[0].length).trim() : '';
		if (end && after !== '' && !after.startsWith('#')) {
			return quote === '"'
				? 'Unexpected text after the closing `"` of a value in double quotes: a `"` inside the value ends it; write it as `\\"`, or put the value in single quotes'
				: "Unexpected text after the closing `'` of a value in single quotes: a `'` inside the value ends it; write it as `''`, or put the value in double quotes";
		}
	}
	const dash = /^-(?=[^\s-])\S*/.exec(text);
	if (dash) return `Unexpected \`${dash[0]}\` without a space after the dash: a list item is written \`- ${dash[0].slice(1)}\``;
	const colon = /^(?:-\s+)?([A-Za-z_][\w-]*):(?=[^\s:])(\S*)/.exec(text);
	if (colon) return `Unexpected \`${colon[1]}:${colon[2]}\` without a space after the colon: write \`${colon[1]}: ${colon[2]}\``;
	return undefined;
}

/**
 * The mistake behind `yaml`'s errors (given by their offsets), if there is one where they start:
 * on the first error's line or next to it, since `yaml` often reports a line on the line above.
 */
export function yamlMistake(yaml: string, errorOffsets: number[]): Mistake | undefined {
	if (errorOffsets.length === 0) return undefined;
	const first = lineOf(yaml, Math.min(...errorOffsets));
	const lines = yaml.split('\n');
	const at = (line: number, reason: string): Mistake => {
		const [start, end] = lineSpan(yaml, line);
		return { line, reason, start, end };
	};
	for (const line of [first, first + 1, first - 1]) {
		const reason = line >= 0 && line < lines.length ? lineMistake(lines[line]) : undefined;
		if (reason) return at(line, reason);
	}
	const misindented = misindentedLine(yaml);
	return misindented && Math.abs(misindented.line - first) <= 1 ? at(misindented.line, indentationReason(misindented)) : undefined;
}

/** What to tell the author about a misindented line, in the voice of every other message: what is unexpected, and what to write. */
function indentationReason({ indent, expected, under, colonless }: Misindented): string {
	if (colonless !== undefined) return `Unexpected \`${colonless}\` without a colon, with lines indented under it: a key is written \`${colonless}:\``;
	if (under !== undefined) return `Unexpected indentation of ${counted(indent, 'space')} under \`${under}\`, which already has a value: indent this line ${counted(expected[0], 'space')}, as that line is`;
	return `Unexpected indentation of ${counted(indent, 'space')}, expected ${expected.join(' or ')} (${expected[0]} as the line above): the indentation says which map or list a line belongs to`;
}

/** Offsets of `line` (0-based) in `text`: its first non-space character and its end. */
export function lineSpan(text: string, line: number): [start: number, end: number] {
	let start = 0;
	for (let i = 0; i < line; i++) start = text.indexOf('\n', start) + 1;
	const end = text.indexOf('\n', start);
	const stop = end === -1 ? text.length : end;
	const content = text.slice(start, stop);
	return [start + (content.length - content.trimStart().length), start + content.trimEnd().length];
}
