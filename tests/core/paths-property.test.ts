/**
 * Hostile path strings and names, generated: whatever an `avatar` says, the resolver never
 * throws and only ever accepts a file inside the content folders whose path can be a URL; a name
 * it accepts as an id needs no escaping in a URL but for its non-ASCII letters; unique slugs
 * stay unique.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { resolveContentPath, type TreeEntry, treeFiles, uniqueSlugs } from '../../src/core/index.ts';
import { nameProblem } from '../../src/core/names.ts';
import { RULES } from '../../src/core/rules.ts';

const RUNS = Number(process.env.CJM_PROPERTY_RUNS) || 300;
const bytes = (text: string) => new TextEncoder().encode(text);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const tree = new Map<string, TreeEntry>([
	['personas/p.md', { read: () => bytes('---\nname: P\n---\n') }],
	['personas/a.png', { read: () => png }],
	['personas/avatars/b.svg', { read: () => bytes('<svg xmlns="http://www.w3.org/2000/svg"/>') }],
	['personas/up', { link: true, read: () => bytes('..') }],
	['personas/out.png', { link: true, read: () => bytes('../../x.png') }],
	['assets/c.png', { read: () => png }],
	['secret.png', { read: () => png }],
]);

/** Pieces paths are made of, hostile ones included. */
const piece = fc.oneof(
	fc.constantFrom('..', '.', '', 'avatars', 'a.png', 'b.svg', 'c.png', 'up', 'out.png', 'assets', 'personas', 'journeys', 'secret.png', '%2e%2e', '~', 'C:', '\\..', 'https:', '', '\u0000', '\u202e', ' '),
	fc.string({ maxLength: 6 })
);
const pathString = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('/'));
/** Letters of several scripts, a combining mark, every printable ASCII character, controls and invisible ones. */
const NAME_CHARACTERS = [
	...'aZ09éßж日😀\u0301',
	...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
	...'\u0000\t\n\r\u001b\u007f\u00a0\u200b\u202e\ufeff',
];

test('the resolver accepts only URL-safe files inside the content folders, and never throws', () => {
	fc.assert(
		fc.property(pathString, (written) => {
			const resolved = resolveContentPath(treeFiles(tree), { from: 'personas/p.md', written, key: 'avatar', missing: 'missing-avatar' });
			if (resolved.ok) {
				expect(resolved.path).toMatch(/^(journeys|personas|assets)\//);
				expect(nameProblem(resolved.path)).toBeUndefined();
				// Through the link `personas/up` (to the project root) only content folders can be reached again.
				expect(resolved.path.replace(/^personas\/(up\/)+/, '')).toMatch(/^(personas\/a\.png|personas\/avatars\/b\.svg|assets\/c\.png|a\.png|avatars\/b\.svg)$/);
			} else {
				expect(resolved.rule in RULES).toBe(true);
				expect(resolved.reason).not.toMatch(/[\u0000-\u001f\u202e]/);
			}
		}),
		{ numRuns: RUNS }
	);
});

test('an id that passes needs no escaping in a URL, but for its non-ASCII letters', () => {
	fc.assert(
		fc.property(fc.string({ unit: fc.constantFrom(...NAME_CHARACTERS), maxLength: 12 }), (name) => {
			if (nameProblem(name)) return;
			for (const segment of name.split('/')) {
				const ascii = [...segment].filter((character) => character.charCodeAt(0) < 128).join('');
				expect(encodeURIComponent(ascii)).toBe(ascii);
			}
			expect(name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')).toBe(true);
		}),
		{ numRuns: RUNS }
	);
});

test('unique slugs are distinct for any names', () => {
	fc.assert(
		fc.property(fc.array(fc.oneof(fc.constantFrom('c', 'C#', 'C++', 'c 2', 'c-2', 'e-mail', 'e mail', '', ' '), fc.string({ maxLength: 4 })), { maxLength: 12 }), (names) => {
			const slugs = [...uniqueSlugs(names).values()];
			expect(new Set(slugs).size).toBe(slugs.length);
			for (const slug of slugs) expect(nameProblem(slug)).toBeUndefined();
		}),
		{ numRuns: RUNS }
	);
});
