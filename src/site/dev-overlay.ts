/**
 * `astro dev` only: shows the content problems of the last check in every open page. The loaders
 * publish them (dev-problems.ts); this integration sends them over Vite's HMR connection as a
 * custom event, and a small page script (dev-overlay-client.ts) draws or removes the overlay.
 * A page that opens later asks for the current problems, so a reload keeps showing them.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ASK_EVENT, PROBLEMS_EVENT } from './dev-events.ts';
import { currentProblems, onProblems } from './dev-problems.ts';

const client = fileURLToPath(new URL('./dev-overlay-client.ts', import.meta.url));

export function contentProblemsOverlay(): AstroIntegration {
	return {
		name: 'cjm-content-problems',
		hooks: {
			'astro:config:setup': ({ command, injectScript }) => {
				if (command === 'dev') injectScript('page', `import ${JSON.stringify(client)};`);
			},
			'astro:server:setup': ({ server }) => {
				onProblems((problems) => server.ws.send(PROBLEMS_EVENT, problems));
				server.ws.on(ASK_EVENT, (_data, page) => page.send(PROBLEMS_EVENT, currentProblems()));
			},
		},
	};
}
