/**
 * The `cjm` command line: a thin shell over the core. Exit codes: 0 clean (or warnings only),
 * 1 problems found, 2 usage or internal error. No stack traces unless CJM_DEBUG is set.
 * Commands load their modules on use, so `cjm validate` never pays for the renderers or Astro.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DOWNLOADS, DEFAULT_PAPER, EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat, NO_DOWNLOADS, PAPER_IDS, type Paper, SITE_EXPORTS, siteDownloads } from '../export/index.ts';
import { FORMATS, type Format } from '../report/index.ts';
import { type Template, TEMPLATES } from './new-templates.ts';
import { UsageError } from './targets.ts';
import { type View, VIEWS } from './views.ts';

export interface Io {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	cwd: string;
	color: boolean;
	/** Whether a person can answer questions: stdin and stdout are a terminal (never in CI). */
	interactive: boolean;
}

/** `--downloads`: checked here, so a wrong name stops before Astro starts; passed on as given. */
function downloadsArgument(value: string): string {
	try {
		siteDownloads(value);
	} catch (error) {
		throw new InvalidArgumentError((error as Error).message);
	}
	return value;
}

const defaultIo = (): Io => ({
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	cwd: process.cwd(),
	color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
	interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI,
});

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
	let exitCode = 0;
	const program = new Command('cjm')
		.description('Customer journey maps as code: validate, render and publish journeys written in Markdown.')
		.exitOverride()
		.configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
		.showHelpAfterError('(run `cjm --help` for usage)');

	program
		.command('validate')
		.description('Check journeys and personas; paths default to the current folder.')
		.argument('[paths...]', 'project folders, or files and folders inside journeys/ or personas/')
		.addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
		.option('--strict', 'fail on warnings too', false)
		.option('--cache', 'reuse the results of files unchanged since the last run with --cache', false)
		.option('--cache-location <folder>', 'where --cache keeps its results (default: node_modules/.cache/cjm)')
		.action(async (paths: string[], options: { format: Format; strict: boolean; cache: boolean; cacheLocation?: string }) => {
			const { validate } = await import('./validate.ts');
			const result = await validate(paths, { ...options, color: io.color && options.format === 'stylish' }, io.cwd);
			io.stdout(result.output);
			exitCode = result.exitCode;
		});

	program
		.command('build')
		.description('Validate the content, then build the site (into dist/).')
		.argument('[folder]', 'folder with journeys/ and personas/', '.')
		.addOption(new Option('-f, --format <format>', 'format of validation messages').choices(FORMATS).default('stylish'))
		.option('--strict', 'do not build when there are warnings', false)
		.option('-o, --out-dir <folder>', 'where to write the site (default: dist/ next to astro.config.mjs)')
		.option('--cache', 'validate with the results of files unchanged since the last run with --cache, and reuse the pages whose data is unchanged from the last build, left in place when the last build into the folder used --cache (an incremental build)', false)
		.option('--cache-location <folder>', 'where --cache keeps its results and the site build its caches (default: node_modules/.cache/cjm)')
		.option('--downloads <formats>', `the exports each journey page offers, comma-separated, of ${SITE_EXPORTS.join(',')} (default: ${DEFAULT_DOWNLOADS.join(',')}), or ${NO_DOWNLOADS}: each is a file per journey to build`, downloadsArgument)
		.action(async (folder: string, options: { format: Format; strict: boolean; outDir?: string; cache: boolean; cacheLocation?: string; downloads?: string }) => {
			const { build } = await import('./build.ts');
			exitCode = await build(folder, { ...options, color: io.color && options.format === 'stylish' }, io);
		});

	program
		.command('diff')
		.description('Show what a change does to journeys and personas: base defaults to the merge base with the default branch, head to the working tree.')
		.argument('[base]', 'git revision to compare from')
		.argument('[head]', 'git revision to compare to (default: the files on disk)')
		.addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
		.action(async (base: string | undefined, head: string | undefined, options: { format: 'text' | 'json' | 'markdown' }) => {
			const { diff } = await import('./diff.ts');
			io.stdout(await diff(base, head, options.format, io.cwd));
		});

	program
		.command('render')
		.description('Print one view of a journey: the page (html), emotion chart (svg), table (md) or flow (mermaid).')
		.argument('<journey>', 'journey file (journeys/….md) or id (its path under journeys/ without .md)')
		.addOption(new Option('-f, --format <view>', 'which view').choices(VIEWS).default('html'))
		.action(async (journey: string, options: { format: View }) => {
			const { render } = await import('./render.ts');
			const result = await render(journey, options.format, io.cwd);
			if (result.problems) io.stderr(result.problems);
			io.stdout(result.output);
			exitCode = result.exitCode;
		});

	program
		.command('export')
		.description('Write a journey (or, with --all, every journey) as a file for people outside the repository.')
		.argument('[journey]', 'journey file (journeys/….md) or id (its path under journeys/ without .md)')
		.addOption(new Option('-f, --format <format>', 'file format').choices(EXPORT_FORMAT_IDS).makeOptionMandatory())
		.option('-o, --output <file>', 'where to write (default: text to standard output, files to <journey>.<extension> here)')
		.addOption(new Option('--paper <size>', 'page size of page formats').choices(PAPER_IDS).default(DEFAULT_PAPER))
		.option('--all', 'every journey of the project in one file', false)
		.addHelpText('after', `\nFormats:\n${EXPORT_FORMAT_IDS.map((id) => `  ${id.padEnd(16)} ${EXPORT_FORMATS[id].description}`).join('\n')}\n`)
		.action(async (journey: string | undefined, options: { format: ExportFormat; output?: string; paper: Paper; all: boolean }) => {
			const { exportCommand } = await import('./export.ts');
			exitCode = await exportCommand(journey, options, io);
		});

	const create = program
		.command('new')
		.description('Start a journey from a template, a future state from a current one, or a persona; asks when run alone in a terminal.')
		.action(async () => {
			if (!io.interactive) {
				io.stderr(`cjm: new needs to know what to create: a journey or a persona\n\n${create.helpInformation()}`);
				exitCode = 2;
				return;
			}
			const { ask } = await import('./new-ask.ts');
			exitCode = await ask(undefined, io);
		});
	create
		.command('journey')
		.description('Write a new journey file that validates, with comments saying what to fill in.')
		.argument('[path]', 'journeys/….md, or an id (its path under journeys/ without .md); asked for in a terminal when left out')
		.option('-p, --persona <id>', 'a persona of the journey (repeat for several; b2b needs two)', (id: string, ids: string[]) => [...ids, id], [] as string[])
		.addOption(new Option('-t, --template <name>', 'what kind of map (default: current)').choices(TEMPLATES))
		.option('--from <journey>', 'a future-state copy of this current-state journey (id or path), with every id kept')
		.action(async (path: string | undefined, options: { persona: string[]; template?: Template; from?: string }) => {
			if (path === undefined) {
				if (!io.interactive) throw new UsageError(`new journey needs a path, such as journeys/checkout.md\n\n${create.commands[0].helpInformation()}`);
				const { ask } = await import('./new-ask.ts');
				exitCode = await ask('journey', io);
				return;
			}
			const { newJourney, run } = await import('./new.ts');
			exitCode = await run(io, () => newJourney(path, options, io.cwd));
		});
	create
		.command('persona')
		.description('Write a new persona file with comments saying what to fill in.')
		.argument('<id>', 'personas/….md, or an id (its path under personas/ without .md)')
		.option('-n, --name <name>', 'the persona’s name (default: from the id)')
		.action(async (id: string, options: { name?: string }) => {
			const { newPersona, run } = await import('./new.ts');
			exitCode = await run(io, () => newPersona(id, options, io.cwd));
		});

	program
		.command('import')
		.description('Write a journey file from a spreadsheet (.xlsx, .csv, .tsv) or a Mermaid journey (alone or in a Markdown page).')
		.argument('<file>', 'the spreadsheet or Mermaid file')
		.option('-o, --output <path>', 'journey file to write (default: journeys/<slug of the title or file name>.md)')
		.option('--persona <id>', 'every touchpoint belongs to this existing persona (default: a persona file per actor, or one for the map)')
		.action(async (file: string, options: { output?: string; persona?: string }) => {
			const { importCommand } = await import('./import.ts');
			exitCode = await importCommand(file, options, io);
		});

	try {
		await program.parseAsync(argv, { from: 'user' });
		return exitCode;
	} catch (error) {
		if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
		if (error instanceof UsageError) {
			io.stderr(`cjm: ${error.message}\n`);
			return 2;
		}
		io.stderr(`cjm: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
		io.stderr('This is a bug in cjm, not in your files; please report it with the file that triggers it.\n');
		if (process.env.CJM_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
		return 2;
	}
}
