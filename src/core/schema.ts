/**
 * The file format, defined once: zod schemas for persona and journey frontmatter.
 *
 * Every schema carries, as its `error`, the phrase that completes "expected …" in a message
 * ("Unexpected `emotion` 5, expected an integer from -2 to 2"), and a description that ends up
 * in the generated JSON Schema. Transforms normalise the forgiving input forms (a string or a
 * list, "45%" or 0.45) into one shape, so nothing downstream has to care.
 */
import { z } from 'zod';

const text = (description: string) => z.string({ error: 'a string' }).describe(description);

const TEXT_LIST = 'a string or a list of strings';

/** A string or a list of strings, normalised to a list. */
const textList = (description: string) =>
	z
		.union([z.string({ error: TEXT_LIST }), z.array(z.string({ error: 'a string' }))], { error: TEXT_LIST })
		.transform((value) => (Array.isArray(value) ? value : [value]))
		.describe(description);

const tags = () => z.array(z.string({ error: 'a string' }), { error: 'a list of tags' }).describe('Free-form labels used to filter the catalog.');

/** Stage and touchpoint ids end up in URLs, anchors and Mermaid node ids. */
const Id = z
	.string({ error: 'an id of letters, digits, `-` and `_`' })
	.regex(/^[A-Za-z0-9][\w-]*$/)
	.describe('Stable id; defaults to the slug of `name`.');

export const MOMENTS = ['stimulus', 'zmot', 'fmot', 'smot', 'umot'] as const;
const Moment = z
	.enum(MOMENTS, { error: 'one of `stimulus`, `zmot`, `fmot`, `smot`, `umot`' })
	.describe('Moment of truth: stimulus, zero (zmot), first (fmot), second (smot) or ultimate (umot).');

const Score = z.int({ error: 'an integer from -2 to 2' }).min(-2).max(2);

export interface Emotion {
	actual: number;
	desired?: number;
}

const EmotionSchema = z
	.union(
		[
			Score,
			z.strictObject(
				{
					actual: Score.describe('How the customer feels, from -2 to 2.'),
					desired: Score.optional().describe('How the customer wants to feel, from -2 to 2.'),
				},
				{ error: 'a map with `actual` and `desired`' }
			),
		],
		{ error: 'an integer from -2 to 2, or a map with `actual` and `desired`' }
	)
	.transform((value): Emotion => (typeof value === 'number' ? { actual: value } : value))
	.describe('Emotion from -2 (very negative) to 2 (very positive), or {actual, desired}.');

/** A share of people, as a number from 0 to 1 or a percentage string such as "45%". */
const SHARE = 'a share from 0 to 1, or a percentage such as "45%"';
const Share = z
	.union(
		[
			z.number({ error: SHARE }).min(0).max(1),
			z.string({ error: SHARE }).regex(/^\s*(?:100(?:\.0+)?|\d{1,2}(?:\.\d+)?)\s*%\s*$/),
		],
		{ error: SHARE }
	)
	.transform((value) => (typeof value === 'number' ? value : Number.parseFloat(value) / 100));

const Rating = (what: string) =>
	z.int({ error: 'an integer from 1 to 5' }).min(1).max(5).describe(what);

export interface Item {
	text: string;
	owner?: string;
	impact?: number;
	effort?: number;
}

const ITEM = 'a string, or a map with `text`, `owner`, `impact` and `effort`';
const ItemSchema = z.union(
	[
		z.string({ error: ITEM }),
		z.strictObject(
			{
				text: text('What the pain point or opportunity is.'),
				owner: text('Who owns fixing it.').optional(),
				impact: Rating('Impact from 1 (low) to 5 (high).').optional(),
				effort: Rating('Effort from 1 (low) to 5 (high).').optional(),
			},
			{ error: 'a map with `text`, `owner`, `impact` and `effort`' }
		),
	],
	{ error: ITEM }
);

const items = (description: string) =>
	z
		.union([ItemSchema, z.array(ItemSchema, { error: 'a list' })], {
			error: 'a string, a map with `text`, or a list of them',
		})
		.transform((value): Item[] =>
			(Array.isArray(value) ? value : [value]).map((item) =>
				typeof item === 'string' ? { text: item } : item
			)
		)
		.describe(description);

export interface Edge {
	to: string;
	label?: string;
	share?: number;
}

const EDGE = 'a touchpoint id, or a map with `to`, `label` and `share`';
const EdgeSchema = z
	.union(
		[
			z.string({ error: EDGE }),
			z.strictObject(
				{
					to: text('Id of the touchpoint this edge leads to.'),
					label: text('Label on the edge, such as the answer to a question.').optional(),
					share: Share.optional().describe('Share of customers who take this edge.'),
				},
				{ error: 'a map with `to`, `label` and `share`' }
			),
		],
		{ error: EDGE }
	)
	.transform((value): Edge => (typeof value === 'string' ? { to: value } : value));

