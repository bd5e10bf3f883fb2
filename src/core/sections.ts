/**
 * Splits a journey's Markdown body at its headings and attaches sections to stages (`##`) and
 * touchpoints (`###` inside a stage's section), matching names or ids without regard to case.
 * Headings that almost match get a `heading-typo` warning: the notes would silently go missing.
 */
import type { VFile } from 'vfile';
import type { BodyHeading } from './body-headings.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { Section, Stage } from './model.ts';
import { report } from './rules.ts';
import { type Suggester, suggester } from './suggest.ts';

interface Named {
	id: string;
	name: string;
	notes?: Section;
}

const key = (text: string) => text.trim().toLowerCase();

/**
 * Finding items by name or id, and near misses of names, over lists that are looked up once per
 * heading: each list is indexed on first use, so a body of thousands of headings stays linear.
 */
class Lookups {
	#exact = new WeakMap<readonly Named[], Map<string, Named>>();
	#typos = new WeakMap<readonly Named[], Suggester>();

	/** The first item whose name (ignoring case and surrounding space) or id is `title`. */
	find<T extends Named>(list: readonly T[], title: string): T | undefined {
		let map = this.#exact.get(list);
		if (!map) {
			map = new Map();
			for (const item of list) {
				if (!map.has(key(item.name))) map.set(key(item.name), item);
				if (!map.has(item.id.toLowerCase())) map.set(item.id.toLowerCase(), item);
			}
			this.#exact.set(list, map);
		}
		return map.get(key(title)) as T | undefined;
	}

	/** The first item whose name is a near miss of `title`. */
	nearMiss<T extends Named>(list: readonly T[], title: string): T | undefined {
		let typos = this.#typos.get(list);
		if (!typos) this.#typos.set(list, (typos = suggester(list.map((item) => item.name.trim()))));
		const at = typos.firstNearMissAt(title.trim());
		return at === undefined ? undefined : list[at];
	}
}

/** Attaches body sections to `stages` (mutating their `notes`) and returns the narrative sections. */
export function attachSections(file: VFile, frontmatter: Frontmatter, stages: Stage[]): Section[] {
	const { headings, text, bodyOffset, locate } = frontmatter;
	const narrative: Section[] = [];
	const firstHeading = headings[0]?.start ?? text.length;
	const preamble = text.slice(bodyOffset, firstHeading).trim();
	if (preamble) narrative.push({ heading: '', depth: 0, markdown: preamble });

	// First decide what every heading attaches to, then cut sections, so a stage's section can stop where its first touchpoint section starts.
	let stage: Stage | undefined;
	const allTouchpoints = stages.flatMap((each) => each.touchpoints);
	const lookups = new Lookups();
	/** Stages in order, by the names and ids of their touchpoints: where a misplaced `###` belongs. */
	const stagesOf = new Map<string, Stage[]>();
	for (const each of stages) {
		for (const touchpoint of each.touchpoints) {
			for (const name of new Set([key(touchpoint.name), touchpoint.id.toLowerCase()])) {
				const list = stagesOf.get(name) ?? [];
				if (list.at(-1) !== each) list.push(each);
				stagesOf.set(name, list);
			}
		}
	}
	const nearMiss = (title: string, candidates: readonly Named[], kind: string, heading: BodyHeading) => {
		const near = lookups.nearMiss(candidates, title);
		if (near) warnNearMiss(file, title, near.name, kind, locate, heading);
	};
	const targets = headings.map((heading): Named | undefined => {
		const { title } = heading;
		if (heading.depth <= 2) stage = undefined;
		if (heading.depth === 2) {
			stage = lookups.find(stages, title);
			if (!stage) nearMiss(title, stages, 'stage', heading);
			return stage;
		}
		if (heading.depth === 3) {
			const touchpoint = stage ? lookups.find(stage.touchpoints, title) : undefined;
			if (!touchpoint && !warnMisplaced(file, title, stage, stagesOf.get(key(title)) ?? [], locate, heading)) nearMiss(title, stage ? stage.touchpoints : allTouchpoints, 'touchpoint', heading);
			return touchpoint;
		}
		return undefined;
	});

	let open = 0; // depth of the heading that started the current section
	headings.forEach((heading, index) => {
		const target = targets[index];
		if (!target && heading.depth > open && open > 0) return; // part of the enclosing section
		open = heading.depth;
		// A section runs to the next heading of the same or higher rank, or to the next attached heading.
		// Scan on from this heading only, so a file of many headings stays linear.
		let end = index + 1;
		while (end < headings.length && headings[end].depth > heading.depth && targets[end] === undefined) end++;
		const section: Section = {
			heading: heading.title,
			depth: heading.depth,
			markdown: text.slice(heading.end, end === headings.length ? text.length : headings[end].start).trim(),
		};
		if (target) target.notes = section;
		else narrative.push(section);
	});
	return narrative;
}

/** A `###` that names a touchpoint exactly, but not under its stage's `##`: its notes would go missing. */
function warnMisplaced(file: VFile, title: string, under: Stage | undefined, owners: readonly Stage[], locate: Frontmatter['locate'], heading: BodyHeading): boolean {
	const owner = owners.find((each) => each !== under);
	if (!owner) return false;
	const where = under ? `under stage \`${under.name}\`` : 'outside any stage section';
	report(
		file,
		'misplaced-heading',
		`Unexpected heading \`${title}\` ${where}, expected it under \`## ${owner.name}\`, the stage of that touchpoint, so its notes attach`,
		locate(heading.start, heading.end),
		{ expected: [owner.name] }
	);
	return true;
}

function warnNearMiss(file: VFile, title: string, near: string, kind: string, locate: Frontmatter['locate'], heading: BodyHeading): void {
	report(file, 'heading-typo', `Unexpected heading \`${title}\`, did you mean the ${kind} \`${near}\`? Notes attach only to exact names`, locate(heading.start, heading.end), {
		expected: [near],
	});
}
