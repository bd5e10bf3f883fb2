/**
 * `cjm new` run alone in a terminal: asks what to create, then does what the same command with
 * arguments does (new.ts), so both ways write the same files. Only reached when stdin and stdout
 * are a terminal; in CI `cjm new` exits 2 with its usage instead of waiting.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkbox, input, select } from '@inquirer/prompts';
import { JOURNEYS_DIR, loadProject, nameProblem, PERSONAS_DIR, type Project } from '../core/index.ts';
import type { Io } from './main.ts';
import { newJourney, newPersona, personasNeeded, run, titleOf, type Written } from './new.ts';
import { placeOf } from './new-place.ts';
import { type Template, TEMPLATE_SUMMARIES, TEMPLATES } from './new-templates.ts';

/** Why an id cannot be used, or true. */
const validId = (dir: typeof JOURNEYS_DIR | typeof PERSONAS_DIR, cwd: string) => (value: string) => {
	if (!value.trim()) return 'an id, such as checkout/returns';
	const problem = nameProblem(value.trim().replace(/\.md$/, ''));
	if (problem) return `${problem.character} in \`${problem.segment}\`: letters, digits, -, _ and . only`;
	try {
		if (existsSync(placeOf(value.trim(), dir, cwd).file)) return 'that file exists already; choose another id';
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
	return true;
};

async function askPersona(io: Io): Promise<Written> {
	const id = (await input({ message: 'Persona id (its file will be personas/<id>.md):', validate: validId(PERSONAS_DIR, io.cwd) })).trim();
	const name = await input({ message: 'Name:', default: titleOf(id) });
	return newPersona(id, { name }, io.cwd);
}

async function askJourney(io: Io, project: Project): Promise<Written> {
	const template = await select<Template>({
		message: 'What kind of journey map?',
		choices: TEMPLATES.map((value) => ({ value, name: value, description: TEMPLATE_SUMMARIES[value] })),
	});
	const currents = project.journeys.filter((journey) => journey.state === 'current');
	const from =
		template === 'future' && currents.length > 0
			? await select<string | undefined>({
					message: 'Start from a current-state journey? (keeps its stages, touchpoints and ids)',
					choices: [{ value: undefined, name: 'No, from the template' }, ...currents.map((journey) => ({ value: journey.id, name: `${journey.id}: ${journey.title}` }))],
				})
			: undefined;
	const path = (await input({ message: 'Journey id (its file will be journeys/<id>.md):', validate: validId(JOURNEYS_DIR, io.cwd) })).trim();
	const needed = from ? 0 : personasNeeded(template);
	let persona: string[] = [];
	if (project.personas.length > 0 && !from) {
		persona = await checkbox({
			message: needed > 1 ? `Whose journey is it? (choose ${needed})` : 'Whose journey is it?',
			choices: project.personas.map((each) => ({ value: each.id, name: `${each.id}: ${each.name}` })),
			validate: (chosen) => chosen.length >= Math.max(needed, 1) || `choose at least ${Math.max(needed, 1)}`,
		});
	}
	const written: string[] = [];
	// A project without personas gets its first ones now: a journey must name one that exists.
	while (!from && persona.length < Math.max(needed, 1)) {
		io.stdout(`A journey names ${needed > 1 ? `${needed} personas` : 'a persona'}; there ${persona.length === 0 ? 'is none yet' : 'is one more to create'}.\n`);
		const created = await askPersona(io);
		written.push(...created.files);
		persona.push(placeOf(created.files[0], PERSONAS_DIR, io.cwd).id);
	}
	const journey = await newJourney(path, { persona, template: from ? undefined : template, from }, io.cwd);
	return { files: [...written, ...journey.files], next: journey.next };
}

/** Asks, then writes; `kind` when the command already said it (`cjm new journey`). */
export async function ask(kind: 'journey' | 'persona' | undefined, io: Io): Promise<number> {
	try {
		const what = kind ?? (await select({ message: 'What do you want to start?', choices: [{ value: 'journey', name: 'A journey map' }, { value: 'persona', name: 'A persona' }] as const }));
		const project = existsSync(join(io.cwd, JOURNEYS_DIR)) || existsSync(join(io.cwd, PERSONAS_DIR)) ? (await loadProject(io.cwd)).project : { journeys: [], personas: [] };
		return await run(io, () => (what === 'persona' ? askPersona(io) : askJourney(io, project)));
	} catch (error) {
		// Ctrl+C or a closed terminal while asking.
		if (error instanceof Error && error.name === 'ExitPromptError') {
			io.stderr('cjm: stopped; nothing more was written\n');
			return 1;
		}
		throw error;
	}
}
