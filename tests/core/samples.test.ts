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
