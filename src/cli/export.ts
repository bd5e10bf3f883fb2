/**
 * `cjm export <journey> --format <f>` and `cjm export --all --format <f>`: a journey, or the whole
 * project, as a file for people outside the repository. Text goes to standard output unless `-o`
 * names a file; bytes (pictures, documents) always go to a file, by default named after the
 * journey in the working directory. An export never writes where people write the project
 * (`authoredPlace`), so it can never replace a file someone wrote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { loadProject } from '../core/index.ts';
import { type Encoded, EXPORT_FORMATS, ExportError, type ExportFormat, exportJourney, exportProject, type Paper } from '../export/index.ts';
import { format } from '../report/index.ts';
import type { Io } from './main.ts';
import { journeyArg } from './journey-arg.ts';
import { authoredPlace } from './paths.ts';
import { resolveTargets, UsageError } from './targets.ts';

export interface ExportOptions {
	format: ExportFormat;
	output?: string;
	paper?: Paper;
	all: boolean;
}

export async function exportCommand(journey: string | undefined, options: ExportOptions, io: Io): Promise<0 | 1> {
	const info = EXPORT_FORMATS[options.format];
	let encoded: Encoded;
	let root: string;
	let name: string;
	if (options.all) {
		if (journey) throw new UsageError('give a journey or --all, not both');
		const [target] = resolveTargets(['.'], io.cwd);
		root = resolve(io.cwd, target.root);
		const { project, files } = await loadProject(root, { displayRoot: target.root });
		if (files.some((file) => file.messages.some((message) => message.fatal))) {
			io.stderr(format(files, 'stylish'));
			return 1;
		}
		encoded = await encode(() => exportProject(options.format, project));
		name = 'journeys';
	} else {
		if (!journey) throw new UsageError('which journey? give its file or id, or --all for the whole project');
		const found = await journeyArg(journey, io.cwd);
		if ('problems' in found) {
			io.stderr(found.problems);
			return 1;
		}
		encoded = await encode(() => exportJourney(options.format, found.journey, found.project, { paper: options.paper }));
		root = found.root;
		name = basename(found.journey.id);
	}

	if (!options.output && !info.binary) {
		io.stdout(encoded as string);
		return 0;
	}
	const file = resolve(io.cwd, options.output ?? `${name}.${info.extension}`);
	refuseContentFolders(file, root);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, encoded);
	io.stderr(`Wrote ${relative(io.cwd, file) || file}\n`);
	return 0;
}

/** An encoder's refusal (a map too large for the format, say) is the user's to fix: a message, not a crash. */
async function encode(run: () => Promise<Encoded>): Promise<Encoded> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof ExportError) throw new UsageError(error.message);
		throw error;
	}
}

function refuseContentFolders(file: string, root: string) {
	const place = authoredPlace(file, root);
	if (place) throw new UsageError(`will not write ${relative(process.cwd(), file)}: ${place} holds content people write; choose another place with -o`);
}
