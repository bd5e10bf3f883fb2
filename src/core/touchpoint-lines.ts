/**
 * The lines of a journey file each touchpoint is written on, so dates per line (from `git blame`,
 * read outside the core) can be told per touchpoint. Reads the YAML with node ranges, which only
 * this needs: it runs only when a project asks for per-touchpoint dates.
 */
import { VFile } from 'vfile';
import { readFrontmatter } from './frontmatter.ts';
import type { Journey } from './model.ts';
import { placeOf } from './yaml-path.ts';

/** First and last line (1-based) of each touchpoint's YAML, by touchpoint id; empty when the file cannot be read. */
export function touchpointLines(text: string, journey: Journey): Map<string, { start: number; end: number }> {
	const frontmatter = readFrontmatter(new VFile({ path: journey.path, value: text }));
	const lines = new Map<string, { start: number; end: number }>();
	if (!frontmatter) return lines;
	journey.stages.forEach((stage, s) =>
		stage.touchpoints.forEach((touchpoint, t) => {
			const place = placeOf(frontmatter, ['stages', s, 'touchpoints', t]);
			if ('start' in place) lines.set(touchpoint.id, { start: place.start.line, end: place.end.line });
			else lines.set(touchpoint.id, { start: place.line, end: place.line });
		})
	);
	return lines;
}

/** The latest of the dates (`YYYY-MM-DD`) of each touchpoint's lines, by touchpoint id; `lineDates[n]` is line n's date. */
export function touchpointDates(text: string, journey: Journey, lineDates: ReadonlyArray<string | undefined>): Record<string, string> {
	const dates: Record<string, string> = {};
	for (const [id, { start, end }] of touchpointLines(text, journey)) {
		let latest: string | undefined;
		for (let line = start; line <= end; line++) {
			const date = lineDates[line];
			if (date && (!latest || date > latest)) latest = date;
		}
		if (latest) dates[id] = latest;
	}
	return dates;
}
