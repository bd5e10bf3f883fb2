/**
 * What git knows about the content's history, read for the CLI (`cjm validate`: a map's last
 * commit stands in for a missing `reviewed` date) and the site (dates on pages): the core takes
 * the dates as plain data and never runs git itself. Each answer costs one git process for the
 * whole project (`git log`) or one per file (`git blame`), never one per touchpoint.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Last commit date (YYYY-MM-DD) of every file under the given folders, by path relative to `root`, from one `git log` call. */
export function lastCommitDates(root: string, folders: string[]): Map<string, string> {
	const dates = new Map<string, string>();
	let log: string;
	try {
		log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', ...folders], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 256 * 1024 * 1024,
		});
	} catch {
		return dates; // not a git checkout: dates come from frontmatter only
	}
	// The log is newest first, so the first date seen for a path is its last change.
	const prefix = execFileSync('git', ['rev-parse', '--show-prefix'], { cwd: root, encoding: 'utf8' }).trim();
	for (const commit of log.split('\0').slice(1)) {
		const [date, ...paths] = commit.trim().split('\n');
		for (const path of paths) {
			const relative = path.startsWith(prefix) ? path.slice(prefix.length) : path;
			if (path && !dates.has(relative)) dates.set(relative, date.slice(0, 10));
		}
	}
	return dates;
}

/** What of the repository moves when its commits do: HEAD, the index, and HEAD's log (a commit, a checkout, a merge, a reset). */
const MOVING = ['HEAD', 'index', 'logs/HEAD'];

/**
 * `lastCommitDates` for a process that asks again and again, the dev server on every save: git
 * runs again only once the repository has moved (`MOVING`). Starting git from a process as large
 * as the dev server took 50 to 90 ms of every save at 1000 journeys. A folder that is not a
 * checkout when first asked has no dates until the process starts again.
 */
export function lastCommitDatesWhenMoved(root: string, folders: string[]): () => Map<string, string> {
	let gitDir: string | undefined;
	let last: { state: string; dates: Map<string, string> } | undefined;
	const state = (dir: string) =>
		MOVING.map((name) => {
			const info = statSync(join(dir, name), { throwIfNoEntry: false });
			return info ? `${info.size}:${info.mtimeMs}` : '-';
		}).join(' ');
	return () => {
		if (last && gitDir === undefined) return last.dates;
		if (!last) {
			try {
				gitDir = execFileSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
			} catch {
				gitDir = undefined; // not a checkout
			}
		}
		const now = gitDir === undefined ? '' : state(gitDir);
		if (last?.state !== now) last = { state: now, dates: lastCommitDates(root, folders) };
		return last.dates;
	};
}

/**
 * The commit date (YYYY-MM-DD) of each line of `path` (relative to `root`), 1-based: index 0 is
 * unused. Empty when git cannot tell (not committed, not a checkout). Lines changed but not
 * committed have no date.
 */
export function lineDates(root: string, path: string): Array<string | undefined> {
	let porcelain: string;
	try {
		porcelain = execFileSync('git', ['blame', '--line-porcelain', '--', path], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
	} catch {
		return [];
	}
	const dates: Array<string | undefined> = [undefined];
	let committed = true;
	let time: number | undefined;
	for (const line of porcelain.split('\n')) {
		if (/^[0-9a-f]{40} /.test(line)) {
			committed = !line.startsWith('0000000000000000000000000000000000000000');
			time = undefined;
		} else if (line.startsWith('committer-time ')) time = Number(line.slice('committer-time '.length));
		else if (line.startsWith('\t')) dates.push(committed && time !== undefined ? new Date(time * 1000).toISOString().slice(0, 10) : undefined);
	}
	return dates;
}
