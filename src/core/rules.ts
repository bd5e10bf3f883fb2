/**
 * Every problem the validator reports, by rule id. The ids appear in every output format
 * (`[unknown-key]`, `title=unknown-key`) and the docs page lists them, so they are part of the API.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Place } from './place.ts';

export const RULES = {
	'invalid-encoding': { severity: 'error', summary: 'The file is not UTF-8 text with LF or CRLF line endings.' },
	'file-too-large': { severity: 'error', summary: 'The file is larger than a journey map can reasonably be.' },
	'missing-frontmatter': { severity: 'error', summary: 'The file does not start with YAML frontmatter between `---` lines (or the closing `---` is missing).' },
	'yaml-syntax': { severity: 'error', summary: 'The frontmatter is not valid YAML (including duplicate keys).' },
	'yaml-limits': { severity: 'error', summary: 'The frontmatter expands aliases too much or nests too deeply.' },
	'markdown-limits': { severity: 'error', summary: 'The Markdown body nests lists or quotes too deeply, or packs a paragraph with so many inline markers that it cannot be read in reasonable time.' },
	'frontmatter-not-a-map': { severity: 'error', summary: 'The frontmatter is a list or a single value instead of a map of fields.' },
	'missing-key': { severity: 'error', summary: 'A required key is missing.' },
	'wrong-type': { severity: 'error', summary: 'A value has the wrong type.' },
	'out-of-range': { severity: 'error', summary: 'A number is outside its range, a list is empty where one item is needed, or a journey has more touchpoints than the limit.' },
	'invalid-value': { severity: 'error', summary: 'A value is not one of the allowed values or formats.' },
	'unknown-key': { severity: 'error', summary: 'A key is not part of the format (often a typo).' },
	'unknown-persona': { severity: 'error', summary: 'A journey or touchpoint names a persona that does not exist.' },
	'unknown-baseline': { severity: 'error', summary: '`baseline` names a journey that does not exist.' },
	'unknown-journey': { severity: 'error', summary: '`parent` or a touchpoint’s `zoom` names a journey that does not exist.' },
	'journey-cycle': { severity: 'error', summary: '`parent` and `zoom` links loop: a journey details, through other links, a journey that details it.' },
	'invalid-metric': { severity: 'error', summary: 'A metrics CSV has the wrong header, a row of the wrong length, broken quoting, or a date or value that cannot be read.' },
	'unknown-metric': { severity: 'error', summary: 'A metrics row names a journey, touchpoint or KPI that does not exist.' },
	'unknown-source': { severity: 'error', summary: 'A touchpoint’s `evidence` names a source the journey does not list, by title or by position.' },
	'unknown-next': { severity: 'error', summary: '`next` names a touchpoint that does not exist in the journey.' },
	'duplicate-id': { severity: 'error', summary: 'Two stages, or two touchpoints, have the same id, or a journey names a persona twice.' },
	'missing-avatar': { severity: 'error', summary: 'A persona’s `avatar` file does not exist.' },
	'missing-image': { severity: 'error', summary: 'A touchpoint’s `image` file does not exist.' },
	'invalid-path': {
		severity: 'error',
		summary: 'A path in content is a URL or absolute, leads outside `journeys/`, `personas/` and `assets/` (also through a link), names a folder or something else than a file, or has characters a URL cannot carry.',
	},
	'invalid-image': { severity: 'error', summary: 'A path in content names a file that is not a PNG, JPEG, GIF, WebP or SVG image, or whose content is not the type its extension says.' },
	'unsafe-svg': { severity: 'error', summary: 'An SVG has scripts, event handlers, `<foreignObject>` or other embedded documents, or references to other files or sites.' },
	'invalid-file-name': { severity: 'error', summary: 'A file or folder name under `journeys/` or `personas/` has characters that cannot be part of a URL.' },
	'duplicate-file-name': { severity: 'error', summary: 'Two files under `journeys/` or `personas/` have the same id once Unicode is normalised (NFC).' },
	'empty-stage': { severity: 'warning', summary: 'A stage has no touchpoints.' },
	'missing-emotion': { severity: 'warning', summary: 'A touchpoint has no `emotion`, so the emotion chart has a gap.' },
	'unexplained-drop': { severity: 'warning', summary: 'Emotion falls by 2 or more between consecutive touchpoints with no pain recorded.' },
	'unsupported-touchpoint': { severity: 'warning', summary: 'A high-criticality touchpoint on a `validated` map has no `evidence`.' },
	'unowned-pain': { severity: 'warning', summary: 'A touchpoint has pains but nobody owns them.' },
	'heading-typo': { severity: 'warning', summary: 'A body heading almost matches a stage or touchpoint name.' },
	'remote-image': { severity: 'warning', summary: 'The body shows an image from the network, which the site never loads (it shows a link).' },
	'misplaced-heading': { severity: 'warning', summary: 'A `###` heading names a touchpoint, but not under its stage’s `##` heading.' },
	'missing-alt': { severity: 'warning', summary: 'A touchpoint’s `image` has no `alt` text, so people who cannot see it miss what it shows.' },
	'stale-map': { severity: 'warning', summary: 'The map’s last review (`reviewed`, else its file’s last commit) is older than a review holds (`cjm.config.yaml`).' },
	'unused-persona': { severity: 'warning', summary: 'No journey uses this persona.' },
	'unfollowed-link': { severity: 'warning', summary: 'A symbolic link under `journeys/` or `personas/` leads to a folder, or outside the content folders, and is not read.' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; summary: string }>;

export type RuleId = keyof typeof RULES;

/** Rules that stop a file from being read at all: nothing else in it was checked. */
export const READING_RULES: ReadonlySet<string> = new Set<RuleId>(['invalid-encoding', 'file-too-large', 'missing-frontmatter', 'yaml-syntax', 'yaml-limits', 'markdown-limits', 'frontmatter-not-a-map']);

export interface ReportOptions {
	/** A related place, such as where a duplicate id was first defined. */
	cause?: VFileMessage;
	/** Extra advice, shown by verbose reporters and in JSON output. */
	note?: string;
	expected?: string[];
	actual?: string;
}

/**
 * At most this many values in a message's `expected` list: thousands of messages that each listed
 * every id of a large journey made `--format json` output too large to build.
 */
export const MAX_EXPECTED = 20;

/** Adds a message for `rule` to `file`, with the rule's severity. */
export function report(
	file: VFile,
	rule: RuleId,
	reason: string,
	place: Place | undefined,
	options: ReportOptions = {}
): VFileMessage {
	const message = file.message(reason, { place, ruleId: rule, source: 'cjm', cause: options.cause });
	message.fatal = RULES[rule].severity === 'error';
	if (options.note) message.note = options.note;
	if (options.expected) message.expected = options.expected.slice(0, MAX_EXPECTED);
	if (options.actual) message.actual = options.actual;
	return message;
}
