/**
 * Content-layer loaders for journeys and personas. They call our own core parser rather than
 * Astro's glob loader, whose frontmatter errors have no line or column and stop at the first bad
 * file. The validated models go to `siteModels` and Astro's store keeps a digest of each
 * (entries.ts); pages only render them. Parse results are cached by file content
 * (src/site/project.ts), so `astro dev` and a rebuild that keeps the caches redo only what
 * changed; the project-wide checks always run.
 */
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { counted, imagePaths, type Journey, JOURNEYS_DIR, PERSONAS_DIR, SOURCE_PATHS, sourceKind } from '../core/index.ts';
import { receivedHandoff } from '../handoff.ts';
import { format } from '../report/index.ts';
import { publishContentChange } from './dev-content.ts';
import { problemsOf, publishProblems } from './dev-problems.ts';
import { type JourneyEntry, siteModels } from './entries.ts';
import { onSaves } from './saves.ts';
import { contentRoot, siteProject, sourceSaved } from './project.ts';

/** Thrown when the content has errors; the messages were already logged with their places. */
export class ContentError extends Error {
	override name = 'ContentError';
}

/** `path` relative to `root`, with `/` whatever the platform: how the core names a project's files. */
const projectPath = (root: string, path: string): string => relative(root, path).split(sep).join('/');

/** Project-relative paths of files with errors, whose entries keep their last good version in `astro dev`. */
type Failing = Set<string>;

/**
 * Loads and checks the project. A build (and `astro sync`) stops at errors. `astro dev` (the
 * loader context has a file watcher) does not: it logs them, shows them in the open pages
 * (dev-problems.ts), and goes on with the files that have none, so fixing the file is enough.
 */
async function checked(context: LoaderContext, fresh: boolean) {
	const site = await siteProject(fresh);
	const failing = site.files.filter((file) => file.messages.some((message) => message.fatal));
	const dev = context.watcher !== undefined;
	const news = dev ? publishProblems(problemsOf(failing)) : true;
	if (failing.length > 0) {
		if (news) context.logger.error(`\n${format(failing, 'compact')}`);
		const count = failing.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal).length, 0);
		if (!dev) throw new ContentError(`${counted(count, 'error')} in journeys and personas (listed above); fix them, or run \`npx cjm validate\` for details`);
	}
	const root = receivedHandoff().displayRoot;
	return { ...site, failing: new Set(failing.map((file) => projectPath(root, file.path))) as Failing, refresh: fresh };
}

type Checked = Awaited<ReturnType<typeof checked>>;
type Store = (context: LoaderContext, site: Checked) => Promise<void>;

/**
 * `astro dev`: every collection's store with its latest context. One change reloads the project
 * once and refreshes the collections in turn from that one result, in the order of the changes;
 * a loader of its own per collection would parse the project once per collection and race.
 */
const live = new Map<string, { context: LoaderContext; store: Store }>();
let watching: LoaderContext['watcher'];
/** The last refresh asked for, and the one that has not started yet, if any. */
let refreshed = Promise.resolve();
let waiting: Promise<void> | undefined;

/** Whether the watcher's (absolute) `path` is a file the project is read from. */
const isProjectSource = (path: string): boolean => sourceKind(projectPath(contentRoot(), path)) !== undefined;

/**
 * Reloads the project after a save, once the refresh before has finished. Saves reported while a
 * refresh waits to start are all in what it reads, so they share it: one save is often reported
 * two or three times (see saves.ts), and at 1000 journeys a refresh takes 0.1 to 0.5 s.
 */
function refreshAll(): Promise<void> {
	waiting ??= refreshed.then(async () => {
		// From here on, a save may come after the files were read: it needs a refresh of its own.
		waiting = undefined;
		const collections = [...live.values()];
		const [first] = collections;
		if (!first) return;
		try {
			const site = await checked(first.context, true);
			for (const { context, store } of collections) await store(context, site);
			publishContentChange();
		} catch (error) {
			// Content problems do not throw in dev (see `checked`); anything else is logged, never
			// left as an unhandled rejection.
			first.context.logger.error(error instanceof Error ? error.message : String(error));
		}
	});
	refreshed = waiting;
	return waiting;
}

function loader(name: string, store: Store): Loader {
	return {
		name,
		load: async (context) => {
			await store(context, await checked(context, false));
			if (!context.watcher) return;
			live.set(name, { context, store });
			if (watching === context.watcher) return;
			watching = context.watcher;
			// Content outside the site's folder (CJM_ROOT) is not watched by Vite unless added.
			context.watcher.add(SOURCE_PATHS.map((path) => join(contentRoot(), path)));
			onSaves(context.watcher, isProjectSource, (path) => {
				sourceSaved(path);
				void refreshAll();
			});
		},
	};
}

