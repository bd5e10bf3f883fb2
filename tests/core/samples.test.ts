import { describe, expect, test } from 'vitest';
import { loadProject, touchpointsOf } from '../../src/core/index.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('sample content', async () => {
	const { project, files } = await loadProject(root, { displayRoot: '.' });

	test('validates without errors or warnings', () => {
		const messages = files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.reason}`));
		expect(messages).toEqual([]);
	});

	test('models every journey and persona', () => {
		expect(project.journeys.map((j) => j.id)).toEqual([
			'b2b/software-purchase',
			'online-store/signup-current',
			'online-store/signup-future',
			'restaurant/pizza-visit',
			'saas/trial-evaluation',
		]);
		expect(project.personas.map((p) => p.id).sort()).toEqual(['alana', 'b2b/it-buyer', 'b2b/team-lead', 'eva-molin', 'marco-rossi']);
	});

	test('the future sign-up names its current state as baseline', () => {
		const future = project.journeys.find((j) => j.id === 'online-store/signup-future')!;
		expect(future.state).toBe('future');
		expect(future.baseline).toBe('online-store/signup-current');
	});

	test('the current sign-up loses most users at e-mail confirmation', () => {
		const current = project.journeys.find((j) => j.id === 'online-store/signup-current')!;
		const worst = touchpointsOf(current).reduce((a, b) => ((b.conversion ?? 1) < (a.conversion ?? 1) ? b : a));
		expect(worst.conversion).toBeCloseTo(0.3);
	});
});

describe('sample content covers the whole format', async () => {
	const { readFile, readdir } = await import('node:fs/promises');
	const { parse } = await import('yaml');
	const { JourneySchema, PersonaSchema } = await import('../../src/core/index.ts');

	/** Raw frontmatter of every sample file under `dir`. */
	async function frontmatters(dir: string): Promise<any[]> {
		const names = (await readdir(new URL(`../../${dir}/`, import.meta.url), { recursive: true })).filter((n) => n.endsWith('.md'));
		return Promise.all(names.map(async (n) => parse((await readFile(new URL(`../../${dir}/${n}`, import.meta.url), 'utf8')).split(/^---$/m)[1])));
	}
	const keys = (schema: any) => Object.keys(schema.shape ?? schema.def?.in?.shape ?? schema._zod.def.shape);
	const used = (objects: any[]) => new Set(objects.flatMap((o) => (o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o) : [])));

	test('every journey, stage and touchpoint key is used somewhere', async () => {
		const journeys = await frontmatters('journeys');
		const stages = journeys.flatMap((j) => j.stages);
		const touchpoints = stages.flatMap((s) => s.touchpoints ?? []);
		const journeyShape = JourneySchema.shape;
		expect([...used(journeys)].sort()).toEqual(keys(JourneySchema).sort());
		expect([...used(stages)].sort()).toEqual(Object.keys(journeyShape.stages.element.shape).sort());
		expect([...used(touchpoints)].sort()).toEqual(Object.keys(journeyShape.stages.element.shape.touchpoints.unwrap().element.shape).sort());
	});

	test('every persona key is used somewhere', async () => {
		expect([...used(await frontmatters('personas'))].sort()).toEqual(keys(PersonaSchema).sort());
	});

	test('both forms of the flexible fields appear', async () => {
		const touchpoints = (await frontmatters('journeys')).flatMap((j) => j.stages).flatMap((s: any) => s.touchpoints ?? []);
		const forms = (field: string) => new Set(touchpoints.filter((t: any) => field in t).map((t: any) => (Array.isArray(t[field]) ? 'list' : typeof t[field])));
		expect(forms('emotion')).toEqual(new Set(['number', 'object']));
		expect(forms('channel')).toEqual(new Set(['string', 'list']));
		expect(forms('conversion')).toEqual(new Set(['number', 'string']));
		const items = touchpoints.flatMap((t: any) => [t.pains, t.opportunities].flat().filter(Boolean));
		expect(new Set(items.map((i: any) => typeof i))).toEqual(new Set(['string', 'object']));
		const edges = touchpoints.flatMap((t: any) => t.next ?? []);
		expect(new Set(edges.map((e: any) => typeof e))).toEqual(new Set(['string', 'object']));
		expect(touchpoints.some((t: any) => Array.isArray(t.next) && t.next.length === 0)).toBe(true);
	});
});
