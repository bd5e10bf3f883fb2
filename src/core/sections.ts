/**
 * Splits a journey's Markdown body at its headings and attaches sections to stages (`##`) and
 * touchpoints (`###` inside a stage's section), matching names or ids without regard to case.
 * Headings that almost match get a `heading-typo` warning: the notes would silently go missing.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { Frontmatter } from './frontmatter.ts';
import type { Section, Stage } from './model.ts';
import { report } from './rules.ts';
import { isNearMiss } from './suggest.ts';

interface Named {
	id: string;
	name: string;
	notes?: Section;
}

const find = <T extends Named>(list: readonly T[], title: string): T | undefined => {
	const wanted = title.trim().toLowerCase();
	return list.find((item) => item.name.trim().toLowerCase() === wanted || item.id.toLowerCase() === wanted);
};

/** Attaches body sections to `stages` (mutating their `notes`) and returns the narrative sections. */
export function attachSections(file: VFile, frontmatter: Frontmatter, stages: Stage[]): Section[] {
	const { tree, text, bodyOffset, locate } = frontmatter;
	const headings = (tree as Root).children.filter((node): node is Heading => node.type === 'heading');
	const narrative: Section[] = [];
	const firstHeading = headings[0]?.position?.start.offset ?? text.length;
	const preamble = text.slice(bodyOffset, firstHeading).trim();
	if (preamble) narrative.push({ heading: '', depth: 0, markdown: preamble });

	// First decide what every heading attaches to, then cut sections, so a stage's section can stop where its first touchpoint section starts.
	let stage: Stage | undefined;
	const targets = headings.map((heading): Named | undefined => {
		const title = toString(heading);
		if (heading.depth <= 2) stage = undefined;
		if (heading.depth === 2) {
			stage = find(stages, title);
			if (!stage) warnNearMiss(file, title, stages, 'stage', locate, heading);
			return stage;
		}
		if (heading.depth === 3) {
			const candidates = stage ? stage.touchpoints : stages.flatMap((each) => each.touchpoints);
			const touchpoint = stage ? find(stage.touchpoints, title) : undefined;
			if (!touchpoint && !warnMisplaced(file, title, stage, stages, locate, heading)) warnNearMiss(file, title, candidates, 'touchpoint', locate, heading);
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
			heading: toString(heading),
			depth: heading.depth,
			markdown: text.slice(heading.position!.end.offset!, end === headings.length ? text.length : headings[end].position!.start.offset!).trim(),
		};
		if (target) target.notes = section;
		else narrative.push(section);
	});
	return narrative;
}

/** A `###` that names a touchpoint exactly, but not under its stage's `##`: its notes would go missing. */
function warnMisplaced(file: VFile, title: string, under: Stage | undefined, stages: Stage[], locate: Frontmatter['locate'], heading: Heading): boolean {
	const owner = stages.find((each) => each !== under && find(each.touchpoints, title));
	if (!owner) return false;
	const { start, end } = heading.position!;
	const where = under ? `under stage \`${under.name}\`` : 'outside any stage section';
	report(
		file,
		'misplaced-heading',
		`Unexpected heading \`${title}\` ${where}, expected it under \`## ${owner.name}\`, the stage of that touchpoint, so its notes attach`,
		locate(start.offset!, end.offset!),
		{ expected: [owner.name] }
	);
	return true;
}

function warnNearMiss(file: VFile, title: string, candidates: readonly Named[], kind: string, locate: Frontmatter['locate'], heading: Heading): void {
	const near = candidates.find((candidate) => isNearMiss(title.trim(), candidate.name.trim()));
	if (!near) return;
	const { start, end } = heading.position!;
	report(
		file,
		'heading-typo',
		`Unexpected heading \`${title}\`, did you mean the ${kind} \`${near.name}\`? Notes attach only to exact names`,
		locate(start.offset!, end.offset!),
		{ expected: [near.name] }
	);
}
