/**
 * Model building: the sample journeys and personas in journeys/ and personas/ become the
 * normalised model, and small inline journeys pin down the rules the samples do not show.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { type Journey, loadProject, parseJourney, parsePersona, type Touchpoint, touchpointsOf } from '../../src/core/index.ts';

const root = new URL('../..', import.meta.url).pathname;
const { project } = await loadProject(root, { displayRoot: '.' });

const journey = (id: string): Journey => {
	const found = project.journeys.find((each) => each.id === id);
	if (!found) throw new Error(`no sample journey ${id}`);
	return found;
};
const touchpoint = (journeyId: string, id: string): Touchpoint => {
	const found = touchpointsOf(journey(journeyId)).find((each) => each.id === id);
	if (!found) throw new Error(`no touchpoint ${id} in ${journeyId}`);
	return found;
};

/** Parses an inline journey that must be valid. */
function parse(frontmatter: string, body = ''): Journey {
	const file = new VFile({ path: 'journeys/inline.md', value: `---\n${frontmatter}---\n${body}` });
	const parsed = parseJourney(file, 'inline', 'journeys/inline.md');
	expect(file.messages.filter((message) => message.fatal).map((message) => message.reason)).toEqual([]);
	if (!parsed?.journey) throw new Error('inline journey did not parse');
	return parsed.journey;
}

