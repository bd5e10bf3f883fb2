/**
 * `cjm import <file> [-o <path>] [--persona <id>]`: a spreadsheet or a Mermaid journey as a
 * journey file (and the persona files it needs), checked with the core before anything is
 * written. Never overwrites: an existing file is an error, and nothing is written then.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { checkSources, diskFiles, JOURNEYS_DIR, PERSONAS_DIR, slugOf, suggester } from '../core/index.ts';
import { ImportError, importJourney } from '../import/index.ts';
import { format } from '../report/index.ts';
import type { Io } from './main.ts';

export interface ImportOptions {
	output?: string;
	persona?: string;
}

export async function importCommand(input: string, options: ImportOptions, io: Io): Promise<0 | 1> {
	const source = resolve(io.cwd, input);
	if (!existsSync(source)) return fail(io, `${input}: no such file`);
	const output = options.output ? resolve(io.cwd, options.output) : undefined;
	// The project is the folder around journeys/ of the output, or the working directory.
	const root = output ? projectRoot(output) ?? io.cwd : io.cwd;
	const existingPersonas = personaIds(join(root, PERSONAS_DIR));
	if (options.persona && !existingPersonas.includes(options.persona)) {
		const close = suggester(existingPersonas).closest(options.persona);
		return fail(io, `--persona ${options.persona}: no such persona in ${relative(io.cwd, join(root, PERSONAS_DIR)) || PERSONAS_DIR}/${close ? `, did you mean ${close}?` : `; personas: ${existingPersonas.join(', ') || 'none'}`}`);
	}

	let imported;
	try {
		imported = await importJourney(relative(io.cwd, source) || input, new Uint8Array(readFileSync(source)), { persona: options.persona, existingPersonas });
	} catch (error) {
		if (error instanceof ImportError) return fail(io, error.message);
		throw error;
	}
	for (const warning of imported.warnings) io.stderr(`warning: ${warning}\n`);

	const journeyPath = output ?? join(root, JOURNEYS_DIR, `${slugOf(imported.title)}.md`);
	const writes = [{ path: journeyPath, text: imported.text }, ...imported.personas.map((persona) => ({ path: join(root, PERSONAS_DIR, `${persona.id}.md`), text: persona.text }))];
	const taken = writes.find((write) => existsSync(write.path));
	if (taken) return fail(io, `${relative(io.cwd, taken.path)} exists; import never overwrites a file: choose another path with -o`);

	// The files must validate with the real core, with the project's personas, before they are written.
	const display = (path: string) => relative(root, path).split(sep).join(posix.sep);
	const projectPersonas = existingPersonas.map((id) => ({ path: `${PERSONAS_DIR}/${id}.md`, value: new Uint8Array(readFileSync(join(root, PERSONAS_DIR, `${id}.md`))) }));
	const written = writes.map((write) => ({ path: display(write.path), value: write.text }));
	const checked = checkSources([...projectPersonas, ...written], { files: diskFiles(root), displayRoot: relative(io.cwd, root) || undefined });
	const ours = checked.files.filter((file) => written.some((write) => file.path.endsWith(write.path)) && file.messages.length > 0);
	if (ours.length) io.stderr(format(ours, 'stylish'));
	if (ours.some((file) => file.messages.some((message) => message.fatal))) return fail(io, `${input}: the imported journey does not validate (above); nothing was written`);
	if (!display(journeyPath).startsWith(`${JOURNEYS_DIR}/`)) io.stderr(`warning: ${relative(io.cwd, journeyPath)} is outside ${JOURNEYS_DIR}/: move it there for cjm to see it\n`);

	for (const write of writes) {
		mkdirSync(dirname(write.path), { recursive: true });
		writeFileSync(write.path, write.text, { flag: 'wx' });
		io.stderr(`Wrote ${relative(io.cwd, write.path)}\n`);
	}
	return 0;
}

function fail(io: Io, message: string): 1 {
	io.stderr(`cjm: ${message}\n`);
	return 1;
}

/** The folder holding the nearest journeys/ above `file`. */
function projectRoot(file: string): string | undefined {
	for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) if (dir.split(sep).at(-1) === JOURNEYS_DIR) return dirname(dir);
	return undefined;
}

/** Ids of the persona files under `folder` (`b2b/it-buyer`). */
function personaIds(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.md'))
		.map((name) => name.slice(0, -3).split(sep).join('/'))
		.sort();
}
