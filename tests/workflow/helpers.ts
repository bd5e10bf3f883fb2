/** The GitHub Actions workflows in .github/workflows/, read as files and as parsed YAML. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const workflowsDir = join(repo, '.github', 'workflows');

export interface Step {
	id?: string;
	name?: string;
	if?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string | number | boolean>;
	env?: Record<string, string>;
	'continue-on-error'?: boolean;
}

export interface Job {
	name?: string;
	needs?: string | string[];
	if?: string;
	permissions?: Record<string, string> | string;
	environment?: { name: string; url?: string } | string;
	outputs?: Record<string, string>;
	steps: Step[];
}

export interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string> | string;
	concurrency?: { group: string; 'cancel-in-progress'?: boolean };
	jobs: Record<string, Job>;
}

/** Every workflow file: its path relative to the repository, its text and its parsed content. */
export function workflowFiles(): { path: string; text: string }[] {
	return readdirSync(workflowsDir)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => ({ path: `.github/workflows/${name}`, text: readFileSync(join(workflowsDir, name), 'utf8') }));
}

/** Parses a workflow strictly: YAML errors and warnings (duplicate keys, tabs) throw. */
export function loadWorkflow(name: string): Workflow {
	const document = parseDocument(readFileSync(join(workflowsDir, name), 'utf8'), { uniqueKeys: true });
	const problems = [...document.errors, ...document.warnings];
	if (problems.length > 0) throw new Error(`${name}: ${problems.map((problem) => problem.message).join('; ')}`);
	return document.toJS() as Workflow;
}

export function step(job: Job, id: string): Step {
	const found = job.steps.find((each) => each.id === id);
	if (!found) throw new Error(`No step with id ${id}`);
	return found;
}

/** The index of the first step that uses the action (owner/name, any version) or runs a command matching the pattern. */
export function indexOf(job: Job, what: string | RegExp): number {
	return job.steps.findIndex((each) => (typeof what === 'string' ? each.uses?.split('@')[0] === what : what.test(each.run ?? '')));
}
