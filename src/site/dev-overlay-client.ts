/**
 * In the browser, in `astro dev` only: the overlay that lists the content problems the server
 * sends (dev-overlay.ts). Saving a fixed file sends an empty list, which removes it. Everything
 * is set as text, never as HTML: the messages quote what the user wrote.
 */
import { ASK_EVENT, PROBLEMS_EVENT } from './dev-events.ts';
import type { Problems } from './dev-problems.ts';

const ID = 'cjm-problems';

function show(problems: Problems): void {
	document.getElementById(ID)?.remove();
	if (problems.messages.length === 0) return;
	const overlay = document.createElement('div');
	overlay.id = ID;
	overlay.setAttribute('role', 'alertdialog');
	overlay.setAttribute('aria-labelledby', `${ID}-title`);
	overlay.style.cssText =
		'position:fixed;inset:0;z-index:2147483647;background:rgb(0 0 0 / 0.6);display:flex;align-items:flex-start;justify-content:center;padding:5vh 1rem;overflow:auto;font:15px/1.5 system-ui,sans-serif';
	const panel = document.createElement('div');
	panel.style.cssText = 'background:#fff;color:#1b1b1b;max-width:60rem;width:100%;border-radius:8px;border-top:6px solid #c62828;padding:1.25rem 1.5rem;box-shadow:0 8px 32px rgb(0 0 0 / 0.4)';
	const title = document.createElement('h2');
	title.id = `${ID}-title`;
	title.style.cssText = 'margin:0 0 0.5rem;font-size:1.25rem;color:#b71c1c';
	const files = problems.files.length;
	title.textContent = `${files === 1 ? 'A journey or persona file has' : `${files} journey and persona files have`} problems`;
	const hint = document.createElement('p');
	hint.style.cssText = 'margin:0 0 0.75rem';
	hint.textContent = 'The site shows the last version without errors. Fix the file and save it: this page updates by itself. `npx cjm validate` lists the same problems.';
	const list = document.createElement('ul');
	list.style.cssText = 'margin:0;padding:0;list-style:none;font:13px/1.6 ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere';
	for (const message of problems.messages) {
		const item = document.createElement('li');
		item.style.cssText = 'padding:0.25rem 0;border-top:1px solid #eee';
		item.textContent = message;
		list.append(item);
	}
	const close = document.createElement('button');
	close.type = 'button';
	close.textContent = 'Hide until the next save';
	close.style.cssText = 'margin-top:1rem;font:inherit;padding:0.3rem 0.8rem;cursor:pointer';
	close.addEventListener('click', () => overlay.remove());
	panel.append(title, hint, list, close);
	overlay.append(panel);
	document.body.append(overlay);
}

if (import.meta.hot) {
	import.meta.hot.on(PROBLEMS_EVENT, show);
	import.meta.hot.send(ASK_EVENT);
}
