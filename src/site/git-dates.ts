/** Last commit date of every file under the given folders, from one `git log` call (not one per file). */
import { execFileSync } from 'node:child_process';

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