export const TouchpointSchema = z.strictObject(
	{
		name: text('What happens here, in the customer’s words.'),
		id: Id.optional(),
		channel: textList('Channel(s) the interaction happens through: web, phone, in person…').optional(),
		action: text('What the customer does.').optional(),
		thinking: text('What the customer thinks or asks.').optional(),
		feeling: text('How the customer feels, in one word.').optional(),
		emotion: EmotionSchema.optional(),
		pains: items('Pain points and barriers at this touchpoint.').optional(),
		opportunities: items('Ideas that would improve this touchpoint.').optional(),
		owner: text('Team or person responsible for this touchpoint.').optional(),
		criticality: z
			.enum(['low', 'medium', 'high'], { error: 'one of `low`, `medium`, `high`' })
			.optional()
			.describe('How critical this touchpoint is to the journey.'),
		conversion: Share.optional().describe(
			'Share of customers who reach the next step: 0 to 1, or "45%".'
		),
		kpis: z
			.record(z.string(), z.union([z.number({ error: 'a number or a string' }), z.string({ error: 'a number or a string' })], { error: 'a number or a string' }), {
				error: 'a map of KPI names to numbers or strings',
			})
			.optional()
			.describe('KPIs measured at this touchpoint.'),
		backstage: text('Service-blueprint lane: what happens behind the scenes.').optional(),
		support: text('Service-blueprint lane: supporting systems and processes.').optional(),
		moment: Moment.optional(),
		time: text('Time of day, for day-in-the-life maps.').optional(),
		persona: text('Which of the journey’s personas this touchpoint belongs to.').optional(),
		next: z
			.array(EdgeSchema, { error: 'a list of touchpoint ids' })
			.optional()
			.describe('Where the customer goes next; defaults to the next touchpoint, `[]` ends here.'),
	},
	{ error: 'a map with at least a `name`' }
);

export const StageSchema = z.strictObject(
	{
		name: text('Name of the stage, from the customer’s point of view.'),
		id: Id.optional(),
		goal: text('What the customer wants to achieve in this stage.').optional(),
		moment: Moment.optional(),
		touchpoints: z
			.array(TouchpointSchema, { error: 'a list of touchpoints' })
			.optional()
			.describe('Touchpoints of this stage, in order.'),
	},
	{ error: 'a map with at least a `name`' }
);

export interface Source {
	title: string;
	url?: string;
}

const SOURCE = 'a string, or a map with `title` and `url`';
const SourceSchema = z
	.union(
		[
			z.string({ error: SOURCE }),
			z.strictObject(
				{ title: text('Title of the research input.'), url: z.url({ protocol: /^(https?|mailto)$/, error: 'an http, https or mailto URL' }).optional().describe('Link to the research input (http, https or mailto; no scripts).') },
				{ error: 'a map with `title` and `url`' }
			),
		],
		{ error: SOURCE }
	)
	.transform((value): Source => (typeof value === 'string' ? { title: value } : value));

export const JourneySchema = z
	.strictObject(
		{
			title: text('Title of the journey map.'),
			persona: z
				.union([z.string({ error: 'a persona id, or a list of them' }), z.array(z.string({ error: 'a string' })).min(1, { error: 'a persona id, or a list of at least one' })], {
					error: 'a persona id, or a list of them',
				})
				.transform((value) => (Array.isArray(value) ? value : [value]))
				.describe('Persona id(s): paths under personas/ without `.md`.'),
			scenario: text('The situation the persona is in.').optional(),
			goal: text('The customer’s goal (not the business’s).').optional(),
			state: z
				.enum(['current', 'future'], { error: 'one of `current`, `future`' })
				.default('current')
				.describe('Whether the map shows the current state or a future state.'),
			baseline: text('Id of the journey this one is compared with.').optional(),
			status: z
				.enum(['hypothesis', 'validated'], { error: 'one of `hypothesis`, `validated`' })
				.optional()
				.describe('Whether the map rests on research (`validated`) or assumptions.'),
			sources: z
				.array(SourceSchema, { error: 'a list of sources' })
				.optional()
				.describe('Research inputs behind the map.'),
			owner: text('Who owns this journey map.').optional(),
			tags: tags().optional(),
			updated: z
				.union([z.iso.date(), z.iso.datetime({ offset: true })], {
					error: 'a date such as 2026-11-23',
				})
				.optional()
				.describe('When the map was last updated; defaults to the last git commit.'),
			stages: z
				.array(StageSchema, { error: 'a list of stages' })
				.min(1, { error: 'a list of at least one stage' })
				.describe('Stages of the journey, in order.'),
		},
		{ error: 'a map of journey fields' }
	)
	.describe('Frontmatter of a journey map (a Markdown file under journeys/).');

export const PersonaSchema = z
	.strictObject(
		{
			name: text('Name of the persona.'),
			role: text('Occupation or role, such as a B2B buying role.').optional(),
			segment: text('Customer segment the persona stands for.').optional(),
			quote: text('A line in the persona’s own words.').optional(),
			goals: textList('What the persona wants to achieve.').optional(),
			needs: textList('What the persona needs to succeed.').optional(),
			frustrations: textList('What the persona struggles with.').optional(),
			channels: textList('Channels the persona prefers.').optional(),
			traits: z
				.record(z.string(), z.union([z.string({ error: 'a string or a number' }), z.number({ error: 'a string or a number' })], { error: 'a string or a number' }), {
					error: 'a map of trait names to strings or numbers',
				})
				.optional()
				.describe('Traits such as age, location or tech savviness.'),
			avatar: text('Path of an image, relative to the persona file.').optional(),
			tags: tags().optional(),
		},
		{ error: 'a map of persona fields' }
	)
	.describe('Frontmatter of a persona (a Markdown file under personas/).');

export type JourneyInput = z.output<typeof JourneySchema>;
export type StageInput = z.output<typeof StageSchema>;
export type TouchpointInput = z.output<typeof TouchpointSchema>;
export type PersonaInput = z.output<typeof PersonaSchema>;