describe('sample journeys', () => {
	test('ids and paths come from the file path', () => {
		const trial = journey('saas/trial-evaluation');
		expect(trial.path).toBe('journeys/saas/trial-evaluation.md');
		expect(trial.title).toBe('Evaluating a team wiki during a 14-day trial');
		expect(trial.state).toBe('current');
		expect(trial.status).toBe('hypothesis');
	});

	test('stage ids: explicit, or the slug of the name', () => {
		expect(journey('restaurant/pizza-visit').stages.map((stage) => stage.id)).toEqual([
			'awareness',
			'research',
			'getting-there',
			'arrival', // `id: arrival` for "Arrival & seating"
			'ordering',
			'time-to-eat',
			'paying-the-bill',
			'after-visit',
		]);
	});

	test('touchpoint ids: explicit, or the slug of the name (punctuation dropped)', () => {
		const pizza = touchpointsOf(journey('restaurant/pizza-visit'));
		expect(pizza.slice(0, 4).map((each) => each.id)).toEqual([
			'ask-friends',
			'searching-google-maps',
			'seeing-a-friends-instagram-story',
			'reading-online-reviews',
		]);
		// Every touchpoint knows its stage.
		expect(touchpoint('restaurant/pizza-visit', 'find-entrance').stage).toBe('getting-there');
		expect(touchpoint('saas/trial-evaluation', 'picking-a-meeting-notes-template').name).toBe('Picking a meeting-notes template');
	});

	test('default `next`: the following touchpoint in order, across stage borders', () => {
		const trial = journey('saas/trial-evaluation');
		const [first, second] = trial.stages;
		expect(first.touchpoints.at(-1)!.next).toEqual([{ to: second.touchpoints[0].id }]);
		expect(touchpoint('saas/trial-evaluation', 'press-try').next).toEqual([{ to: 'verify-email' }]);
		// The last touchpoint of the journey leads nowhere.
		expect(touchpointsOf(trial).at(-1)!.id).toBe('getting-the-first-invoice');
		expect(touchpointsOf(trial).at(-1)!.next).toEqual([]);
	});

	test('explicit `next` with labels and shares, the shorthand list of ids, and `next: []` to end a branch', () => {
		expect(touchpoint('saas/trial-evaluation', 'invite-decision').next).toEqual([
			{ to: 'invite-team', label: 'Invites the team', share: 0.6 },
			{ to: 'trial-goes-quiet', label: 'Keeps it to herself', share: 0.4 },
		]);
		expect(touchpoint('saas/trial-evaluation', 'invite-team').next).toEqual([{ to: 'teammates-join' }]);
		// Not the last touchpoint, but `next: []` ends the path here.
		expect(touchpoint('saas/trial-evaluation', 'trial-goes-quiet').next).toEqual([]);
	});

	test('conversion: numbers stay, percentages become shares', () => {
		expect(touchpoint('online-store/signup-current', 'wait-for-email').conversion).toBeCloseTo(0.3);
		expect(touchpoint('restaurant/pizza-visit', 'reading-online-reviews').conversion).toBeCloseTo(0.55);
		expect(touchpoint('restaurant/pizza-visit', 'searching-google-maps').conversion).toBe(0.6);
		expect(touchpoint('restaurant/pizza-visit', 'ask-friends').conversion).toBeUndefined();
	});

	test('emotion: a number becomes {actual}; a map keeps actual and desired', () => {
		expect(touchpoint('restaurant/pizza-visit', 'find-entrance').emotion).toEqual({ actual: -2 });
		expect(touchpoint('restaurant/pizza-visit', 'ask-friends').emotion).toEqual({ actual: 1 });
		const future = touchpointsOf(journey('online-store/signup-future'));
		expect(future[1].emotion).toEqual({ actual: 1, desired: 2 });
	});

	test('a string or a list: channels, pains, opportunities and personas are always lists', () => {
		const search = touchpoint('restaurant/pizza-visit', 'searching-google-maps');
		expect(search.channels).toEqual(['mobile', 'Google Maps']);
		expect(touchpoint('restaurant/pizza-visit', 'ask-friends').channels).toEqual(['word of mouth']);
		expect(search.pains).toEqual([{ text: 'The listing has four photos, no menu and opening hours that are out of date' }]);
		expect(search.opportunities).toEqual([{ text: 'Add a text menu, current opening hours and photos of the dishes and the entrance' }]);
		expect(search.kpis).toEqual({ 'listing views per week': 1200, 'direction requests': '4%', 'calls from listing per week': 18 });
		// A list mixing maps and plain strings.
		expect(touchpoint('saas/trial-evaluation', 'invite-decision').pains).toEqual([
			{
				text: 'The invite screen does not show what teammates will see or how long it takes them',
				owner: 'Product - Growth',
				impact: 3,
				effort: 2,
			},
			{ text: 'She worries the team will see it as one more tool to check' },
		]);
		expect(touchpoint('restaurant/pizza-visit', 'ask-friends').pains).toEqual([]);
		expect(journey('restaurant/pizza-visit').personas).toEqual(['eva-molin']);
		expect(journey('b2b/software-purchase').personas).toEqual(['b2b/it-buyer', 'b2b/team-lead']);
		expect(touchpointsOf(journey('b2b/software-purchase'))[0].persona).toBe('b2b/team-lead');
	});

	test('sources: plain strings become {title}; maps keep their url', () => {
		const sources = journey('restaurant/pizza-visit').sources;
		expect(sources[0]).toEqual({ title: 'Twelve guest interviews at Forno Verde, March 2026' });
		expect(sources.at(-1)).toEqual({
			title: 'UXPressia: customer journey map step-by-step guide (pizza restaurant example)',
			url: 'https://uxpressia.com/blog/customer-journey-map-guide-examples',
		});
	});

	test('`##` headings attach to stages, `###` headings inside them to touchpoints', () => {
		const pizza = journey('restaurant/pizza-visit');
		const awareness = pizza.stages[0];
		expect(awareness.notes?.heading).toBe('Awareness');
		expect(awareness.notes?.depth).toBe(2);
		// The stage's section stops where its first touchpoint's section starts.
		expect(awareness.notes?.markdown).toMatch(/^Eva starts with people, not search\./);
		expect(awareness.notes?.markdown).not.toContain('Searching Google Maps');
		const search = touchpoint('restaurant/pizza-visit', 'searching-google-maps');
		expect(search.notes).toEqual({
			heading: 'Searching Google Maps',
			depth: 3,
			markdown:
				'The listing is the first place most new guests meet Forno Verde. With no menu and only a few\nphotos it does little to turn a pin on a map into a visit.',
		});
		// A stage heading followed directly by a touchpoint heading has an empty section.
		expect(pizza.stages[2].notes).toEqual({ heading: 'Getting there', depth: 2, markdown: '' });
		expect(touchpoint('restaurant/pizza-visit', 'find-entrance').notes?.markdown).toMatch(/^Seven of twelve/);
		// Stages and touchpoints without a heading have no notes.
		expect(pizza.stages.find((stage) => stage.id === 'arrival')!.notes).toBeUndefined();
		expect(touchpoint('restaurant/pizza-visit', 'ask-friends').notes).toBeUndefined();
	});

	test('headings that name no stage are narrative, in order', () => {
		const pizza = journey('restaurant/pizza-visit');
		expect(pizza.narrative.map((section) => [section.heading, section.depth])).toEqual([
			['Summary', 2],
			['Research notes', 2],
		]);
		expect(pizza.narrative[0].markdown).toMatch(/^Eva loved the pizza/);
		expect(pizza.narrative[1].markdown).toMatch(/^- Interviews were held/);
		expect(pizza.body.startsWith('## Summary')).toBe(true);
		expect(pizza.body).not.toContain('title:');
	});
});

