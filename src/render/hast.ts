/**
 * `h` and `s` for the render layer's trees: the nodes `hastscript` builds, built faster. A journey
 * page builds thousands of elements (its map alone 3,800 at 40 touchpoints), and hastscript was
 * the largest part of rendering one after garbage collection: it parses every tag name as a CSS
 * selector and looks every property name up again, each time.
 *
 * Here a tag name is checked with hastscript once (is it a plain name, which hastscript keeps as
 * it is?), and a property name looked up with `property-information` (hastscript's own library)
 * once (`propertyInfo`); values are normalised as hastscript normalises them. Whatever else (a selector
 * with `.` or `#`, a `template`, properties with a `type`, which could be a node) goes to
 * hastscript itself. tests/render/hast.test.ts requires the same trees on generated calls.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { type Child, h as hastH, type Properties as Attributes, s as hastS } from 'hastscript';
import { parse as commas } from 'comma-separated-tokens';
import { find, html, type Info, normalize, type Schema, svg } from 'property-information';
import { parse as spaces } from 'space-separated-tokens';

type PropertyValue = Properties[string];
type Maker = (selector: string, properties?: Attributes | Child | null, ...children: Child[]) => Element;

const infos = new WeakMap<Schema, Map<string, Info>>();

/**
 * What `property-information` knows of property `key` in `schema`, looked up once: `find`
 * lower-cases the key each time and, for a name the schema does not list (every `data-*`), builds
 * a new object. Shared with `htmlOf`, which names attributes by it.
 */
export function propertyInfo(schema: Schema, key: string): Info {
	let known = infos.get(schema);
	if (!known) infos.set(schema, (known = new Map()));
	let info = known.get(key);
	if (!info) known.set(key, (info = find(schema, key)));
	return info;
}

function maker(schema: Schema, library: typeof hastH): Maker {
	const plainNames = new Map<string, boolean>();
	/** Whether hastscript keeps `name` as it is, with no properties from it: a plain tag name. */
	const plain = (name: string): boolean => {
		let known = plainNames.get(name);
		if (known === undefined) {
			const node = library(name);
			known = name !== 'template' && node.type === 'element' && node.tagName === name && Object.keys(node.properties).length === 0;
			plainNames.set(name, known);
		}
		return known;
	};

	return (selector, properties, ...children) => {
		const attributes = properties !== null && typeof properties === 'object' && !Array.isArray(properties);
		if (!plain(selector) || (attributes && 'type' in properties)) return library(selector, properties as Attributes, ...children) as Element;
		const node: Element = { type: 'element', tagName: selector, properties: {}, children: [] };
		if (attributes) {
			for (const key of Object.keys(properties)) addProperty(propertyInfo(schema, key), node.properties, (properties as Attributes)[key]);
		} else addChild(node.children, properties as Child);
		for (const child of children) addChild(node.children, child);
		return node;
	};
}

/** An HTML element, as hastscript's `h` makes it. */
export const h = maker(html, hastH);
/** An SVG element, as hastscript's `s` makes it. */
export const s = maker(svg, hastS);

// As hastscript's `addProperty`, `parsePrimitive`, `style` and `addChild`, with the property's information given.

function addProperty(info: Info, properties: Properties, value: Attributes[string]): void {
	if (value === null || value === undefined) return;
	let result: PropertyValue;
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return;
		result = value;
	} else if (typeof value === 'boolean') result = value;
	else if (typeof value === 'string') {
		if (info.spaceSeparated) result = spaces(value);
		else if (info.commaSeparated) result = commas(value);
		else if (info.commaOrSpaceSeparated) result = spaces(commas(value).join(' '));
		else result = primitive(info, value);
	} else if (Array.isArray(value)) result = [...value];
	else result = info.property === 'style' ? style(value as Record<string, string>) : String(value);
	if (Array.isArray(result)) result = result.map((item) => primitive(info, item) as string | number);
	if (info.property === 'className' && Array.isArray(properties.className)) result = [...properties.className, ...(Array.isArray(result) ? result : [result as string | number])];
	properties[info.property] = result;
}

function primitive(info: Info, value: string | number): PropertyValue {
	if (typeof value === 'string') {
		if (info.number && value && !Number.isNaN(Number(value))) return Number(value);
		if ((info.boolean || info.overloadedBoolean) && (value === '' || normalize(value) === normalize(info.property))) return true;
	}
	return value;
}

const style = (styles: Record<string, string>): string =>
	Object.entries(styles)
		.map(([key, value]) => [key, value].join(': '))
		.join('; ');

function addChild(nodes: ElementContent[], value: Child): void {
	if (value === null || value === undefined) return;
	if (typeof value === 'number' || typeof value === 'string') nodes.push({ type: 'text', value: String(value) });
	else if (Array.isArray(value)) for (const child of value) addChild(nodes, child);
	else if (typeof value === 'object' && 'type' in value) {
		if (value.type === 'root') addChild(nodes, value.children as Child);
		else nodes.push(value as ElementContent);
	} else throw new Error(`Expected node, nodes, or string, got \`${value}\``);
}
