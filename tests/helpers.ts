/** Shared test helpers: the real sample project, loaded once per test file. */
import { devNull } from 'node:os';
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

/**
 * An environment for git and `cjm` in a temporary repository: no git settings or variables from
 * the machine (nor those in `drop`), a fixed author, and every commit dated `date` when given.
 */
export function gitTestEnv(options: { date?: string; drop?: string[] } = {}): NodeJS.ProcessEnv {
	const { date, drop = [] } = options;
	return {
		...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_') && !drop.includes(key))),
		GIT_CONFIG_NOSYSTEM: '1',
		GIT_CONFIG_GLOBAL: devNull,
		GIT_AUTHOR_NAME: 'Journey Tester',
		GIT_AUTHOR_EMAIL: 'tester@example.com',
		GIT_COMMITTER_NAME: 'Journey Tester',
		GIT_COMMITTER_EMAIL: 'tester@example.com',
		...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}),
	};
}
