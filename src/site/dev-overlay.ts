/**
 * `astro dev` only: the open pages follow the content as it is saved. The loaders publish the
 * content problems of the last check (dev-problems.ts) and news of changed models
 * (dev-content.ts); this integration sends both over Vite's HMR connection as custom events, and
 * two small page scripts draw or remove the problems' overlay (dev-overlay-client.ts) and show
 * the change in place (dev-refresh-client.ts). A page that opens later asks for the current
 * problems, so a reload keeps showing them.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { onContentChange } from './dev-content.ts';
import { ASK_EVENT, CONTENT_EVENT, PROBLEMS_EVENT } from './dev-events.ts';
import { currentProblems, onProblems } from './dev-problems.ts';

/** Astro's event for its server-side runtime (astro/dist/content/vite-plugin-content-virtual-mod.js): the route cache is cleared on it. */
const ASTRO_CONTENT_CHANGED = 'astro:content-changed';

const clients = ['./dev-overlay-client.ts', './dev-refresh-client.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url)));

export function liveContent(): AstroIntegration {
	return {
		name: 'cjm-live-content',
		hooks: {
			'astro:config:setup': ({ command, injectScript }) => {
				if (command === 'dev') for (const client of clients) injectScript('page', `import ${JSON.stringify(client)};`);
			},
			'astro:server:setup': ({ server }) => {
				onProblems((problems) => server.ws.send(PROBLEMS_EVENT, problems));
				server.ws.on(ASK_EVENT, (_data, page) => page.send(PROBLEMS_EVENT, currentProblems()));
				onContentChange(() => {
					// What Astro tells its server-side runtime when its data store changes: forget the pages'
					// `getStaticPaths` results, so an owner or channel an edit adds has its page (and one it
					// removes has none) before the open pages ask again.
					for (const environment of Object.values(server.environments)) if (environment.name !== 'client') environment.hot.send(ASTRO_CONTENT_CHANGED, {});
					server.ws.send(CONTENT_EVENT, {});
				});
			},
		},
	};
}
