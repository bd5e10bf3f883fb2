/**
 * Loads a project (a folder with `journeys/` and `personas/`), parses every file, and checks what
 * only the whole project can tell: that file names can be URLs, personas, baselines, parents and
 * zoomed-in journeys exist (without loops),
 * avatars are safe images in the content folders, and every persona is used. All files are
 * checked in one run; nothing stops at the first bad file.
 */
import { readFileSync, type Stats, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { CONTENT_DIRS_AND, type ContentFiles, diskFiles, JOURNEYS_DIR, PERSONAS_DIR, resolveContentPath } from './content-path.ts';
import { MAX_FILE_BYTES } from './frontmatter.ts';
import { type Image, type Journey, type Persona, type Project, withTouchpoints } from './model.ts';
import { type ParseResult, type ParseTask, parseAll, parseTask, sharedFileReader } from './parallel.ts';
import type { ParseCache } from './parse-cache.ts';
import { imagesOf, type ParsedJourney } from './parse-journey.ts';
import type { ParsedPersona } from './parse-persona.ts';
import { ALLOWED_NAME_CHARACTERS, idOf, nameProblem, visible } from './names.ts';
import { CONFIG_FILE, type Config, readConfig } from './config.ts';
import { checkFreshness, todayIso } from './freshness.ts';
import { checkJourneyLinks } from './journey-links.ts';
import { applyMeasurements, METRICS_DIR, readMetrics } from './metrics.ts';
import { FILE_START } from './place.ts';
import { report } from './rules.ts';
import { suggester } from './suggest.ts';

export { JOURNEYS_DIR, PERSONAS_DIR };

/** What a project is read from: journeys and personas (Markdown), measurements (CSV) and the settings file. */
export type SourceKind = 'journey' | 'persona' | 'metrics' | 'config';

/** Where the sources are, project-relative: the folders and the file `sourceKind` recognises (what a watcher must watch). */
export const SOURCE_PATHS = [JOURNEYS_DIR, PERSONAS_DIR, METRICS_DIR, CONFIG_FILE] as const;

/** Which kind of project source the project-relative `path` (with `/`) is, if any: the files `loadProject` reads. */
export function sourceKind(path: string): SourceKind | undefined {
	if (path === CONFIG_FILE) return 'config';
	const dir = path.slice(0, path.indexOf('/'));
	if (dir === METRICS_DIR) return path.endsWith('.csv') ? 'metrics' : undefined;
	if (!path.endsWith('.md')) return undefined;
	return dir === JOURNEYS_DIR ? 'journey' : dir === PERSONAS_DIR ? 'persona' : undefined;
}

export interface LoadedProject {
	project: Project;
	/** Every file read, with its messages, sorted by path. */
	files: VFile[];
	/** The settings of `cjm.config.yaml`; absent when the project has none (then DEFAULT_CONFIG applies, and no date-dependent check runs). */
	config?: Config;
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
	/** Per-file parse results of earlier runs (see parse-cache.ts); the project-wide checks always run. */
	cache?: ParseCache;
	/** The date `stale-map` measures ages to (`YYYY-MM-DD`); default: today. */
	today?: string;
	/** Last commit date of each file, by project-relative path (from git, outside the core): a map's last review when it has no `reviewed`. */
	lastCommit?: ReadonlyMap<string, string>;
	/**
	 * Reads a journey or persona file, given its absolute path and what `stat` said of it; default:
	 * `readFileSync`, or into shared memory with `parallel` (`sharedFileReader`). A process that
	 * loads the project again and again (the dev server) passes one that keeps the files that did not change.
	 */
	readFile?: (path: string, info: Stats) => Uint8Array;
}

/** Loads and checks the project at `root`. */
export async function loadProject(root: string, options: LoadOptions = {}): Promise<LoadedProject> {
	const display = options.displayRoot ?? root;
	const files = diskFiles(root);
	// With parsing threads, files are read where the threads can read them too.
	const read = options.readFile ?? (options.parallel ? sharedFileReader() : (path: string) => readFileSync(path));
	const [journeys, personas] = await Promise.all([readEntries(root, display, JOURNEYS_DIR, files, read), readEntries(root, display, PERSONAS_DIR, files, read)]);
	const tasks = parseTasks(journeys.entries, personas.entries);
	const [results, settings, metricFiles] = await Promise.all([parseAll(tasks, options), readSettings(root, display), readMetricFiles(root, display)]);
	const freshness = settings && { config: settings.config, today: options.today ?? todayIso(), lastCommit: options.lastCommit };
	const checked = withNotices(checkEntries(journeys.entries, personas.entries, files, resultsByFile(tasks, results), freshness), [...journeys.unfollowed, ...personas.unfollowed], display);
	const loaded = withMetrics(checked, metricFiles, journeys.entries.map((entry) => entry.id));
	const extra = [...(settings ? [settings.file] : []), ...metricFiles];
	if (extra.length === 0) return loaded;
	return { ...loaded, ...(settings ? { config: settings.config } : {}), files: [...loaded.files, ...extra].sort((a, b) => a.path.localeCompare(b.path)) };
}

/** Every `.csv` file under `metrics/`, read as text. */
async function readMetricFiles(root: string, display: string): Promise<VFile[]> {
	// A project without metrics/ has nothing to read.
	const names = await readdir(join(root, METRICS_DIR), { recursive: true }).catch(() => [] as string[]);
	return Promise.all(
		names
			.map((name) => name.split('\\').join('/'))
			.filter((name) => name.endsWith('.csv'))
			.sort()
			.map(async (name) => new VFile({ path: join(display, METRICS_DIR, name), value: await readFile(join(root, METRICS_DIR, name), 'utf8') }))
	);
}

/** Checks the metrics files against the project, and gives its journeys what they measure. */
function withMetrics(loaded: LoadedProject, metricFiles: VFile[], journeyIds: string[]): LoadedProject {
	if (metricFiles.length === 0) return loaded;
	const { project } = loaded;
	const targets = { journeyIds, journeys: project.journeys };
	const journeys = applyMeasurements(project.journeys, metricFiles.flatMap((file) => readMetrics(file, targets)));
	return { ...loaded, project: { ...project, journeys } };
}

/** The project's `cjm.config.yaml`, checked, if it has one. */
async function readSettings(root: string, display: string): Promise<{ file: VFile; config: Config } | undefined> {
	const value = await readFile(join(root, CONFIG_FILE), 'utf8').catch(() => undefined);
	if (value === undefined) return undefined;
	const file = new VFile({ path: join(display, CONFIG_FILE), value });
	return { file, config: readConfig(file) };
}

/** What `stale-map` needs: the settings, the date to measure to, and the files' last commit dates. */
interface Freshness {
	config: Config;
	today: string;
	lastCommit?: ReadonlyMap<string, string>;
}

/** A symbolic link under journeys/ or personas/ that is not followed: it leads to a folder, or outside the content folders (a link elsewhere is never published, whatever its name). */
export interface UnfollowedLink {
	/** Project-relative path of the link. */
	path: string;
	kind: 'folder' | 'outside';
}

/** Adds a file with a warning for each link that was not followed. */
function withNotices(loaded: LoadedProject, links: UnfollowedLink[], displayRoot: string | undefined): LoadedProject {
	const notices = links.map(({ path, kind }) => {
		const file = new VFile({ path: displayRoot ? join(displayRoot, path) : path, value: '' });
		const dir = path.slice(0, path.indexOf('/'));
		const reason =
			kind === 'folder'
				? `Unexpected link to a folder, not followed: move the folder into ${dir}/ or link its files one by one`
				: `Unexpected link that leads outside ${CONTENT_DIRS_AND} (or in a loop), not followed: move what it links to into ${dir}/`;
		report(file, 'unfollowed-link', reason, FILE_START);
		return file;
	});
	return notices.length === 0 ? loaded : { ...loaded, files: [...loaded.files, ...notices].sort((a, b) => a.path.localeCompare(b.path)) };
}

/** A file of a project that is not on disk, such as a version read from git. */
export interface SourceFile {
	/** Path relative to the project root, with `/` separators: `journeys/a.md`. */
	path: string;
	value: Uint8Array | string;
}

/**
 * Checks a project given as files in memory (for example, a git revision). `files` answers for
 * other files, such as avatars, by project-relative path.
 */
export function checkSources(sources: SourceFile[], options: Omit<LoadOptions, 'parallel' | 'cache'> & { files: ContentFiles; unfollowedLinks?: UnfollowedLink[] }): LoadedProject {
	const entries = (dir: string) =>
		sources
			.filter((source) => source.path.startsWith(`${dir}/`) && source.path.endsWith('.md'))
			.sort((a, b) => a.path.localeCompare(b.path))
			.map((source): Entry => ({
				path: source.path,
				id: idOf(source.path.slice(dir.length + 1)),
				file: new VFile({ path: options.displayRoot ? posix.join(options.displayRoot, source.path) : source.path, value: source.value }),
			}));
	const [journeyEntries, personaEntries] = [entries(JOURNEYS_DIR), entries(PERSONAS_DIR)];
	const tasks = parseTasks(journeyEntries, personaEntries);
	const checked = withNotices(checkEntries(journeyEntries, personaEntries, options.files, resultsByFile(tasks, tasks.map(parseTask))), options.unfollowedLinks ?? [], options.displayRoot);
	const metricFiles = sources
		.filter((source) => sourceKind(source.path) === 'metrics')
		.sort((a, b) => a.path.localeCompare(b.path))
		.map((source) => new VFile({ path: options.displayRoot ? posix.join(options.displayRoot, source.path) : source.path, value: new TextDecoder().decode(typeof source.value === 'string' ? new TextEncoder().encode(source.value) : source.value) }));
	const loaded = withMetrics(checked, metricFiles, journeyEntries.map((entry) => entry.id));
	return metricFiles.length === 0 ? loaded : { ...loaded, files: [...loaded.files, ...metricFiles].sort((a, b) => a.path.localeCompare(b.path)) };
}

/** One parse task per file that was read; a file rejected while reading (too large) has nothing to parse. */
function parseTasks(journeyEntries: Entry[], personaEntries: Entry[]): ParseTask[] {
	const task = (kind: ParseTask['kind']) => (entry: Entry) => ({ kind, id: entry.id, path: entry.path, file: entry.file });
	return [...personaEntries.map(task('persona')), ...journeyEntries.map(task('journey'))].filter((t) => t.file.messages.length === 0);
}

const resultsByFile = (tasks: ParseTask[], results: ParseResult[]) => new Map(results.map((result, i) => [tasks[i].file, result]));

/** The project-wide checks, over files already parsed. */
function checkEntries(journeyEntries: Entry[], personaEntries: Entry[], contentFiles: ContentFiles, results: Map<VFile, ParseResult>, freshness?: Freshness): LoadedProject {
	// Assigned, not spread: a cached result reads its model only when it is used (parse-cache.ts),
	// and checking a project whose files did not change needs only their references.
	const withFile = <T extends object>(entry: Entry) => {
		const parsed = results.get(entry.file) as T | undefined;
		return parsed && Object.assign(parsed, { file: entry.file });
	};
	const personas = personaEntries.map((entry) => withFile<ParsedPersona>(entry));
	const journeys = journeyEntries.map((entry) => {
		const parsed = withFile<ParsedJourney>(entry);
		return parsed && Object.assign(parsed, { id: entry.id });
	});
	checkFileNames(journeyEntries);
	checkFileNames(personaEntries);
	checkReferences(journeys, journeyEntries, personaEntries);
	checkJourneyLinks(journeys, journeyEntries.map((entry) => entry.id));
	if (freshness) {
		for (const parsed of journeys) {
			if (!parsed?.journey) continue;
			const { journey, file, references } = parsed;
			checkFreshness(file, journey, { ...freshness, lastCommit: freshness.lastCommit?.get(journey.path), reviewedPlace: references.reviewed?.place });
		}
	}
	checkPersonas(contentFiles, personas, journeys);
	checkImages(contentFiles, journeys);
	const files = [...personaEntries, ...journeyEntries].map((entry) => entry.file).sort((a, b) => a.path.localeCompare(b.path));
	for (const file of files) file.messages.sort(byPlace);
	let listed: Journey[] | undefined;
	return {
		project: {
			// Listed on first use, which reads the cached models (see above), like the lazy parts of a frontmatter.
			get journeys() {
				return (listed ??= journeys.flatMap((parsed) => (parsed?.journey ? [parsed.journey] : [])));
			},
			personas: personas.flatMap((parsed) => (parsed ? [parsed.persona] : [])),
		},
		files,
	};
}

const byPlace = (a: VFileMessage, b: VFileMessage) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/**
 * Reads every `.md` file under `root/dir`, as bytes so encoding problems can be reported. A link
 * counts where it points: links to folders are not followed (a link to `.` would read the same
 * files again and again), nor links that leave the content folders; they are returned instead.
 */
async function readEntries(root: string, display: string, dir: string, files: ContentFiles, read: NonNullable<LoadOptions['readFile']>): Promise<{ entries: Entry[]; unfollowed: UnfollowedLink[] }> {
	const base = join(root, dir);
	const { names, links } = await walk(base);
	const unfollowed: UnfollowedLink[] = [];
	for (const name of links) {
		const path = posix.join(dir, name);
		const { kind } = files.find(path);
		if (kind === 'folder' || kind === 'outside') unfollowed.push({ path, kind });
		else if (kind === 'file' && name.endsWith('.md')) names.push(name);
	}
	// Read one after another, synchronously: for a thousand files of 20 KB that took 20 to 40 ms,
	// against 85 to 155 ms for as many promises (each an open, a stat, a read and a close on
	// libuv's threads, and a buffer of its own).
	const entries = names.sort().map((name): Entry | undefined => {
		const full = join(base, name);
		// Only files (or links to files): a folder named `x.md`, a dangling link or a pipe is no journey, and reading a pipe would hang.
		const info = statOrUndefined(full);
		if (!info?.isFile()) return undefined;
		const file = new VFile({ path: join(display, dir, name) });
		// Never read a huge file into memory just to reject it.
		if (info.size > MAX_FILE_BYTES) {
			file.value = '';
			report(file, 'file-too-large', `Unexpected file larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, split it or remove what does not belong to the map`, FILE_START);
		} else {
			file.value = read(full, info);
		}
		return { path: posix.join(dir, name), id: idOf(name), file };
	});
	return { entries: entries.filter((entry) => entry !== undefined), unfollowed };
}

/** What `stat` says of `path`, or nothing when it cannot say (missing, a dangling link, no permission). */
function statOrUndefined(path: string): Stats | undefined {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

/** Paths relative to `base` (with `/`) of the `.md` entries under it that are not links, and of every link; links are not entered. */
async function walk(base: string): Promise<{ names: string[]; links: string[] }> {
	const names: string[] = [];
	const links: string[] = [];
	const visit = async (folder: string): Promise<void> => {
		// A project may have no personas/ yet; a folder that cannot be read has nothing to check.
		const children = await readdir(join(base, folder), { withFileTypes: true }).catch(() => []);
		await Promise.all(
			children.map(async (child) => {
				const name = folder ? `${folder}/${child.name}` : child.name;
				if (child.isDirectory()) return visit(name);
				if (child.isSymbolicLink()) links.push(name);
				else if (name.endsWith('.md')) names.push(name);
			})
		);
	};
	await visit('');
	return { names, links: links.sort() };
}

/** Ids become URLs: each must be a valid path of URL segments, and unique once Unicode is normalised. */
function checkFileNames(entries: Entry[]): void {
	const first = new Map<string, Entry>();
	for (const entry of entries) {
		const problem = nameProblem(entry.id);
		if (problem) {
			report(
				entry.file,
				'invalid-file-name',
				`Unexpected ${problem.character} in the file name \`${visible(entry.path)}\`, expected names of ${ALLOWED_NAME_CHARACTERS}: the id is part of URLs, rename the file or folder`,
				FILE_START
			);
		}
		const earlier = first.get(entry.id);
		if (earlier) {
			report(
				entry.file,
				'duplicate-file-name',
				`Unexpected file \`${visible(entry.path)}\` whose name differs from \`${visible(earlier.path)}\` only in Unicode normalisation (both have the id \`${visible(entry.id)}\`), remove or rename one of them`,
				FILE_START
			);
		} else first.set(entry.id, entry);
	}
}

type Parsed<T> = (T & { file: VFile }) | undefined;

function checkReferences(journeys: Parsed<ParsedJourney & { id: string }>[], journeyEntries: Entry[], personaEntries: Entry[]): void {
	// Ids of every file count as existing, even when the file itself is broken: one error, not a cascade.
	const personaIds = personaEntries.map((entry) => entry.id);
	const journeyIds = journeyEntries.map((entry) => entry.id);
	const knownPersonas = new Set(personaIds);
	const knownJourneys = new Set(journeyIds);
	const personaTypos = suggester(personaIds);
	const journeyTypos = suggester(journeyIds);
	for (const parsed of journeys) {
		if (!parsed) continue;
		const { id: journeyId, references, file } = parsed;
		// A reference's place is found when first read (it parses the YAML with ranges): only read it to report.
		for (const reference of references.personas) {
			const { id } = reference;
			if (knownPersonas.has(id)) continue;
			const suggestion = personaTypos.closest(id);
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
			const suggestion = journeyTypos.closest(baseline.id, journeyId);
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

function checkPersonas(contentFiles: ContentFiles, personas: Parsed<ParsedPersona>[], journeys: Parsed<ParsedJourney>[]): void {
	// Which personas are used is only known when every journey's frontmatter could be read.
	const used = journeys.every(Boolean) ? new Set(journeys.flatMap((parsed) => parsed!.references.personas.map((persona) => persona.id))) : undefined;
	for (const parsed of personas) {
		if (!parsed) continue;
		const { persona, places, avatarAsWritten, file } = parsed;
		if (avatarAsWritten !== undefined) {
			const resolved = resolveContentPath(contentFiles, { from: persona.path, written: avatarAsWritten, key: 'avatar', missing: 'missing-avatar' });
			// The model keeps only an avatar that passed: whatever the site copies was checked here.
			persona.avatar = resolved.ok ? resolved.path : undefined;
			if (!resolved.ok) report(file, resolved.rule, resolved.reason, places.avatar);
		}
		if (used && !used.has(persona.id)) {
			report(file, 'unused-persona', `Unexpected persona \`${persona.id}\` that no journey uses, reference it from a journey’s \`persona\` or remove it`, places.name);
		}
	}
}

/**
 * Touchpoint images, through the same resolver as avatars: the model keeps only those that passed,
 * each with its project-relative path. A new model, not the parsed one changed: that may be shared
 * with other loads (parse-cache.ts).
 */
function checkImages(contentFiles: ContentFiles, journeys: Parsed<ParsedJourney>[]): void {
	for (const parsed of journeys) {
		// A journey without images is left unread (see checkEntries).
		if (!parsed?.references.images?.length || !parsed.journey) continue;
		const { journey, references, file } = parsed;
		/** Each image's project-relative path, or undefined when it failed. */
		const paths = new Map<Image, string | undefined>();
		imagesOf(journey).forEach(({ image }, i) => {
			const reference = references.images![i];
			const resolved = resolveContentPath(contentFiles, { from: journey.path, written: reference.id, key: 'image', missing: 'missing-image' });
			paths.set(image, resolved.ok ? resolved.path : undefined);
			if (!resolved.ok) report(file, resolved.rule, resolved.reason, reference.place);
		});
		parsed.journey = withTouchpoints(journey, (touchpoint) => {
			if (!touchpoint.image) return touchpoint;
			const image = touchpoint.image.flatMap((image) => {
				const src = paths.get(image);
				return src === undefined ? [] : [src === image.src ? image : { ...image, src }];
			});
			return image.every((kept, i) => kept === touchpoint.image![i]) && image.length === touchpoint.image.length ? touchpoint : { ...touchpoint, image };
		});
	}
}

export type { Journey, Persona };
