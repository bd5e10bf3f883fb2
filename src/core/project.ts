/**
 * Loads a project (a folder with `journeys/` and `personas/`), parses every file, and checks what
 * only the whole project can tell: that personas and baselines exist, avatars are on disk, and
 * every persona is used. All files are checked in one run; nothing stops at the first bad file.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { MAX_FILE_BYTES } from './frontmatter.ts';
import type { Journey, Persona, Project } from './model.ts';
import { type ParseResult, type ParseTask, parseAll, parseTask } from './parallel.ts';
import type { ParsedJourney } from './parse-journey.ts';
import type { ParsedPersona } from './parse-persona.ts';
import { FILE_START } from './place.ts';
import { report } from './rules.ts';
import { didYouMean } from './suggest.ts';

export const JOURNEYS_DIR = 'journeys';
export const PERSONAS_DIR = 'personas';

export interface LoadedProject {
	project: Project;
	/** Every file read, with its messages, sorted by path. */
	files: VFile[];
}

interface Entry {
	/** Path relative to the project root, with `/` separators. */
	path: string;
	id: string;
	file: VFile;
}

export interface LoadOptions {
	/** How `root` is written in file paths of messages (e.g. relative to the working directory); defaults to `root`. */
	displayRoot?: string;
	/** Parse large projects on worker threads (for the CLI; Node must be able to run the TypeScript worker). */
	parallel?: boolean;
}

/** Loads and checks the project at `root`. */
export async function loadProject(root: string, options: LoadOptions = {}): Promise<LoadedProject> {
	const display = options.displayRoot ?? root;
	const [journeyEntries, personaEntries] = await Promise.all([
		readEntries(root, display, JOURNEYS_DIR),
		readEntries(root, display, PERSONAS_DIR),
	]);
	const tasks = parseTasks(journeyEntries, personaEntries);
	const results = await parseAll(tasks, options);
	return checkEntries(journeyEntries, personaEntries, (path) => existsSync(join(root, path)), resultsByFile(tasks, results));
}

/** A file of a project that is not on disk, such as a version read from git. */
export interface SourceFile {
	/** Path relative to the project root, with `/` separators: `journeys/a.md`. */
	path: string;
	value: Uint8Array | string;
}

/**
 * Checks a project given as files in memory (for example, a git revision). `fileExists` answers
 * for other files, such as avatars, by project-relative path.
 */
export function checkSources(sources: SourceFile[], options: Omit<LoadOptions, 'parallel'> & { fileExists: (path: string) => boolean }): LoadedProject {
	const entries = (dir: string) =>
		sources
			.filter((source) => source.path.startsWith(`${dir}/`) && source.path.endsWith('.md'))
			.sort((a, b) => a.path.localeCompare(b.path))
			.map((source): Entry => ({
				path: source.path,
				id: source.path.slice(dir.length + 1).replace(/\.md$/, ''),
				file: new VFile({ path: options.displayRoot ? posix.join(options.displayRoot, source.path) : source.path, value: source.value }),
			}));
	const [journeyEntries, personaEntries] = [entries(JOURNEYS_DIR), entries(PERSONAS_DIR)];
	const tasks = parseTasks(journeyEntries, personaEntries);
	return checkEntries(journeyEntries, personaEntries, options.fileExists, resultsByFile(tasks, tasks.map(parseTask)));
}

/** One parse task per file that was read; a file rejected while reading (too large) has nothing to parse. */
function parseTasks(journeyEntries: Entry[], personaEntries: Entry[]): ParseTask[] {
	const task = (kind: ParseTask['kind']) => (entry: Entry) => ({ kind, id: entry.id, path: entry.path, file: entry.file });
	return [...personaEntries.map(task('persona')), ...journeyEntries.map(task('journey'))].filter((t) => t.file.messages.length === 0);
}

const resultsByFile = (tasks: ParseTask[], results: ParseResult[]) => new Map(results.map((result, i) => [tasks[i].file, result]));

/** The project-wide checks, over files already parsed. */
function checkEntries(journeyEntries: Entry[], personaEntries: Entry[], fileExists: (path: string) => boolean, results: Map<VFile, ParseResult>): LoadedProject {
	const withFile = <T>(entry: Entry) => {
		const parsed = results.get(entry.file) as T | undefined;
		return parsed && { ...parsed, file: entry.file };
	};
	const personas = personaEntries.map((entry) => withFile<ParsedPersona>(entry));
	const journeys = journeyEntries.map((entry) => {
		const parsed = withFile<ParsedJourney>(entry);
		return parsed && { ...parsed, id: entry.id };
	});
	checkReferences(journeys, journeyEntries, personaEntries);
	checkPersonas(fileExists, personas, journeys);
	const files = [...personaEntries, ...journeyEntries].map((entry) => entry.file).sort((a, b) => a.path.localeCompare(b.path));
	for (const file of files) file.messages.sort(byPlace);
	return {
		project: {
			journeys: journeys.flatMap((parsed) => (parsed?.journey ? [parsed.journey] : [])),
			personas: personas.flatMap((parsed) => (parsed ? [parsed.persona] : [])),
		},
		files,
	};
}

