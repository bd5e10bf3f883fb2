/**
 * `cjm import`'s work, with no file system: a spreadsheet (.xlsx, .csv, .tsv) or a Mermaid
 * `journey` (alone, or in a Markdown page) in, the journey file and any persona files it needs
 * out, as text, with warnings for everything it could not place. The CLI checks them with the
 * core and writes them.
 */
import { stringify } from 'yaml';
import { type JourneyInput, slugOf } from '../core/index.ts';
import { stagesOf } from './decode.ts';
import { readGrid, SPREADSHEET_EXTENSIONS } from './grid.ts';
import { draftOf } from './layouts.ts';
import { parseMermaidJourney } from './mermaid.ts';
import { ImportError, type Warning } from './problems.ts';

export { ImportError, type Warning } from './problems.ts';
export { SPREADSHEET_EXTENSIONS } from './grid.ts';
export const MERMAID_EXTENSIONS = ['md', 'markdown', 'mmd', 'mermaid'] as const;

export interface ImportOptions {
	/** Every touchpoint belongs to this persona (which must exist: the CLI checks). */
	persona?: string;
	/** Ids of the personas the project has, so none is written twice. */
	existingPersonas: readonly string[];
}

export interface NewPersona {
	id: string;
	name: string;
	/** The persona file. */
	text: string;
}

export interface Imported {
	title: string;
	journey: JourneyInput;
	/** The journey file. */
	text: string;
	/** Persona files to write: the ones the journey names that the project does not have. */
	personas: NewPersona[];
	warnings: Warning[];
}

/** The persona a spreadsheet without a Persona lane is given, unless `--persona` names one. */
export const DEFAULT_PERSONA = { id: 'customer', name: 'Customer' };

/** Imports `bytes`, the contents of the file named `file` (its extension says what it is). */
export async function importJourney(file: string, bytes: Uint8Array, options: ImportOptions): Promise<Imported> {
	const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
	const warnings: Warning[] = [];
	let title: string | undefined;
	let stages: JourneyInput['stages'];
	/** Per touchpoint in order, the personas named for it (names or ids, as written). */
	let owners: string[][];
	let actors: string[];
	const mermaid = (MERMAID_EXTENSIONS as readonly string[]).includes(extension);
	if ((SPREADSHEET_EXTENSIONS as readonly string[]).includes(extension)) {
		const grid = await readGrid(file, bytes, extension as (typeof SPREADSHEET_EXTENSIONS)[number]);
		const { draft, warnings: found } = draftOf(grid);
		warnings.push(...found);
		title = draft.title;
		stages = stagesOf(draft, warnings);
		owners = stages.flatMap((stage) => (stage.touchpoints ?? []).map((touchpoint) => (touchpoint.persona ? [touchpoint.persona] : [])));
		actors = [...new Set(owners.flat())];
	} else if (mermaid) {
		const parsed = parseMermaidJourney(file, new TextDecoder().decode(bytes), warnings);
		({ title, stages } = parsed);
		owners = parsed.touchpointActors;
		actors = parsed.actors;
	} else {
		throw new ImportError(`${file}: cannot import .${extension} files; import a spreadsheet (${SPREADSHEET_EXTENSIONS.map((each) => `.${each}`).join(', ')}) or a Mermaid journey (.md, .mmd)`);
	}
	title ||= titleOf(file);

	const ids = new Map(actors.map((actor) => [actor, personaId(actor)]));
	let personas: Array<{ id: string; name: string }>;
	if (options.persona) {
		personas = [{ id: options.persona, name: options.persona }];
		if (actors.some((actor) => ids.get(actor) !== options.persona)) warnings.push(`${file}: every touchpoint belongs to ${options.persona} (--persona); the personas named in the file are left out: ${actors.map((actor) => `"${actor}"`).join(', ')}`);
	} else personas = actors.length ? actors.map((actor) => ({ id: ids.get(actor)!, name: actor })) : [DEFAULT_PERSONA];

	// A spreadsheet's Persona lane is kept as written; a Mermaid task names its persona when the
	// journey has several and the task has one actor.
	let i = 0;
	for (const stage of stages) {
		for (const touchpoint of stage.touchpoints ?? []) {
			const own = owners[i++];
			delete touchpoint.persona;
			if (!options.persona && own.length === 1 && (personas.length > 1 || !mermaid)) touchpoint.persona = ids.get(own[0]);
		}
	}
	const journey: JourneyInput = { title, persona: personas.length === 1 ? personas[0].id : personas.map((persona) => persona.id), stages };
	return {
		title,
		journey,
		text: `---\n${stringify(journey, { lineWidth: 0 })}---\n`,
		personas: personas.filter((persona) => !options.existingPersonas.includes(persona.id)).map((persona) => ({ ...persona, text: personaText(persona.name, file) })),
		warnings,
	};
}

/** A persona id from what a file calls it: an id (`b2b/it-buyer`) stays, a name (`Me`, `Marco Rossi`) becomes its slug. */
const personaId = (name: string) => (/^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*$/.test(name) ? name : slugOf(name));

/** `my_journey-map.xlsx` → `My journey map`. */
function titleOf(file: string): string {
	const base = file.split(/[\\/]/).at(-1)!.replace(/\.[^.]*$/, '').replace(/[-_]+/g, ' ').trim() || 'Imported journey';
	return base[0].toUpperCase() + base.slice(1);
}

function personaText(name: string, file: string): string {
	return `---\n${stringify({ name }, { lineWidth: 0 })}---\n\nImported from ${file.split(/[\\/]/).at(-1)}: describe who ${name} is, what they want and what gets in their way.\n`;
}
