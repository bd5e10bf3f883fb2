/**
 * The journey landscape's links: a journey's `parent` (the wider journey it details) and a
 * touchpoint's `zoom` (the journey that details it). Both must name a journey, and together they
 * must not loop: a journey cannot detail one that, through other links, details it.
 */
import type { VFile } from 'vfile';
import { JOURNEYS_DIR } from './content-path.ts';
import type { JourneyReferences } from './parse-journey.ts';
import type { Place } from './place.ts';
import { report } from './rules.ts';
import { suggester } from './suggest.ts';

export interface LinkedJourney {
	id: string;
	file: VFile;
	references: JourneyReferences;
}

/** One link, from the wider journey to the one that details it, and the reference that makes it. */
interface Link {
	wider: string;
	narrower: string;
	key: 'parent' | 'zoom';
	reference: { id: string; place: Place };
	file: VFile;
}

/** Reports unknown `parent` and `zoom` ids (with did-you-mean) and every link that closes a loop. */
export function checkJourneyLinks(journeys: ReadonlyArray<LinkedJourney | undefined>, journeyIds: readonly string[]): void {
	const known = new Set(journeyIds);
	let typos: ReturnType<typeof suggester> | undefined;
	const links: Link[] = [];
	for (const journey of journeys) {
		if (!journey) continue;
		const { id, file, references } = journey;
		const written = [...(references.parent ? [{ key: 'parent' as const, reference: references.parent }] : []), ...(references.zooms ?? []).map((reference) => ({ key: 'zoom' as const, reference }))];
		for (const { key, reference } of written) {
			if (known.has(reference.id)) {
				links.push(key === 'parent' ? { wider: reference.id, narrower: id, key, reference, file } : { wider: id, narrower: reference.id, key, reference, file });
				continue;
			}
			const suggestion = (typos ??= suggester(journeyIds)).closest(reference.id, id);
			const advice = suggestion ? `did you mean \`${suggestion}\`?` : `expected the id of a file under ${JOURNEYS_DIR}/ (its path without \`.md\`)`;
			report(file, 'unknown-journey', `Unexpected \`${key}\` \`${reference.id}\`, ${advice}`, reference.place, { expected: suggestion ? [suggestion] : undefined });
		}
	}
	reportLoops(links);
}

/** Every link whose narrower journey leads back, through other links, to its wider one. */
function reportLoops(links: Link[]): void {
	const narrower = new Map<string, string[]>();
	for (const link of links) narrower.set(link.wider, [...(narrower.get(link.wider) ?? []), link.narrower]);
	for (const link of links) {
		const loop = pathBetween(link.narrower, link.wider, narrower);
		if (!loop) continue;
		const shown = [link.wider, ...loop].map((id) => `\`${id}\``).join(' → ');
		report(
			link.file,
			'journey-cycle',
			`Unexpected \`${link.key}\` \`${link.reference.id}\` that closes a loop of journeys detailing each other (${shown}, each detailed by the next), remove one of the links`,
			link.reference.place
		);
	}
}

/** The shortest chain of ids from `from` to `to` along `next` (both ends included), if there is one. */
function pathBetween(from: string, to: string, next: ReadonlyMap<string, string[]>): string[] | undefined {
	const previous = new Map<string, string | undefined>([[from, undefined]]);
	const queue = [from];
	for (let i = 0; i < queue.length; i++) {
		const id = queue[i];
		if (id === to) {
			const path: string[] = [];
			for (let at: string | undefined = id; at !== undefined; at = previous.get(at)) path.unshift(at);
			return path;
		}
		for (const following of next.get(id) ?? []) {
			if (previous.has(following)) continue;
			previous.set(following, id);
			queue.push(following);
		}
	}
	return undefined;
}
