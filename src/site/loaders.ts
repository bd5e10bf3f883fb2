/**
 * Content-layer loaders for journeys and personas. They call our own core parser rather than
 * Astro's glob loader, whose frontmatter errors have no line or column and stop at the first bad
 * file. The stored data is the validated model (typed by the schemas in entries.ts); pages only render it.
 * Parse results are cached by file content (src/site/project.ts) and entries keep a digest of their
 * data, so `astro dev` and a rebuild that keeps the caches redo only what changed; the
 * project-wide checks always run.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { format } from '../report/index.ts';
import { siteProject } from './project.ts';

/** Thrown when the content has errors; the messages were already logged with their places. */
export class ContentError extends Error {
	override name = 'ContentError';
}

async function checked(context: LoaderContext, fresh: boolean) {
	const site = await siteProject(fresh);
	const failing = site.files.filter((file) => file.messages.some((message) => message.fatal));
	if (failing.length > 0) {
		context.logger.error(`\n${format(failing, 'compact')}`);
		const count = failing.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal).length, 0);
		throw new ContentError(`${count} ${count === 1 ? 'error' : 'errors'} in journeys and personas (listed above); fix them, or run \`npx cjm validate\` for details`);
	}
	return site;
}

function loader(name: string, store: (context: LoaderContext, fresh: boolean) => Promise<void>): Loader {
	return {
		name,
		load: async (context) => {
			await store(context, false);
			// In `astro dev`, reload when a journey or persona changes.
			context.watcher?.on('change', (path) => {
				if (/[\\/](journeys|personas)[\\/].*\.md$/.test(path)) void store(context, true);
			});
		},
	};
}

/**
 * Replaces the collection's entries with `items`, touching only those whose data changed: an entry
 * keeps the digest of its data, so an unchanged one is neither validated again nor rewritten.
 */
async function storeChanged(context: LoaderContext, items: Array<{ id: string; data: Record<string, unknown> }>): Promise<void> {
	const ids = new Set(items.map((item) => item.id));
	for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
	for (const { id, data: raw } of items) {
		const digest = context.generateDigest(raw);
		if (context.store.get(id)?.digest === digest) continue;
		const data = await context.parseData({ id, data: raw });
		context.store.set({ id, data, digest });
	}
}

export const journeyLoader = (): Loader =>
	loader('cjm-journeys', async (context, fresh) => {
		const { project, updated } = await checked(context, fresh);
		await storeChanged(
			context,
			project.journeys.map((journey) => ({ id: journey.id, data: { ...journey, lastUpdated: journey.updated ?? updated.get(journey.path), lastCommit: updated.get(journey.path) } }))
		);
	});

export const personaLoader = (): Loader =>
	loader('cjm-personas', async (context, fresh) => {
		const { project } = await checked(context, fresh);
		await storeChanged(
			context,
			project.personas.map((persona) => ({ id: persona.id, data: { ...persona } }))
		);
	});
