/**
 * The render layer's own hast trees (the map, the table, the charts) as HTML: the same text as
 * `hast-util-to-html` with its default settings, several times faster. A journey map is
 * thousands of elements, and serializing it was the largest single part of a site build at 1000
 * journeys (10 ms a map of 40 touchpoints, now under 2 ms): `hast-util-to-html` reads every
 * setting of its options at every node, and escapes every text and looks up every attribute anew.
 *
 * The naming and escaping are that package's own libraries (`property-information` for attribute
 * names, `stringify-entities` with its character sets), so user text can never become markup;
 * only the walk is ours. tests/render/html.test.ts requires identical output on the samples'
 * trees and on generated ones.
 */
import type { Element, Nodes, Parents } from 'hast';
import { stringify as commas } from 'comma-separated-tokens';
import { htmlVoidElements } from 'html-void-elements';
import { html, type Info, type Schema, svg } from 'property-information';
import { stringify as spaces } from 'space-separated-tokens';
import { stringifyEntities } from 'stringify-entities';
import { propertyInfo } from './hast.ts';

// `hast-util-to-html`'s character sets for its defaults (no parse errors, no dangerous characters).
const TEXT = { subset: ['<', '&'] };
const ATTRIBUTE_NAME = { subset: [...'\0\t\n\f\r "&\'/<=>`'] };
const ATTRIBUTE_VALUE = { subset: [...'\0"&\'`'], attribute: true };
const COMMENT = { subset: ['<', '>'] };

/**
 * With a `subset`, `stringifyEntities` changes only the subset's characters, so a text without any
 * is its own result: most of a map's texts and attribute values, tested far faster than rewritten.
 */
const subsetPattern = (subset: string[]) => new RegExp(`[${subset.map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);
const escaper = (options: { subset: string[] }) => {
	const pattern = subsetPattern(options.subset);
	return (value: string) => (pattern.test(value) ? stringifyEntities(value, options) : value);
};
const escapeText = escaper(TEXT);
const escapeAttributeValue = escaper(ATTRIBUTE_VALUE);

/** Each attribute's name as written, escaped once per property (`propertyInfo` gives one object per name). */
const NAMES = new WeakMap<Info, string>();
function attributeName(info: Info): string {
	let name = NAMES.get(info);
	if (name === undefined) NAMES.set(info, (name = stringifyEntities(info.attribute, ATTRIBUTE_NAME)));
	return name;
}

const COMMENT_BREAKERS = /^>|^->|<!--|-->|--!>|<!-$/g;

const VOIDS = new Set(htmlVoidElements);
/** SVG elements whose content is HTML again. */
const HTML_INTEGRATION_POINTS = new Set(['desc', 'foreignObject', 'title']);

/** `tree` as HTML; `space: 'svg'` for a tree whose root is in SVG (an `<svg>` element inside HTML switches by itself). */
export function htmlOf(tree: Nodes, options: { space?: 'html' | 'svg' } = {}): string {
	return one(tree, options.space === 'svg' ? svg : html);
}

function one(node: Nodes, schema: Schema, parent?: Parents): string {
	switch (node.type) {
		case 'root':
			return all(node, schema);
		case 'element':
			return element(node, schema);
		case 'text':
		// Raw HTML is escaped as text, as `hast-util-to-html` does without `allowDangerousHtml`.
		case 'raw':
			return parent?.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style') ? node.value : escapeText(node.value);
		case 'comment':
			return `<!--${node.value.replace(COMMENT_BREAKERS, (breaker) => stringifyEntities(breaker, COMMENT))}-->`;
		case 'doctype':
			return '<!doctype html>';
	}
}

function all(parent: Parents, schema: Schema): string {
	let out = '';
	for (const child of parent.children) out += one(child, schema, parent);
	return out;
}

function element(node: Element, schema: Schema): string {
	const own = schema.space === 'html' && node.tagName === 'svg' ? svg : schema;
	const attributes = serializeAttributes(node, own);
	const inner = own.space === 'svg' && HTML_INTEGRATION_POINTS.has(node.tagName) ? html : own;
	const content = all(schema.space === 'html' && node.tagName === 'template' && node.content ? node.content : node, inner);
	// Only HTML's void elements close themselves (and only when empty); SVG elements get a closing tag.
	const selfClosing = content === '' && schema.space === 'html' && VOIDS.has(node.tagName.toLowerCase());
	return `<${node.tagName}${attributes}>${content}${selfClosing ? '' : `</${node.tagName}>`}`;
}

function serializeAttributes(node: Element, schema: Schema): string {
	let out = '';
	for (const key in node.properties) {
		let value = node.properties[key];
		if (value === null || value === undefined) continue;
		const info = propertyInfo(schema, key);
		const name = attributeName(info);
		if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
		else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value);
		if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue;
		if (value === true) {
			out += ` ${name}`;
			continue;
		}
		const text = Array.isArray(value) ? (info.commaSeparated ? commas : spaces)(value.map(String), { padLeft: true }) : String(value);
		out += ` ${name}="${escapeAttributeValue(text)}"`;
	}
	return out;
}
