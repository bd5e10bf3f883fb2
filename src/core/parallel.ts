/**
 * Parsing files on several threads. Parsing is almost all of validation's time (mostly `yaml`
 * itself), and files are independent until the project-wide checks, so large projects spread
 * them over worker threads; the main thread parses a share too. Results cross threads as plain
 * data: the parsed model, the messages, and the references with the paths where they are written;
 * their places are found on this thread, from the file's text, only when one is reported.
 */
import { readFileSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { readInto } from './content-path.ts';
import { type Frontmatter, readFrontmatter } from './frontmatter.ts';
import { cacheKey, decodeResult, type ParseCache } from './parse-cache.ts';
import { type JourneyReferences, type ParsedJourney, parseJourney } from './parse-journey.ts';
import { type ParsedPersona, parsePersona } from './parse-persona.ts';
import { FILE_START, type Place } from './place.ts';
import { startThread } from './thread.ts';
import { type Path, pathOf, placeOf, withPlace } from './yaml-path.ts';

/** Below this many files, starting workers (each loads the parser) costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/**
 * The young generation of a parsing thread's heap, in MB: two semi-spaces of 16 MB and the space
 * beside them. V8 sizes them by the machine's memory, 64 MB each here: parsing allocates models
 * that mostly die young, and with the smaller space `cjm validate` of 1000 journeys took about 9 %
 * less time (fewer page faults). The site's rendering threads showed no such gain.
 */
const PARSE_YOUNG_GENERATION_MB = 48;

export interface ParseTask {
	kind: 'journey' | 'persona';
	id: string;
	/** Project-relative path. */
	path: string;
	file: VFile;
}

export type ParseResult = ParsedJourney | ParsedPersona | undefined;

/** What a worker receives for one file, and what it sends back. */
export interface WireTask {
	kind: ParseTask['kind'];
	id: string;
	path: string;
	filePath: string;
	value: Uint8Array | string;
}
export interface WireResult {
	parsed: WireParsed;
	messages: WireMessage[];
}
/** A result with its references' places left out: sending them would find them all. */
type WireParsed = ParsedPersona | (Omit<ParsedJourney, 'references'> & { references: WireReferences }) | undefined;
interface WireReference {
	id: string;
	path: Path;
}
/** The references with each place swapped for its path: a new kind of reference needs no code here. */
type WireReferences = { [K in keyof JourneyReferences]: JourneyReferences[K] extends Array<unknown> | undefined ? WireReference[] : WireReference };
interface WireMessage {
	reason: string;
	place: VFileMessage['place'];
	ruleId?: string;
	fatal?: boolean | null;
	note?: string;
	expected?: string[];
	actual?: string;
	cause?: { reason: string; place: VFileMessage['place'] };
}

export function parseTask(task: ParseTask): ParseResult {
	return task.kind === 'journey' ? parseJourney(task.file, task.id, task.path) : parsePersona(task.file, task.id, task.path);
}

/** Runs in a worker: parse one file and describe the outcome as plain data. */
export function parseWire(task: WireTask, makeFile: (path: string, value: WireTask['value']) => VFile): WireResult {
	const file = makeFile(task.filePath, task.value);
	return toWireResult(file, parseTask({ kind: task.kind, id: task.id, path: task.path, file }));
}

/** A parse result and the messages parsing left on `file`, as plain data. */
function toWireResult(file: VFile, parsed: ParseResult): WireResult {
	const messages = file.messages.map((m): WireMessage => {
		const cause = m.cause instanceof VFileMessage ? { reason: m.cause.reason, place: m.cause.place } : undefined;
		return { reason: m.reason, place: m.place, ruleId: m.ruleId, fatal: m.fatal, note: m.note, expected: m.expected, actual: m.actual, cause };
	});
	return { parsed: parsed && 'references' in parsed ? { ...parsed, references: toWireReferences(parsed.references) } : parsed, messages };
}

/** `references` with `convert` applied to each reference, alone or in a list; absent kinds stay absent. */
function convertReferences<From, To>(references: Record<string, From | From[] | undefined>, convert: (reference: From) => To): Record<string, To | To[]> {
	return Object.fromEntries(Object.entries(references).flatMap(([kind, value]) => (value === undefined ? [] : [[kind, Array.isArray(value) ? value.map(convert) : convert(value)]])));
}

function toWireReferences(references: JourneyReferences): WireReferences {
	return convertReferences(references as unknown as Record<string, { id: string } | Array<{ id: string }>>, (reference): WireReference => ({ id: reference.id, path: pathOf(reference) })) as unknown as WireReferences;
}

/** References placed in `file` on this thread, reading its frontmatter again if one is ever placed. */
function fromWireReferences(file: VFile, references: WireReferences): JourneyReferences {
	let frontmatter: Frontmatter | undefined;
	const at = (path: Path): Place => {
		frontmatter ??= readFrontmatter(new VFile({ path: file.path, value: file.value }));
		return frontmatter ? placeOf(frontmatter, path) : FILE_START;
	};
	return convertReferences(references as unknown as Record<string, WireReference | WireReference[]>, (reference) => withPlace({ id: reference.id }, reference.path, at)) as unknown as JourneyReferences;
}

export interface ParseOptions {
	/** Parse on worker threads when there are enough files and cores. */
	parallel?: boolean;
	/** Where results of earlier runs are found, and this run's are kept. */
	cache?: ParseCache;
}

/**
 * Parses every task, or takes its result from the cache; results in task order. A file over the
 * YAML limits is never kept: where `yaml` runs out of stack depends on the caller, not the file.
 */
export async function parseAll(tasks: ParseTask[], options: ParseOptions = {}): Promise<ParseResult[]> {
	const { cache } = options;
	if (!cache) return parseFresh(tasks, options);
	const keys = tasks.map(cacheKey);
	const results = new Array<ParseResult>(tasks.length);
	const missing: number[] = [];
	tasks.forEach((task, i) => {
		const hit = cache.get(keys[i], () => {
			const file = new VFile({ path: task.file.path, value: task.file.value });
			return toWireResult(file, parseTask({ ...task, file }));
		});
		if (hit) results[i] = fromWire(task.file, hit);
		else missing.push(i);
	});
	const keep = (k: number, wire: WireResult, encoded?: string) => {
		if (!wire.messages.some((m) => m.ruleId === 'yaml-limits')) cache.set(keys[missing[k]], wire, encoded);
	};
	const fresh = await parseFresh(
		missing.map((i) => tasks[i]),
		{ ...options, keep }
	);
	missing.forEach((i, k) => (results[i] = fresh[k]));
	return results;
}

/** Parses every task, on worker threads when there are enough files and cores; `keep` receives each result as plain data. */
async function parseFresh(tasks: ParseTask[], options: { parallel?: boolean; keep?: (index: number, wire: WireResult, encoded?: string) => void }): Promise<ParseResult[]> {
	const { keep } = options;
	const parseHere = (task: ParseTask, i: number): ParseResult => {
		const parsed = parseTask(task);
		keep?.(i, toWireResult(task.file, parsed));
		return parsed;
	};
	const threads = Math.min(availableParallelism(), 8);
	if (!options.parallel || tasks.length < PARALLEL_THRESHOLD || threads < 2) return tasks.map(parseHere);

	// Every thread takes the next unparsed file from one shared counter until none is left: a
	// worker starts late (it loads the parser first), so fixed shares would leave this thread waiting.
	const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
	const wire = withSharedBytes(tasks.map(toWire));
	const results = new Array<ParseResult>(tasks.length);
	const workers = Array.from({ length: threads - 1 }, () =>
		runWorker({ tasks: wire, next }).then((done) =>
			done.forEach(([i, encoded]) => {
				const result = decodeResult(encoded)!;
				keep?.(i, result, encoded);
				results[i] = fromWire(tasks[i].file, result);
			})
		)
	);
	for (let i = Atomics.add(next, 0, 1); i < tasks.length; i = Atomics.add(next, 0, 1)) results[i] = parseHere(tasks[i], i);
	await Promise.all(workers);
	return results;
}

/** Whether `value` is bytes outside the memory the threads share (posted as they are, they would be copied). */
const unshared = (value: WireTask['value']): value is Uint8Array => typeof value !== 'string' && !(value.buffer instanceof SharedArrayBuffer);

/**
 * The tasks with their files' bytes in memory that the threads share, copied there unless they
 * were read there (`sharedFileReader`): posted as they are, a thousand buffers were each copied for
 * the worker, 0.17 to 0.3 s of this thread before it parsed anything at 1000 journeys. Posting
 * views of shared memory takes a few milliseconds.
 */
function withSharedBytes(tasks: WireTask[]): WireTask[] {
	const size = tasks.reduce((sum, task) => sum + (unshared(task.value) ? task.value.byteLength : 0), 0);
	if (size === 0) return tasks;
	const shared = new Uint8Array(new SharedArrayBuffer(size));
	let offset = 0;
	return tasks.map((task) => {
		if (!unshared(task.value)) return task;
		const value = shared.subarray(offset, offset + task.value.byteLength);
		value.set(task.value);
		offset += task.value.byteLength;
		return { ...task, value };
	});
}

/** The size of the blocks of shared memory `sharedFileReader` reads files into. */
const SHARED_BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Reads each file into a block of shared memory, where parsing threads read it in place. Read into
 * buffers of their own and copied there, a thousand files of 20 KB took this thread about 0.1 s
 * more, most of it the kernel providing the second 20 MB (`cjm validate` of 1000 journeys: 2.35
 * against 2.42 s and 2.38 against 2.44 s, medians of eleven runs taking turns). It asks for one
 * byte more than `stat` said: a file that grew since is read again, whole, into a buffer of its own.
 */
export function sharedFileReader(): (path: string, info: Stats) => Uint8Array {
	let block = new Uint8Array(new SharedArrayBuffer(0));
	let used = 0;
	return (path, info) => {
		const room = info.size + 1;
		if (block.length - used < room) {
			block = new Uint8Array(new SharedArrayBuffer(Math.max(SHARED_BLOCK_BYTES, room)));
			used = 0;
		}
		const read = readInto(path, block.subarray(used, used + room));
		if (read > info.size) return readFileSync(path);
		const bytes = block.subarray(used, used + read);
		used += read;
		return bytes;
	};
}

function toWire(task: ParseTask): WireTask {
	return { kind: task.kind, id: task.id, path: task.path, filePath: task.file.path, value: task.file.value };
}

function fromWire(file: VFile, wire: WireResult): ParseResult {
	for (const m of wire.messages) {
		const cause = m.cause ? new VFileMessage(m.cause.reason, { place: m.cause.place, source: 'cjm' }) : undefined;
		const message = file.message(m.reason, { place: m.place, ruleId: m.ruleId, source: 'cjm', cause });
		message.fatal = m.fatal;
		if (m.note) message.note = m.note;
		if (m.expected) message.expected = m.expected;
		if (m.actual) message.actual = m.actual;
	}
	const parsed = wire.parsed;
	// Assigned, not spread: a cached result reads its model only when it is used (parse-cache.ts).
	return parsed && 'references' in parsed ? Object.assign(parsed, { references: fromWireReferences(file, parsed.references) }) : parsed;
}

/** What a worker receives: every file, and the counter from which each thread takes the next one to parse. */
export interface WireBatch {
	tasks: WireTask[];
	next: Int32Array;
}

/**
 * What a worker sends back: the results of the files it took, by index, each as `encodeResult`
 * writes it. Text crosses threads as one copy, where a model would be cloned object by object,
 * and a model is parsed here only when something reads it (`cjm validate` mostly does not).
 */
export type WireDone = Array<[index: number, result: string]>;

/** One of a worker's messages: some of its results; the last message says so. */
export interface WireResults {
	results: WireDone;
	last?: boolean;
}

/**
 * How many results a worker sends in one message. Sent as they come, they cross while this thread
 * still parses its own share; sent all at once, after the last file, this thread then waited 130 to
 * 160 ms for them at 1000 journeys (11 MB of text written out by the worker, then read here), 25 to
 * 50 ms with messages of sixteen. `cjm validate` of 1000 journeys: 2.39 against 2.45 s, and 2.36
 * against 2.48 s in another run (medians of eleven runs taking turns).
 */
export const RESULTS_PER_MESSAGE = 16;

function runWorker(batch: WireBatch): Promise<WireDone> {
	return new Promise((resolve, reject) => {
		const worker = startThread(new URL('./parse-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: PARSE_YOUNG_GENERATION_MB } });
		const done: WireDone = [];
		worker.on('message', ({ results, last }: WireResults) => {
			done.push(...results);
			if (!last) return;
			resolve(done);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.postMessage(batch);
	});
}