const byPlace = (a: VFileMessage, b: VFileMessage) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Reads every `.md` file under `root/dir`, as bytes so encoding problems can be reported. */
async function readEntries(root: string, display: string, dir: string): Promise<Entry[]> {
	const base = join(root, dir);
	let names: string[];
	try {
		names = await readdir(base, { recursive: true });
	} catch {
		return []; // a project may have no personas/ yet
	}
	const paths = names.filter((name) => name.endsWith('.md')).map((name) => name.split(sep).join('/')).sort();
	const entries = await Promise.all(
		paths.map(async (name): Promise<Entry | undefined> => {
			const full = join(base, name);
			// Only files (or links to files): a folder named `x.md`, a dangling link or a pipe is no journey, and reading a pipe would hang.
			const info = await stat(full).catch(() => undefined);
			if (!info?.isFile()) return undefined;
			const file = new VFile({ path: join(display, dir, name) });
			// Never read a huge file into memory just to reject it.
			if (info.size > MAX_FILE_BYTES) {
				file.value = '';
				report(file, 'file-too-large', `Unexpected file larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, split it or remove what does not belong to the map`, FILE_START);
			} else {
				file.value = await readFile(full);
			}
			return { path: posix.join(dir, name), id: name.replace(/\.md$/, ''), file };
		})
	);
	return entries.filter((entry) => entry !== undefined);
}

type Parsed<T> = (T & { file: VFile }) | undefined;

function checkReferences(journeys: Parsed<ParsedJourney & { id: string }>[], journeyEntries: Entry[], personaEntries: Entry[]): void {
	// Ids of every file count as existing, even when the file itself is broken: one error, not a cascade.
	const personaIds = personaEntries.map((entry) => entry.id);
	const journeyIds = journeyEntries.map((entry) => entry.id);
	const knownPersonas = new Set(personaIds);
	const knownJourneys = new Set(journeyIds);
	for (const parsed of journeys) {
		if (!parsed) continue;
		const { id: journeyId, references, file } = parsed;
		// A reference's place is found when first read (it parses the YAML with ranges): only read it to report.
		for (const reference of references.personas) {
			const { id } = reference;
			if (knownPersonas.has(id)) continue;
			const suggestion = didYouMean(id, personaIds);
			report(
				file,
				'unknown-persona',
				`Unexpected \`persona\` \`${id}\`, ${suggestion ? `did you mean \`${suggestion}\`?` : `expected the id of a file under ${PERSONAS_DIR}/ (its path without \`.md\`)`}`,
				reference.place,
				{ expected: suggestion ? [suggestion] : personaIds }
			);
		}
		const baseline = references.baseline;
		if (baseline && (baseline.id === journeyId || !knownJourneys.has(baseline.id))) {
			const suggestion = didYouMean(baseline.id, journeyIds.filter((id) => id !== journeyId));
			const advice =
				baseline.id === journeyId
					? 'a journey cannot be its own baseline'
					: suggestion
						? `did you mean \`${suggestion}\`?`
						: `expected the id of a file under ${JOURNEYS_DIR}/ (its path without \`.md\`)`;
			report(file, 'unknown-baseline', `Unexpected \`baseline\` \`${baseline.id}\`, ${advice}`, baseline.place);
		}
	}
}

function checkPersonas(fileExists: (path: string) => boolean, personas: Parsed<ParsedPersona>[], journeys: Parsed<ParsedJourney>[]): void {
	// Which personas are used is only known when every journey's frontmatter could be read.
	const used = journeys.every(Boolean) ? new Set(journeys.flatMap((parsed) => parsed!.references.personas.map((persona) => persona.id))) : undefined;
	for (const parsed of personas) {
		if (!parsed) continue;
		const { persona, places, avatarAsWritten, file } = parsed;
		if (persona.avatar !== undefined && !fileExists(persona.avatar)) {
			report(file, 'missing-avatar', `Missing avatar file \`${avatarAsWritten}\`, expected an image path relative to this file`, places.avatar);
		}
		if (used && !used.has(persona.id)) {
			report(file, 'unused-persona', `Unexpected persona \`${persona.id}\` that no journey uses, reference it from a journey’s \`persona\` or remove it`, places.name);
		}
	}
}

export type { Journey, Persona };