/**
 * Replaces the collection's models with `items`, and its store entries, touching only those whose
 * model changed: an entry holds only the digest of its model (the model stays in `models`, see
 * entries.ts), so an unchanged one is not rewritten. Entries in `keep` (files with errors, in
 * `astro dev`) stay as they were while there is a model to keep.
 *
 * A dev-server `refresh` adds and removes entries but leaves the digests of the others: there
 * pages render from the models on every request, and a changed digest would only make Astro write
 * its store half a second later and reload every open page. The open pages show the change in
 * place instead, sooner (dev-refresh-client.ts). At 1000 journeys, digesting every model took
 * 0.2 to 0.4 s of each edit.
 */
function storeChanged<T extends { id: string }>(context: LoaderContext, models: Map<string, T>, items: T[], keep: Set<string>, refresh: boolean): void {
	const ids = new Set(items.map((item) => item.id));
	for (const id of models.keys()) if (!ids.has(id) && !keep.has(id)) models.delete(id);
	for (const item of items) models.set(item.id, item);
	siteModels.version++;
	// An entry without a model (removed, or left from an earlier run by a file that now fails) has nothing to show.
	for (const id of context.store.keys()) if (!models.has(id)) context.store.delete(id);
	for (const item of items) {
		if (refresh && context.store.has(item.id)) continue;
		const digest = context.generateDigest(item);
		siteModels.digests.set(item, digest);
		if (context.store.get(item.id)?.digest !== digest) context.store.set({ id: item.id, data: {}, digest });
	}
}

/** Ids of the failing files in `dir`. */
const idsIn = (failing: Failing, dir: string) => new Set([...failing].filter((path) => path.startsWith(`${dir}/`)).map((path) => path.slice(dir.length + 1).replace(/\.md$/, '')));

/**
 * Entries by the model they were made from. The parse cache hands an unchanged journey's model to
 * every reload (parse-cache.ts), so in `astro dev` an unchanged journey keeps its entry, and with
 * it what pages computed from it (its curve and insights, journey-view.ts): after one save at 1000
 * journeys the home page rendered in 0.7 s instead of 0.3 s, computing every journey's insights again.
 */
const entries = new WeakMap<Journey, JourneyEntry>();

function entryOf(journey: Journey, lastCommit: string | undefined): JourneyEntry {
	const lastUpdated = journey.updated ?? lastCommit;
	const known = entries.get(journey);
	if (known && known.lastUpdated === lastUpdated && known.lastCommit === lastCommit) return known;
	const entry: JourneyEntry = { ...journey, lastUpdated, lastCommit };
	entries.set(journey, entry);
	return entry;
}

export const journeyLoader = (): Loader =>
	loader('cjm-journeys', async (context, { project, updated, failing, refresh }) => {
		storeChanged(
			context,
			siteModels.journeys,
			project.journeys.filter((journey) => !failing.has(journey.path)).map((journey) => entryOf(journey, updated.get(journey.path))),
			idsIn(failing, JOURNEYS_DIR),
			refresh
		);
		siteModels.loaded.add('journeys');
	});

export const personaLoader = (): Loader =>
	loader('cjm-personas', async (context, { project, failing, refresh }) => {
		storeChanged(
			context,
			siteModels.personas,
			project.personas.filter((persona) => !failing.has(persona.path)),
			idsIn(failing, PERSONAS_DIR),
			refresh
		);
		siteModels.loaded.add('personas');
	});

/**
 * Touchpoint images, one entry per file, keyed by project-relative path. Only images in the
 * validated model are listed (the core refused the rest: outside the content folders, not an
 * image, unsafe SVG), and only these go through Astro's image pipeline into the site.
 */
export const imageLoader = (): Loader =>
	loader('cjm-images', async (context, { project, failing }) => {
		const root = fileURLToPath(context.config.root);
		const paths = new Set(project.journeys.flatMap(imagePaths));
		// While a journey has errors its last good version stays on the site, images included.
		if (failing.size === 0) for (const id of context.store.keys()) if (!paths.has(id)) context.store.delete(id);
		for (const id of paths) {
			// An unchanged file keeps its entry (and Astro its published asset); the digest notices an edit.
			const file = join(contentRoot(), id);
			const { size, mtimeMs } = statSync(file);
			const digest = context.generateDigest({ size, mtimeMs });
			if (context.store.get(id)?.digest === digest) continue;
			// `image()` resolves `src` against the entry's file, given relative to the Astro root.
			const filePath = relative(root, file);
			const data = await context.parseData({ id, data: { src: `./${id.split('/').pop()}` }, filePath });
			context.store.set({ id, data, filePath, digest });
		}
	});
