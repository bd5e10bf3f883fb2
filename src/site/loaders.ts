/**
 * Content-layer loaders for journeys and personas. They call our own core parser rather than
 * Astro's glob loader, whose frontmatter errors have no line or column and stop at the first bad
 * file. The stored data is the validated model (typed by the schemas in entries.ts); pages only render it.
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

export const journeyLoader = (): Loader =>
	loader('cjm-journeys', async (context, fresh) => {
		const { project, updated } = await checked(context, fresh);
		context.store.clear();
		for (const journey of project.journeys) {
			const data = await context.parseData({ id: journey.id, data: { ...journey, lastUpdated: journey.updated ?? updated.get(journey.path) } });
			context.store.set({ id: journey.id, data, digest: context.generateDigest(data) });
		}
	});

export const personaLoader = (): Loader =>
	loader('cjm-personas', async (context, fresh) => {
		const { project } = await checked(context, fresh);
		context.store.clear();
		for (const persona of project.personas) {
			const data = await context.parseData({ id: persona.id, data: { ...persona } });
			context.store.set({ id: persona.id, data, digest: context.generateDigest(data) });
		}
	});
