/**
 * Saves of the project's files as `astro dev` sees them. Vite's watcher (chokidar 3) reports a
 * file's changes at most once per 50 ms and drops the rest, and a save is often more than one
 * change: `fs.writeFile`, and editors that save in place, empty the file and then write it. When
 * the first change is reported the loaders may read the file empty or half written, and the
 * change that completes it can be the one dropped, which would leave the server on a broken
 * version until the next save. So each reported file is looked at again once the watcher's
 * window has passed, and a file that changed since is reported once more.
 */
import { statSync } from 'node:fs';

/** What `onSaves` needs of a watcher: chokidar's `FSWatcher`, which Vite's `server.watcher` is. */
export interface Watcher {
	on(event: 'add' | 'change' | 'unlink', listener: (path: string) => void): unknown;
}

/** Past chokidar's 50 ms window for a file's change events, with room for a busy machine. */
export const SETTLE_MS = 150;

/** What a look at `path` tells apart: a truncated file has another size, a replaced one another inode. */
function fingerprint(path: string): string {
	try {
		const { size, mtimeMs, ino } = statSync(path);
		return `${size}:${mtimeMs}:${ino}`;
	} catch {
		return 'absent';
	}
}

/**
 * Calls `onSave(path)` for each added, changed or removed file that `accepts`, and again
 * `settleMs` later if the file changed after it was reported (the watcher may have dropped
 * that change).
 */
export function onSaves(watcher: Watcher, accepts: (path: string) => boolean, onSave: (path: string) => void, settleMs = SETTLE_MS): void {
	const reported = (path: string) => {
		if (!accepts(path)) return;
		const seen = fingerprint(path);
		onSave(path);
		setTimeout(() => {
			if (fingerprint(path) !== seen) onSave(path);
		}, settleMs).unref();
	};
	for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, reported);
}