describe('sample personas', () => {
	test('lists, traits, and an avatar path relative to the project root', () => {
		const eva = project.personas.find((persona) => persona.id === 'eva-molin')!;
		expect(eva.path).toBe('personas/eva-molin.md');
		expect(eva.name).toBe('Eva Molin');
		expect(eva.avatar).toBe('personas/avatars/eva-molin.svg');
		expect(eva.channels).toEqual(['Word of mouth', 'Google Maps', 'Instagram', 'E-mail', 'In person']);
		expect(eva.traits.age).toBe(29);
		expect(eva.traits.allergy).toBe('peanuts');
		expect(eva.body).toMatch(/^## Backstory/);
		const buyer = project.personas.find((persona) => persona.id === 'b2b/it-buyer')!;
		expect(buyer.path).toBe('personas/b2b/it-buyer.md');
		expect(buyer.avatar).toBeUndefined();
	});

	test('a string where a list is allowed becomes a one-item list', () => {
		const file = new VFile({ path: 'personas/x.md', value: '---\nname: X\ngoals: Get home\ntags: [a]\navatar: ../img/x.png\n---\n' });
		const parsed = parsePersona(file, 'team/x', 'personas/team/x.md');
		expect(parsed?.persona).toMatchObject({ goals: ['Get home'], needs: [], tags: ['a'], avatar: 'personas/img/x.png' });
	});
});

describe('inline journeys', () => {
	const stages = `persona: p
stages:
  - name: Look Around
    id: look
    touchpoints:
      - name: Search
        emotion: 1
      - name: Compare Fares
        emotion: 0
  - name: Pay
    touchpoints:
      - name: Enter card
        emotion: {actual: -1, desired: 1}
        conversion: " 45.5 % "
        next: []
`;

	test('headings match stage and touchpoint names without regard to case, or their ids', () => {
		const parsed = parse(
			`title: T\n${stages}`,
			'\nIntro before any heading.\n\n## LOOK\n\nStage notes.\n\n### compare fares\n\nTouchpoint notes.\n\n#### Detail\n\nStill the touchpoint.\n\n## pay\n\n### Enter Card\n\nCard notes.\n\n## Appendix\n\nEnd.\n'
		);
		const [look, pay] = parsed.stages;
		expect(look.notes).toEqual({ heading: 'LOOK', depth: 2, markdown: 'Stage notes.' });
		expect(look.touchpoints[1].notes).toEqual({ heading: 'compare fares', depth: 3, markdown: 'Touchpoint notes.\n\n#### Detail\n\nStill the touchpoint.' });
		expect(look.touchpoints[0].notes).toBeUndefined();
		expect(pay.notes).toEqual({ heading: 'pay', depth: 2, markdown: '' });
		expect(pay.touchpoints[0].notes?.markdown).toBe('Card notes.');
		// Text before the first heading is narrative too, with an empty heading and depth 0.
		expect(parsed.narrative).toEqual([
			{ heading: '', depth: 0, markdown: 'Intro before any heading.' },
			{ heading: 'Appendix', depth: 2, markdown: 'End.' },
		]);
	});

	test('a touchpoint heading under another stage does not attach', () => {
		const parsed = parse(`title: T\n${stages}`, '\n## Pay\n\n### Search\n\nWrong stage.\n');
		expect(parsed.stages[0].touchpoints[0].notes).toBeUndefined();
		expect(parsed.stages[1].notes?.markdown).toBe('### Search\n\nWrong stage.');
	});

	test('percentages with spaces and decimals, emotion maps, ids from names', () => {
		const parsed = parse(`title: T\n${stages}`);
		const card = parsed.stages[1].touchpoints[0];
		expect(card.conversion).toBeCloseTo(0.455);
		expect(card.emotion).toEqual({ actual: -1, desired: 1 });
		expect(card.id).toBe('enter-card');
		expect(card.next).toEqual([]);
		expect(parsed.stages.map((stage) => stage.id)).toEqual(['look', 'pay']);
		expect(parsed.stages[0].touchpoints.map((each) => each.next)).toEqual([[{ to: 'compare-fares' }], [{ to: 'enter-card' }]]);
		expect(parsed.personas).toEqual(['p']);
		expect(parsed.state).toBe('current');
		expect(parsed.tags).toEqual([]);
		expect(parsed.sources).toEqual([]);
	});

	test('a name that slugs to nothing gets a positional id', () => {
		const parsed = parse('title: T\npersona: p\nstages:\n  - name: "!!!"\n    touchpoints:\n      - name: "???"\n        emotion: 0\n');
		expect(parsed.stages[0].id).toBe('stage-1');
		expect(parsed.stages[0].touchpoints[0].id).toBe('stage-1-1');
	});

	test('an unknown `next` target is reported and dropped, the known ones kept', () => {
		const file = new VFile({
			path: 'journeys/inline.md',
			value: '---\ntitle: T\npersona: p\nstages:\n  - name: A\n    touchpoints:\n      - name: B\n        emotion: 0\n        next: [nowhere, c]\n      - name: C\n        emotion: 0\n---\n',
		});
		const parsed = parseJourney(file, 'inline');
		expect(parsed?.journey?.stages[0].touchpoints[0].next).toEqual([{ to: 'c' }]);
		expect(file.messages.map((message) => message.ruleId)).toEqual(['unknown-next']);
	});

	test('a journey with schema errors has no model, but keeps its references for the project-wide checks', () => {
		const file = new VFile({ path: 'journeys/inline.md', value: '---\ntitle: T\npersona: [p, 7, q]\nbaseline: b\nstages: []\n---\n' });
		expect(parseJourney(file, 'inline')).toEqual({
			references: {
				personas: [
					{ id: 'p', place: { start: { line: 3, column: 11, offset: 23 }, end: { line: 3, column: 12, offset: 24 } } },
					{ id: 'q', place: { start: { line: 3, column: 17, offset: 29 }, end: { line: 3, column: 18, offset: 30 } } },
				],
				baseline: { id: 'b', place: { start: { line: 4, column: 11, offset: 42 }, end: { line: 4, column: 12, offset: 43 } } },
			},
		});
	});

	test('an unreadable frontmatter gives nothing at all', () => {
		const file = new VFile({ path: 'journeys/inline.md', value: '---\n[unclosed\n---\n' });
		expect(parseJourney(file, 'inline')).toBeUndefined();
	});
});
