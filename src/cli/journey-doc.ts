/**
 * Journey files as YAML documents that keep their comments: how `cjm new` reads a template or an
 * existing journey, changes a few values in place, and writes it back.
 */
import { type Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';

/** A file split into its frontmatter (a YAML document) and its Markdown body. */
export interface JourneyDoc {
	doc: Document;
	body: string;
}

const FENCES = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits a file at its frontmatter fences, or returns undefined when it has none. */
export function splitFile(text: string): JourneyDoc | undefined {
	const unmarked = text.replace(/^\uFEFF/, '');
	const match = FENCES.exec(unmarked);
	return match ? { doc: parseDocument(match[1] ?? ''), body: unmarked.slice(match[0].length) } : undefined;
}

/** The file's text: the frontmatter, written without folding long lines, then the body. */
export const joinFile = ({ doc, body }: JourneyDoc): string => `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;

/** Persona ids listed in a journey's `persona` (a string or a list). */
export function personasIn(doc: Document): string[] {
	const node = doc.get('persona', true);
	if (isScalar(node)) return [String(node.value)];
	if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
	return [];
}

/** Every stage map of the journey, with its touchpoint maps. */
export function* stageMaps(doc: Document): Generator<{ stage: YAMLMap; touchpoints: YAMLMap[] }> {
	const stages = doc.get('stages');
	if (!isSeq(stages)) return;
	for (const stage of stages.items) {
		if (!isMap(stage)) continue;
		const touchpoints = stage.get('touchpoints');
		yield { stage, touchpoints: isSeq(touchpoints) ? touchpoints.items.filter(isMap) : [] };
	}
}

/**
 * Makes `personas` the journey's personas, keeping comments: the n-th persona of the document
 * becomes the n-th given one, on the journey and on every touchpoint that names it (the last given
 * one when fewer are given).
 */
export function usePersonas(doc: Document, personas: string[]): void {
	const before = personasIn(doc);
	const node = doc.get('persona', true);
	if (personas.length === 1 && isScalar(node)) node.value = personas[0];
	else if (isSeq(node) && node.items.every(isScalar)) {
		// The list's own items, so their comments stay.
		node.items.splice(personas.length);
		personas.forEach((id, i) => (isScalar(node.items[i]) ? ((node.items[i] as { value: unknown }).value = id) : node.items.push(doc.createNode(id))));
	} else doc.set('persona', doc.createNode(personas));
	for (const { touchpoints } of stageMaps(doc)) {
		for (const touchpoint of touchpoints) {
			const own = touchpoint.get('persona', true);
			if (!isScalar(own)) continue;
			const at = before.indexOf(String(own.value));
			own.value = personas[Math.min(at === -1 ? 0 : at, personas.length - 1)];
		}
	}
}

/** Sets `key` in `map`, keeping its place and comments; a new key goes right after the first of `after` that exists (or at the start). */
export function setAfter(doc: Document, map: YAMLMap, key: string, value: unknown, after: string[]): void {
	const existing = map.get(key, true);
	if (existing !== undefined) {
		map.set(key, isScalar(existing) ? Object.assign(existing, { value }) : value);
		return;
	}
	const index = after.map((name) => map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === name)).find((i) => i !== -1);
	map.items.splice(index === undefined ? 0 : index + 1, 0, doc.createPair(key, value));
}
