/**
 * Routes: every id and slug the site turns into a URL is a valid path segment and names exactly
 * one page, and every link the core and the renderers produce finds its target. The fixture
 * tests/fixtures/hostile-names has Unicode ids, owners `C++`, `C#`, `c`, `c 2`, `Kitchen` and
 * `kitchen`, channels `e-mail`, `e mail`, `🙂`, `%` and `?`, and touchpoint names full of markup.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { byChannel, byOwner, locatedTouchpoints } from '../../src/core/aggregate.ts';
import { loadProject, type Project, routeSlugs, slugOf, uniqueSlugs } from '../../src/core/index.ts';
import { nameProblem } from '../../src/core/names.ts';
import { journeyDocument } from '../../src/render/index.ts';

const root = new URL('../fixtures/hostile-names/', import.meta.url).pathname;

async function hostile(): Promise<Project> {
	const { project, files } = await loadProject(root);
	expect(files.flatMap((file) => file.messages.map((m) => `${file.path}: ${m.reason}`))).toEqual([]);
	return project;
}

/** Every owner and channel name the pages link to, as written in the content. */
function linkedNames(project: Project) {
	const touchpoints = locatedTouchpoints(project.journeys).map(({ touchpoint }) => touchpoint);
	return {
		owners: [
			...project.journeys.flatMap((journey) => journey.owner ?? []),
			...touchpoints.flatMap((t) => [t.owner ?? [], ...[...t.pains, ...t.opportunities].map((item) => item.owner ?? [])].flat()),
		],
		channels: touchpoints.flatMap((t) => t.channels),
	};
}

describe('ids', () => {
	test('journey and persona ids are URL path segments, unique, in NFC', async () => {
		const project = await hostile();
		const ids = [...project.journeys, ...project.personas].map((entity) => entity.id);
		expect(ids.sort()).toEqual(['deep/nested_1.2', 'p', 'ünïcode-straße', 'zoë'].map((id) => id.normalize('NFC')).sort());
		for (const id of ids) {
			expect(nameProblem(id)).toBeUndefined();
			expect(encodeURI(id)).toBe(encodeURIComponent(id).replaceAll('%2F', '/'));
		}
	});

	test('every persona and baseline a journey names is a page', async () => {
		const project = await hostile();
		const personas = new Set(project.personas.map((persona) => persona.id));
		const journeys = new Set(project.journeys.map((journey) => journey.id));
		for (const journey of project.journeys) {
			for (const persona of journey.personas) expect(personas).toContain(persona);
			if (journey.baseline) expect(journeys).toContain(journey.baseline);
		}
	});
});

describe('owner and channel slugs', () => {
	test('each owner and channel page has its own slug, and every link finds its page', async () => {
		const project = await hostile();
		const slugs = routeSlugs(project);
		const ownerPages = byOwner(project).map((view) => slugs.owner(view.owner));
		const channelPages = byChannel(project).map((view) => slugs.channel(view.channel));
		expect(new Set(ownerPages).size).toBe(ownerPages.length);
		expect(new Set(channelPages).size).toBe(channelPages.length);
		const { owners, channels } = linkedNames(project);
		for (const owner of owners) expect(ownerPages).toContain(slugs.owner(owner));
		for (const channel of channels) expect(channelPages).toContain(slugs.channel(channel));
		for (const slug of [...ownerPages, ...channelPages]) expect(nameProblem(slug)).toBeUndefined();
		expect(Object.fromEntries(byOwner(project).map((view) => [view.owner, slugs.owner(view.owner)]))).toEqual({
			c: 'c',
			'c 2': 'c-2',
			'C#': 'c-3',
			'C++': 'c-4',
			Kitchen: 'kitchen-2',
			kitchen: 'kitchen',
			'r-d': 'r-d',
			'R&D': 'r-d-2',
		});
		expect(Object.fromEntries(byChannel(project).map((view) => [view.channel, slugs.channel(view.channel)]))).toEqual({
			'e-mail': 'e-mail',
			'e mail': 'e-mail-2',
			web: 'web',
			'%': 'x',
			'?': 'x-2',
			'🙂': 'x-3',
			'c-2': 'c-2',
			'c 2': 'c-2-2',
		});
	});

	test('uniqueSlugs does not depend on the order of names; a suffix never takes a name’s own slug', () => {
		const names = ['C++', 'c-2', 'C#', 'c', 'c 3'];
		const forward = uniqueSlugs(names);
		expect(uniqueSlugs([...names].reverse())).toEqual(forward);
		expect(Object.fromEntries(forward)).toEqual({ c: 'c', 'c-2': 'c-2', 'C#': 'c-4', 'C++': 'c-5', 'c 3': 'c-3' });
		expect(slugOf('  Front of house ')).toBe('front-of-house');
	});
});

describe('links in rendered journeys', () => {
	test('every `#` link of a rendered journey names an element of the page', async () => {
		const project = await hostile();
		for (const journey of project.journeys) {
			const tree = fromHtml(journeyDocument(journey));
			const ids = new Set<string>();
			const targets: string[] = [];
			visit(tree, 'element', (node: Element) => {
				if (typeof node.properties.id === 'string') ids.add(node.properties.id);
				const href = node.properties.href;
				if (typeof href === 'string' && href.startsWith('#')) targets.push(decodeURIComponent(href.slice(1)));
			});
			expect(targets.length).toBeGreaterThan(0);
			for (const target of targets) expect(ids).toContain(target);
		}
	});
});
