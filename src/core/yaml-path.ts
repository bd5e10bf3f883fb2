/**
 * Finds the YAML node behind a data path such as `['stages', 2, 'touchpoints', 0, 'emotion']`,
 * so a problem found in plain data can be reported at the exact key or value in the file.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, Pair, YAMLMap } from 'yaml';
import type { Frontmatter } from './frontmatter.ts';
import type { Place } from './place.ts';

export type Path = ReadonlyArray<PropertyKey>;

/** What to point at: the value itself, its key, or (for a missing key) the enclosing map. */
export type Target = 'value' | 'key';

interface Found {
	/** The deepest node reached; the value at `path` when `complete`. */
	node: Node;
	/** The key node of the last map entry reached, if any. */
	key?: Node;
	complete: boolean;
}

function walk(doc: Document.Parsed, path: Path): Found | undefined {
	let node = doc.contents as Node | null;
	let key: Node | undefined;
	if (!node) return undefined;
	for (const segment of path) {
		if (isAlias(node)) node = node.resolve(doc) ?? node;
		let next: Node | null | undefined;
		let nextKey: Node | undefined;
		if (isMap(node)) {
			const pair: Pair<unknown, unknown> | undefined = node.items.find((item) => keyText(doc, item) === String(segment));
			nextKey = pair?.key as Node | undefined;
			// `key:` with no value has a null value node; point at the key then.
			next = (pair?.value as Node | null | undefined) ?? nextKey;
		} else if (isSeq(node) && typeof segment === 'number') {
			next = node.items[segment] as Node | undefined;
			nextKey = undefined;
		}
		if (!next) return { node, key, complete: false };
		node = next;
		key = nextKey;
	}
	return { node, key, complete: true };
}

/**
 * The key of a map entry as it appears in the data: a plain scalar as its text; a null, list or
 * map key as `yaml` turns it into an object key (`''`, `[ a, b ]`), computed by `yaml` itself on a
 * one-entry map so the two can never disagree.
 */
function keyText(doc: Document.Parsed, pair: Pair<unknown, unknown>): string {
	const key = pair.key;
	if (isScalar(key) && key.value !== null && typeof key.value !== 'object') return String(key.value);
	const single = new YAMLMap(doc.schema);
	single.items.push(new Pair(key, null));
	return Object.keys(single.toJS(doc) as object)[0] ?? '';
}

/** The place of the value (or key) at `path`, or of the nearest enclosing node that exists. */
export function placeOf(frontmatter: Pick<Frontmatter, 'doc' | 'yamlOffset' | 'locate'>, path: Path, target: Target = 'value'): Place {
	const found = walk(frontmatter.doc, path);
	const chosen = found && (target === 'key' && found.complete && found.key ? found.key : found.node);
	const range = chosen?.range;
	if (!found || !range) return frontmatter.locate(frontmatter.yamlOffset);
	// A missing key has no place of its own: point at the start of the map that lacks it. (A path
	// that runs into a scalar, like `to` of the shorthand `next: [id]`, points at the whole scalar.)
	if (!found.complete && (isMap(found.node) || isSeq(found.node))) return frontmatter.locate(frontmatter.yamlOffset + range[0]);
	return frontmatter.locate(frontmatter.yamlOffset + range[0], frontmatter.yamlOffset + range[1]);
}

const PATH = Symbol('path');

/**
 * `value` with a `place` found on first read: finding a place builds the YAML document with node
 * ranges, which a file without messages never needs. The path stays on `value`, not enumerable,
 * so the value can be sent to another thread as its path (`pathOf`) and placed there.
 */
export function withPlace<T extends object>(value: T, path: Path, at: (path: Path) => Place): T & { readonly place: Place } {
	let place: Place | undefined;
	return Object.defineProperties(value, {
		place: { get: () => (place ??= at(path)), enumerable: true },
		[PATH]: { value: path },
	}) as T & { readonly place: Place };
}

/** The path a `withPlace` value was made with. */
export function pathOf(value: object): Path {
	return (value as { [PATH]?: Path })[PATH] ?? [];
}
