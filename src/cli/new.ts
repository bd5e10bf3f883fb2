/**
 * `cjm new journey` and `cjm new persona`: start a file from a template (src/cli/templates/), or a
 * future-state copy of a current-state journey (new-from.ts). Every file written validates at
 * once, and nothing is ever overwritten (new-place.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar } from 'yaml';
import { JOURNEYS_DIR, loadProject, PERSONAS_DIR, type Project, suggester } from '../core/index.ts';
import { joinFile, type JourneyDoc, personasIn, splitFile, usePersonas } from './journey-doc.ts';
import { futureCopy } from './new-from.ts';
import { mustBeNew, placeOf, Refusal, writeNew } from './new-place.ts';
import type { Template } from './new-templates.ts';
import { UsageError } from './targets.ts';

const templatesDir = new URL('./templates/', import.meta.url);
export const templatePath = (name: Template | 'persona'): string => fileURLToPath(new URL(`${name}.md`, templatesDir));

export interface Written {
	/** Paths written, relative to the working directory. */
	files: string[];
	/** What to do next, one line each. */
	next: string[];
}

/** `checkout-returns` → `Checkout returns`. */
export const titleOf = (id: string): string => {
	const words = (id.split('/').at(-1) ?? id).replace(/[-_.]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
};

/** How many personas a template is made for (b2b: two). */
export const personasNeeded = (template: Template): number => personasIn(readTemplate(template).doc).length;

export function readTemplate(name: Template | 'persona'): JourneyDoc {
	const template = splitFile(readFileSync(templatePath(name), 'utf8'));
	if (!template) throw new Error(`the ${name} template has no frontmatter`);
	return template;
}

/** Loads the project at `root` for its persona and journey ids; an empty project when it has neither folder yet. */
async function projectAt(root: string): Promise<Project> {
	if (!existsSync(join(root, JOURNEYS_DIR)) && !existsSync(join(root, PERSONAS_DIR))) return { journeys: [], personas: [] };
	return (await loadProject(root)).project;
}

/** Refuses persona ids the project does not have, with the closest existing id as a suggestion. */
export function checkPersonas(wanted: string[], project: Project): void {
	const ids = project.personas.map((persona) => persona.id);
	const known = new Set(ids);
	const closest = suggester(ids);
	const missing = wanted.filter((id) => !known.has(id));
	if (missing.length === 0) return;
	throw new Refusal(
		missing
			.map((id) => {
				const hint = closest.closest(id);
				return `No persona \`${id}\` in ${PERSONAS_DIR}/${hint ? `; did you mean \`${hint}\`?` : ''} Create it with \`cjm new persona ${id}\`.`;
			})
			.join('\n')
	);
}

export interface NewJourneyOptions {
	persona: string[];
	template?: Template;
	from?: string;
}

export async function newJourney(path: string, options: NewJourneyOptions, cwd: string): Promise<Written> {
	if (options.from && options.template) throw new UsageError('give either --template or --from: --from copies an existing journey instead of a template');
	const place = placeOf(path, JOURNEYS_DIR, cwd);
	mustBeNew(place.file, cwd);
	const template = options.template ?? 'current';
	const needed = options.from ? 0 : personasNeeded(template);
	if (options.persona.length < needed && needed > 1) {
		throw new UsageError(`the ${template} template is for ${needed} personas: give --persona ${needed} times (one for each role, such as a buyer and a user)`);
	}
	const project = await projectAt(place.root);
	if (options.persona.length === 0 && !options.from) {
		const ids = project.personas.map((persona) => persona.id);
		throw new UsageError(
			ids.length > 0
				? `say whose journey it is with --persona <id> (personas here: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''})`
				: `say whose journey it is with --persona <id>; there are no personas yet: start one with \`cjm new persona <id>\``
		);
	}
	checkPersonas(options.persona, project);

	let text: string;
	if (options.from) {
		text = await futureCopy(options.from, { root: place.root, cwd, persona: options.persona });
	} else {
		const journey = readTemplate(template);
		usePersonas(journey.doc, options.persona);
		const title = journey.doc.get('title', true);
		if (isScalar(title)) title.value = titleOf(place.id);
		text = joinFile(journey);
	}
	const written = writeNew(place.file, text, cwd);
	const check = relative(cwd, place.root) || '.';
	return {
		files: [written],
		next: [
			`Fill in the stages and touchpoints of ${written} (the comments say what goes where).`,
			'Preview it as you write: `npm run dev`, then open the journey’s page; problems show in the page.',
			`Check it: \`cjm validate${check === '.' ? '' : ` ${check}`}\`; before a merge, review it with \`cjm diff\`.`,
		],
	};
}

export async function newPersona(id: string, options: { name?: string }, cwd: string): Promise<Written> {
	const place = placeOf(id, PERSONAS_DIR, cwd);
	const persona = readTemplate('persona');
	const name = persona.doc.get('name', true);
	if (isScalar(name)) name.value = options.name ?? titleOf(place.id);
	const written = writeNew(place.file, joinFile(persona), cwd);
	return {
		files: [written],
		next: [
			`Describe the persona in ${written} from your research.`,
			`Start a journey for it: \`cjm new journey <path> --persona ${place.id}\` (until one uses it, \`cjm validate\` warns that it is unused).`,
		],
	};
}

/** What `cjm new` prints: the files written and the next steps. */
export const report = (written: Written): string => `${written.files.map((file) => `✔ wrote ${file}\n`).join('')}\nNext:\n${written.next.map((line) => `  - ${line}\n`).join('')}`;

/** Runs a `cjm new` command: prints what it wrote, or why it wrote nothing (exit 1). */
export async function run(io: { stdout: (text: string) => void; stderr: (text: string) => void }, work: () => Promise<Written>): Promise<number> {
	try {
		io.stdout(report(await work()));
		return 0;
	} catch (error) {
		if (!(error instanceof Refusal)) throw error;
		io.stderr(`cjm: ${error.message}\n`);
		return 1;
	}
}
