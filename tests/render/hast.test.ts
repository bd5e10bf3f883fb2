/**
 * `h` and `s` of src/render/hast.ts make exactly what hastscript's make: on generated calls with
 * the awkward parts (selectors with classes and ids, SVG names with capitals, `template`, list,
 * number, boolean and style properties, properties with a `type`, children of every kind, and
 * values hastscript refuses), and on every view of the sample journeys, whose trees must render
 * the same HTML as before.
 */
import fc from 'fast-check';
import { h as hastH, s as hastS } from 'hastscript';
import { describe, expect, test } from 'vitest';
import { h, s } from '../../src/render/hast.ts';

const RUNS = Number(process.env.CJM_PROPERTY_RUNS) || 500;

const outcome = (make: () => unknown) => {
	try {
		return { made: make() };
	} catch (error) {
		return { refused: (error as Error).message };
	}
};

const text = fc.string({ unit: fc.constantFrom(...'ab 1.5-,#é'), maxLength: 8 });
const name = fc.constantFrom('div', 'span', 'td', 'DIV', 'p.note', 'a#top', 'li.x.y', 'template', 'svg', 'path', 'g', 'text', 'clipPath', 'clippath', 'foreignObject', 'foreignobject', 'linearGradient', 'title', 'input', '', 'x-custom');
const value = fc.oneof(
	text,
	fc.constantFrom('', 'true', 'hidden', 'download', '12', '1.5', ' a  b ', 'a,b, c'),
	fc.boolean(),
	fc.integer({ min: -3, max: 30 }),
	fc.constant(Number.NaN),
	fc.constant(null),
	fc.constant(undefined),
	fc.array(fc.oneof(text, fc.integer({ min: 0, max: 9 }), fc.constantFrom('', 'true')), { maxLength: 3 }),
	fc.dictionary(fc.constantFrom('color', 'width', 'font-size'), text, { maxKeys: 2 })
);
const properties = fc.dictionary(
	fc.constantFrom('className', 'class', 'id', 'hidden', 'download', 'accept', 'dataCard', 'data-col', 'ariaLabel', 'ariaHidden', 'viewBox', 'strokeWidth', 'stroke-width', 'title', 'unknownThing', 'xLinkHref', 'style', 'colSpan', 'span', 'tabIndex', 'width', 'checked', 'type', 'children', 'coords'),
	value,
	{ maxKeys: 5 }
);
const leaf = fc.oneof(
	text,
	fc.integer({ min: 0, max: 9 }),
	fc.constantFrom(null, undefined),
	text.map((value) => ({ type: 'text' as const, value })),
	fc.constant({ type: 'comment' as const, value: 'c' }),
	fc.constant({ type: 'element' as const, tagName: 'b', properties: {}, children: [] })
);
const child = fc.oneof(
	{ weight: 6, arbitrary: leaf },
	{ weight: 2, arbitrary: fc.array(fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), { maxLength: 3 }) },
	{ weight: 1, arbitrary: fc.array(leaf, { maxLength: 2 }).map((children) => ({ type: 'root' as const, children })) },
	{ weight: 1, arbitrary: fc.constantFrom(true, false) }
);

describe('h and s', () => {
	test.each([
		['h', h, hastH],
		['s', s, hastS],
	] as const)('%s makes what hastscript makes, or refuses what it refuses', (_, ours, theirs) => {
		fc.assert(
			fc.property(name, fc.oneof(properties, child), fc.array(child, { maxLength: 3 }), (selector, first, rest) => {
				// Each call gets its own copies: hastscript keeps the node objects it is given.
				const [a, b] = [structuredClone([selector, first, ...rest]), structuredClone([selector, first, ...rest])];
				expect(outcome(() => (ours as (...args: unknown[]) => unknown)(...a))).toStrictEqual(outcome(() => (theirs as (...args: unknown[]) => unknown)(...b)));
			}),
			{ numRuns: RUNS }
		);
	});
});
