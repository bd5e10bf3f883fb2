/**
 * Names that become parts of URLs: journey and persona ids (paths of files under journeys/ and
 * personas/ without `.md`), paths of content files such as avatars, and the slugs of owners and
 * channels. The site builds a page per id and per slug, so a name that cannot be a URL path
 * segment would break the build, and two names that share a URL would silently lose a page.
 */
import { slug as githubSlug } from 'github-slugger';

/**
 * One folder or file name of an id or a content path: letters and digits of any script (with
 * their combining marks), `-`, `_` and `.`, not starting with `.`. This keeps out
 * what a URL or a file system treats specially: `/ ? # % \ :`, spaces, quotes, control and
 * invisible characters, and `.`/`..`.
 */
const SEGMENT = /^(?!\.)[\p{L}\p{M}\p{N}._-]+$/u;
const SEGMENT_CHARACTER = /[\p{L}\p{M}\p{N}._-]/u;

/** In messages: which characters a name may have. */
export const ALLOWED_NAME_CHARACTERS = 'letters, digits, `-`, `_` and `.` (not first)';

/** The id of a file at `path` (relative to its folder, with `/`): without `.md`, in Unicode NFC. */
export const idOf = (path: string): string => path.replace(/\.md$/, '').normalize('NFC');

/** What keeps a name out of URLs: the first offending character, described, and the folder or file name it is in. */
export interface NameProblem {
	/** "`%`", "space", "`.` at the start", "invisible character U+200B". */
	character: string;
	segment: string;
}

/** Why `name` (a `/`-separated id or path) cannot be part of a URL, or undefined when it can. */
export function nameProblem(name: string): NameProblem | undefined {
	for (const segment of name.split('/')) {
		if (SEGMENT.test(segment)) continue;
		if (segment === '') return { character: 'empty name', segment };
		const characters = [...segment];
		const index = characters.findIndex((character, i) => !SEGMENT_CHARACTER.test(character) || (i === 0 && character === '.'));
		const character = characters[index];
		const described = index === 0 && SEGMENT_CHARACTER.test(character) ? `\`${character}\` at the start` : describeCharacter(character);
		return { character: described, segment: visible(segment) };
	}
	return undefined;
}

/** A character as a message can show it: printable ones in backticks, others by code point. */
function describeCharacter(character: string): string {
	if (character === ' ') return 'space';
	if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(character)) return `\`${character}\``;
	return `invisible character U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with control and invisible characters written as `\u{…}`, so a message never carries them raw. */
export const visible = (text: string): string => text.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

/**
 * The readable URL segment of a name: lower case, runs of anything but letters and digits as one
 * `-`. Different names can share one (`C++`, `C#` and `c`); `uniqueSlugs` tells them apart.
 */
export function slugOf(text: string): string {
	return text.toLowerCase().trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'x';
}

/**
 * A distinct slug for each of `names`, the same for the same set of names in any order. A name
 * whose slug is already taken gets `-2`, `-3`… in code-unit order of the names, except that a
 * name written exactly as its slug keeps it (`c` stays `c`; `C#` and `C++` become `c-2`, `c-3`).
 */
export function uniqueSlugs(names: Iterable<string>): Map<string, string> {
	const unique = [...new Set(names)];
	const plain = (name: string) => (slugOf(name) === name ? 0 : 1);
	unique.sort((a, b) => plain(a) - plain(b) || (a < b ? -1 : a > b ? 1 : 0));
	// Natural slugs are reserved first, so a suffix never takes the slug another name has by itself.
	const taken = new Set(unique.map(slugOf));
	const claimed = new Set<string>();
	const slugs = new Map<string, string>();
	for (const name of unique) {
		const base = slugOf(name);
		let slug = base;
		for (let n = 2; claimed.has(slug) || (slug !== base && taken.has(slug)); n++) slug = `${base}-${n}`;
		claimed.add(slug);
		slugs.set(name, slug);
	}
	return slugs;
}

/**
 * The id of a stage or touchpoint whose file gives none: the GitHub-style slug of its name (the
 * anchor GitHub would give a heading of that name), else its position. Exports that write ids only
 * where they differ from these give files that read back the same.
 */
export const defaultStageId = (name: string, index: number): string => githubSlug(name) || `stage-${index + 1}`;
export const defaultTouchpointId = (name: string, stageId: string, index: number): string => githubSlug(name) || `${stageId}-${index + 1}`;
