/** Shared test helpers: the real sample project, loaded once per test file. */
import { loadProject, type Journey, type Project } from '../src/core/index.ts';

export const repoRoot = new URL('..', import.meta.url).pathname;

let samples: Promise<Project> | undefined;

/** The sample journeys and personas shipped in journeys/ and personas/. */
export function sampleProject(): Promise<Project> {
	samples ??= loadProject(repoRoot).then(({ project }) => project);
	return samples;
}

export async function sampleJourney(id: string): Promise<Journey> {
	const journey = (await sampleProject()).journeys.find((each) => each.id === id);
	if (!journey) throw new Error(`No sample journey ${id}`);
	return journey;
}
