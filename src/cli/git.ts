/**
 * Reading a project as it was at a git revision: one `ls-tree` and one `cat-file --batch` for
 * all files, rather than a process per file.
 */
import { execFileSync } from 'node:child_process';
import { posix, relative } from 'node:path';
import { CONTENT_DIRS, checkSources, JOURNEYS_DIR, type LoadedProject, METRICS_DIR, PERSONAS_DIR, type SourceFile, sourceKind, type TreeEntry, treeFiles } from '../core/index.ts';
import { UsageError } from './targets.ts';

function git(args: string[], cwd: string, input?: Buffer | string): Buffer {
	try {
		return execFileSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
	} catch (error) {
		const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
		throw new UsageError(`git ${args[0]} failed${stderr ? `: ${stderr.split('\n')[0]}` : ''}`);
	}
}

/** Checks that `cwd` is inside a git repository and git can be run, with a message that says so. */
export function verifyRepository(cwd: string): void {
	try {
		execFileSync('git', ['rev-parse', '--git-dir'], { cwd, stdio: 'ignore' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('Cannot run `git`; `cjm diff` reads the versions to compare through git, install it or put it on PATH');
		throw new UsageError('Not inside a git repository; `cjm diff` compares git revisions of a project (to check files outside git, use `cjm validate`)');
	}
}

/** The repository path of `root`, relative to the top of the repository ('' at the top). */
export function repoPrefix(root: string): string {
	const top = git(['rev-parse', '--show-toplevel'], root).toString().trim();
	return relative(top, root).split('\\').join('/');
}

/** Checks that `ref` names a commit, with a message that says what to pass instead. */
export function verifyRef(ref: string, cwd: string): void {
	try {
		execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
	} catch {
		throw new UsageError(`Unknown git revision \`${ref}\`; pass a branch, tag or commit (on CI, fetch it first: \`git fetch origin ${ref.replace(/^origin\//, '')}\`)`);
	}
}

/**
 * The revision to compare with by default: where the current branch left the default branch
 * (`origin/HEAD`, else main or master, local or remote).
 */
export function defaultBase(cwd: string): string {
	const candidates: string[] = [];
	try {
		candidates.push(execFileSync('git', ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
	} catch {
		// no remote HEAD: try the usual names
	}
	candidates.push('origin/main', 'origin/master', 'main', 'master');
	for (const candidate of candidates) {
		try {
			return execFileSync('git', ['merge-base', 'HEAD', candidate], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		} catch {
			// not this one
		}
	}
	throw new UsageError('Cannot find the default branch to compare with; pass the base revision, e.g. `cjm diff origin/main`');
}

/** Loads and checks the project at `root` as it was at `ref`. */
export function projectAt(ref: string, root: string, displayRoot: string): LoadedProject {
	verifyRef(ref, root);
	const prefix = repoPrefix(root);
	const inRepo = (path: string) => (prefix ? posix.join(prefix, path) : path);
	// --full-tree: without it ls-tree takes paths relative to the working directory, not to the top.
	// Each entry is `<mode> <type> <object>\t<path>`; mode 120000 is a symbolic link, whose blob is its target.
	const listing = git(['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...[...CONTENT_DIRS, METRICS_DIR].map(inRepo)], root)
		.toString()
		.split('\0')
		.filter(Boolean)
		.map((line) => {
			const [info, path] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
			return { link: info.startsWith('120000 '), path: prefix ? path.slice(prefix.length + 1) : path };
		});
	const tree = new Map(
		listing.map(({ link, path }): [string, TreeEntry] => {
			let bytes: Uint8Array | undefined;
			return [path, { link, read: () => (bytes ??= git(['cat-file', 'blob', `${ref}:${inRepo(path)}`], root)) }];
		})
	);
	const files = treeFiles(tree);
	const inFolders = listing.filter(({ path }) => path.startsWith(`${JOURNEYS_DIR}/`) || path.startsWith(`${PERSONAS_DIR}/`));
	// Journeys, personas and measured KPIs (so the diff reports what changed in them too).
	const read = listing.filter(({ link, path }) => !link && sourceKind(path) !== undefined).map(({ path }) => path);
	const sources = readBlobs(ref, read.map(inRepo), root).map((value, i): SourceFile => ({ path: read[i], value }));
	// Links to Markdown files are read where they point, as on disk; links to folders are reported, not followed.
	const links = inFolders.filter(({ link }) => link).map(({ path }) => ({ path, found: files.find(path) }));
	for (const { path, found } of links) if (found.kind === 'file' && path.endsWith('.md')) sources.push({ path, value: found.read(Number.MAX_SAFE_INTEGER) });
	const unfollowedLinks = links.flatMap(({ path, found: { kind } }) => (kind === 'folder' || kind === 'outside' ? [{ path, kind }] : []));
	return checkSources(sources, { displayRoot: displayRoot === '.' ? undefined : displayRoot, files, unfollowedLinks });
}

/** Contents of `paths` at `ref`, in order, from one `git cat-file --batch`. */
function readBlobs(ref: string, paths: string[], cwd: string): Uint8Array[] {
	if (paths.length === 0) return [];
	const output = git(['cat-file', '--batch'], cwd, paths.map((path) => `${ref}:${path}\n`).join(''));
	const blobs: Uint8Array[] = [];
	let offset = 0;
	for (const path of paths) {
		const newline = output.indexOf(0x0a, offset);
		const header = output.subarray(offset, newline).toString();
		const size = Number(header.split(' ')[2]);
		if (!header.includes(' blob ') || Number.isNaN(size)) throw new UsageError(`Cannot read \`${path}\` at \`${ref}\` from git`);
		blobs.push(output.subarray(newline + 1, newline + 1 + size));
		offset = newline + 1 + size + 1;
	}
	return blobs;
}
