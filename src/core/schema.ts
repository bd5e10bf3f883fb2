/**
 * The file format, defined once: zod schemas for persona and journey frontmatter.
 *
 * Every schema carries, as its `error`, the phrase that completes "expected …" in a message
 * ("Unexpected `emotion` 5, expected an integer from -2 to 2"), and a description that ends up
 * in the generated JSON Schema. Transforms normalise the forgiving input forms (a string or a
 * list, "45%" or 0.45) into one shape, and defaults fill in the empty lists and maps, so the
 * schemas' output is the model's data (see model.ts) and nothing downstream has to care. Each
 * journey, stage, touchpoint and persona field also says how the diff and the table show it
 * (`shows`, see fields.ts), so those views derive the fields they walk from here.
 */
import { z } from 'zod';
import { type FieldViews, shows } from './fields.ts';

/** The most touchpoints a journey may have (docs/file-format.md, "Limits"). */
export const MAX_TOUCHPOINTS = 1000;

const text = (description: string) => z.string({ error: 'a string' }).describe(description);

const TEXT_LIST = 'a string or a list of strings';

/** A string or a list of strings, normalised to a list; an empty list when missing. */
const textList = (description: string) =>
	z
		.union([z.string({ error: TEXT_LIST }), z.array(z.string({ error: 'a string' }))], { error: TEXT_LIST })
		.transform((value) => (Array.isArray(value) ? value : [value]))
		.default(() => [])
		.describe(description);

const tags = () => z.array(z.string({ error: 'a string' }), { error: 'a list of tags' }).default(() => []).describe('Free-form labels used to filter the catalog.');

/** Stage and touchpoint ids end up in URLs, anchors and Mermaid node ids. */
const Id = z
	.string({ error: 'an id of letters, digits, `-` and `_`' })
	.regex(/^[A-Za-z0-9][\w-]*$/)
	.describe('Stable id; defaults to the slug of `name`.');

export const MOMENTS = ['stimulus', 'zmot', 'fmot', 'smot', 'umot'] as const;
export type Moment = (typeof MOMENTS)[number];
const MomentSchema = z
	.enum(MOMENTS, { error: 'one of `stimulus`, `zmot`, `fmot`, `smot`, `umot`' })
	.describe('Moment of truth: stimulus, zero (zmot), first (fmot), second (smot) or ultimate (umot).');

const Score = z.int({ error: 'an integer from -2 to 2' }).min(-2).max(2);

const EmotionMap = z.strictObject(
	{
		actual: Score.describe('How the customer feels, from -2 to 2.'),
		desired: Score.optional().describe('How the customer wants to feel, from -2 to 2.'),
	},
	{ error: 'a map with `actual` and `desired`' }
);
export type Emotion = z.output<typeof EmotionMap>;

const EmotionSchema = z
	.union([Score, EmotionMap], { error: 'an integer from -2 to 2, or a map with `actual` and `desired`' })
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

const ItemMap = z.strictObject(
	{
		text: text('What the pain point or opportunity is.'),
		owner: text('Who owns fixing it.').optional(),
		impact: Rating('Impact from 1 (low) to 5 (high).').optional(),
		effort: Rating('Effort from 1 (low) to 5 (high).').optional(),
	},
	{ error: 'a map with `text`, `owner`, `impact` and `effort`' }
);
export type Item = z.output<typeof ItemMap>;

const ITEM = 'a string, or a map with `text`, `owner`, `impact` and `effort`';
const ItemSchema = z.union([z.string({ error: ITEM }), ItemMap], { error: ITEM });

const items = (description: string) =>
	z
		// The list first: most values are lists, and a list tried against ItemSchema first fails both
		// of its branches, which zod then writes out as messages (a third of the schema's time).
		.union([z.array(ItemSchema, { error: 'a list' }), ItemSchema], {
			error: 'a string, a map with `text`, or a list of them',
		})
		.transform((value): Item[] =>
			(Array.isArray(value) ? value : [value]).map((item) =>
				typeof item === 'string' ? { text: item } : item
			)
		)
		.default(() => [])
		.describe(description);

const EdgeMap = z.strictObject(
	{
		to: text('Id of the touchpoint this edge leads to.'),
		label: text('Label on the edge, such as the answer to a question.').optional(),
		share: Share.optional().describe('Share of customers who take this edge.'),
	},
	{ error: 'a map with `to`, `label` and `share`' }
);
export type Edge = z.output<typeof EdgeMap>;

const EDGE = 'a touchpoint id, or a map with `to`, `label` and `share`';
const EdgeSchema = z
	.union([z.string({ error: EDGE }), EdgeMap], { error: EDGE })
	.transform((value): Edge => (typeof value === 'string' ? { to: value } : value));

const ImageMap = z.strictObject(
	{
		src: text('Path of the image file, relative to the journey file, under journeys/, personas/ or assets/.'),
		alt: text('What the image shows, for people who cannot see it; `""` for a purely decorative image.').optional(),
	},
	{ error: 'a map with `src` and `alt`' }
);
/** A storyboard image: `src` is relative to the journey file as written, project-relative in the model. */
export type Image = z.output<typeof ImageMap>;

const IMAGE = 'an image path, or a map with `src` and `alt`';
const ImageSchema = z.union([z.string({ error: IMAGE }), ImageMap], { error: IMAGE });

/** One image or a list, normalised to a list of maps; a bare path (no alt text) is accepted, with a warning. */
const images = (description: string) =>
	z
		.union([z.array(ImageSchema, { error: 'a list' }), ImageSchema], { error: 'an image path, a map with `src` and `alt`, or a list of them' })
		.transform((value): Image[] => (Array.isArray(value) ? value : [value]).map((image) => (typeof image === 'string' ? { src: image } : image)))
		// Optional rather than defaulting to `[]`: most touchpoints have no image, and models built in code need not say so.
		.optional()
		.describe(description);

const LEVELS = ['low', 'medium', 'high'] as const;
/** A rough rating: criticality, confidence. */
export type Level = (typeof LEVELS)[number];
const LevelSchema = z.enum(LEVELS, { error: 'one of `low`, `medium`, `high`' });

const EVIDENCE = 'a source title or position (from 1), or a list of them';
/** A reference to one of the journey's `sources`: its title, or its position counting from 1. */
const EvidenceReference = z.union([z.string({ error: EVIDENCE }), z.int({ error: EVIDENCE }).min(1)], { error: EVIDENCE });

/** Why a view leaves out the fields about the whole journey. */
const ABOVE_THE_TABLE: FieldViews['table'] = { hidden: 'about the whole journey: the journey page shows it above the table' };
/** Why the table leaves out moments of truth. */
const NO_MOMENT_VIEW: FieldViews['table'] = { hidden: 'no view draws moments of truth yet; the diff reports their changes' };

/**
 * Touchpoint fields in the order of the table's lanes. The model calls `channel` `channels`
 * (see TOUCHPOINT_NAMES).
 */
export const TouchpointSchema = z.strictObject(
	{
		name: shows(text('What happens here, in the customer’s words.'), {
			table: { own: 'the column header, a deep link' },
			diff: { own: 'a rename, when the id stays' },
		}),
		id: shows(Id.optional(), {
			table: { own: 'the column’s anchor, `#touchpoint-<id>`' },
			diff: { own: 'what matches a touchpoint across versions: a new id is a removal plus an addition' },
		}),
		image: shows(images('Storyboard image(s) of this touchpoint: a path relative to the journey file, or {src, alt}, or a list of them.'), {
			table: { hidden: 'the table is text, also Markdown for pull requests: the journey map shows the pictures, in a row under the touchpoint names' },
			diff: 'compare',
		}),
		channel: shows(textList('Channel(s) the interaction happens through: web, phone, in person…'), { table: { lane: 'Channel' }, diff: 'compare' }),
		time: shows(text('Time of day, for day-in-the-life maps.').optional(), { table: { lane: 'Time', optional: true }, diff: 'compare' }),
		persona: shows(text('Which of the journey’s personas this touchpoint belongs to.').optional(), { table: { lane: 'Persona', optional: true }, diff: 'compare' }),
		action: shows(text('What the customer does.').optional(), { table: { lane: 'Doing' }, diff: 'compare' }),
		thinking: shows(text('What the customer thinks or asks.').optional(), { table: { lane: 'Thinking' }, diff: 'compare' }),
		feeling: shows(text('How the customer feels, in one word.').optional(), { table: { lane: 'Feeling' }, diff: 'compare' }),
		emotion: shows(EmotionSchema.optional(), {
			table: { lane: 'Feeling' },
			diff: { own: 'an emotion change with its direction, the desired emotion, and the before and after curves' },
		}),
		pains: shows(items('Pain points and barriers at this touchpoint.'), { table: { lane: 'Pains' }, diff: { own: 'pains added and resolved; owner and rating changes' } }),
		opportunities: shows(items('Ideas that would improve this touchpoint.'), {
			table: { lane: 'Opportunities' },
			diff: { own: 'opportunities added and removed; owner and rating changes' },
		}),
		owner: shows(text('Team or person responsible for this touchpoint.').optional(), { table: { lane: 'Owner' }, diff: 'compare' }),
		criticality: shows(LevelSchema.optional().describe('How critical this touchpoint is to the journey.'), { table: { lane: 'Criticality' }, diff: 'compare' }),
		confidence: shows(LevelSchema.optional().describe('How well research supports this touchpoint.'), { table: { lane: 'Confidence', optional: true }, diff: 'compare' }),
		evidence: shows(
			z
				// The list first, as for `items`: a list tried against EvidenceReference first fails both its branches.
				.union([z.array(EvidenceReference, { error: EVIDENCE }), EvidenceReference], { error: EVIDENCE })
				.transform((value) => (Array.isArray(value) ? value : [value]))
				.default(() => [])
				.describe('Research behind this touchpoint: titles of the journey’s `sources`, or their positions from 1.'),
			// The model holds the titles the references resolve to (parse-journey.ts), so the views show titles.
			{ table: { hidden: 'the journey map shows it, beside the criticality it supports; a lane of source titles would crowd the table' }, diff: 'compare' }
		),
		conversion: shows(Share.optional().describe('Share of customers who reach the next step: 0 to 1, or "45%".'), {
			table: { lane: 'Conversion & KPIs' },
			diff: { own: 'a conversion change with its direction' },
		}),
		kpis: shows(
			z
				.record(z.string(), z.union([z.number({ error: 'a number or a string' }), z.string({ error: 'a number or a string' })], { error: 'a number or a string' }), {
					error: 'a map of KPI names to numbers or strings',
				})
				.default(() => ({}))
				.describe('KPIs measured at this touchpoint.'),
			{ table: { lane: 'Conversion & KPIs' }, diff: { own: 'KPI by KPI' } }
		),
		backstage: shows(text('Service-blueprint lane: what happens behind the scenes.').optional(), { table: { lane: 'Backstage', optional: true }, diff: 'compare' }),
		support: shows(text('Service-blueprint lane: supporting systems and processes.').optional(), { table: { lane: 'Support', optional: true }, diff: 'compare' }),
		moment: shows(MomentSchema.optional(), { table: NO_MOMENT_VIEW, diff: 'compare' }),
		zoom: shows(text('Id of the journey that details this touchpoint (a path under journeys/ without `.md`).').optional(), {
			table: { hidden: 'the journey map links it from the touchpoint’s header' },
			diff: 'compare',
		}),
		next: shows(
			z
				.array(EdgeSchema, { error: 'a list of touchpoint ids' })
				.optional()
				.describe('Where the customer goes next; defaults to the next touchpoint, `[]` ends here.'),
			{ table: { hidden: 'the flow diagram draws it: a table has no room for arrows' }, diff: 'compare' }
		),
	},
	{ error: 'a map with at least a `name`' }
);

export const StageSchema = z.strictObject(
	{
		name: shows(text('Name of the stage, from the customer’s point of view.'), {
			table: { own: 'the stage header' },
			diff: { own: 'a rename, when the id stays' },
		}),
		id: shows(Id.optional(), {
			table: { own: 'the stage header’s anchor, `#stage-<id>`' },
			diff: { own: 'what matches a stage across versions: a new id is a removal plus an addition' },
		}),
		goal: shows(text('What the customer wants to achieve in this stage.').optional(), { table: { own: 'under the name in the stage header' }, diff: 'compare' }),
		moment: shows(MomentSchema.optional(), { table: NO_MOMENT_VIEW, diff: 'compare' }),
		touchpoints: shows(
			z
				.array(TouchpointSchema, { error: 'a list of touchpoints' })
				.default(() => [])
				.describe('Touchpoints of this stage, in order.'),
			{ table: { own: 'the stage’s columns' }, diff: { own: 'touchpoints added, removed, renamed, moved and changed' } }
		),
	},
	{ error: 'a map with at least a `name`' }
);

const SourceMap = z.strictObject(
	{
		title: text('Title of the research input.'),
		url: z.url({ protocol: /^(https?|mailto)$/, error: 'an http, https or mailto URL' }).optional().describe('Link to the research input (http, https or mailto; no scripts).'),
	},
	{ error: 'a map with `title` and `url`' }
);
export type Source = z.output<typeof SourceMap>;

const SOURCE = 'a string, or a map with `title` and `url`';
const SourceSchema = z
	.union([z.string({ error: SOURCE }), SourceMap], { error: SOURCE })
	.transform((value): Source => (typeof value === 'string' ? { title: value } : value));

/** The model calls `persona` `personas` (see JOURNEY_NAMES). */
export const JourneySchema = z
	.strictObject(
		{
			title: shows(text('Title of the journey map.'), { table: { own: 'the caption' }, diff: 'compare' }),
			persona: shows(
				z
					.union([z.string({ error: 'a persona id, or a list of them' }), z
							.array(z.string({ error: 'a string' }))
							.min(1, { error: 'a persona id, or a list of at least one' })
							// A persona named twice would show twice and count twice.
							.superRefine((ids, context) =>
								ids.forEach((id, i) => {
									if (ids.indexOf(id) !== i) context.addIssue({ code: 'custom', path: [i], message: 'each persona once', params: { rule: 'duplicate-id' } });
								})
							)], {
						error: 'a persona id, or a list of them',
					})
					.transform((value) => (Array.isArray(value) ? value : [value]))
					.describe('Persona id(s): paths under personas/ without `.md`.'),
				{ table: ABOVE_THE_TABLE, diff: 'compare' }
			),
			scenario: shows(text('The situation the persona is in.').optional(), { table: ABOVE_THE_TABLE, diff: 'compare' }),
			goal: shows(text('The customer’s goal (not the business’s).').optional(), { table: ABOVE_THE_TABLE, diff: 'compare' }),
			state: shows(
				z
					.enum(['current', 'future'], { error: 'one of `current`, `future`' })
					.default('current')
					.describe('Whether the map shows the current state or a future state.'),
				{ table: ABOVE_THE_TABLE, diff: 'compare' }
			),
			baseline: shows(text('Id of the journey this one is compared with.').optional(), { table: ABOVE_THE_TABLE, diff: 'compare' }),
			parent: shows(text('Id of the wider journey this one details.').optional(), { table: ABOVE_THE_TABLE, diff: 'compare' }),
			status: shows(
				z
					.enum(['hypothesis', 'validated'], { error: 'one of `hypothesis`, `validated`' })
					.optional()
					.describe('Whether the map rests on research (`validated`) or assumptions.'),
				{ table: ABOVE_THE_TABLE, diff: 'compare' }
			),
			sources: shows(
				z
					.array(SourceSchema, { error: 'a list of sources' })
					.default(() => [])
					.describe('Research inputs behind the map.'),
				{ table: ABOVE_THE_TABLE, diff: 'compare' }
			),
			owner: shows(text('Who owns this journey map.').optional(), { table: ABOVE_THE_TABLE, diff: 'compare' }),
			tags: shows(tags(), { table: ABOVE_THE_TABLE, diff: 'compare' }),
			updated: shows(
				z
					.union([z.iso.date(), z.iso.datetime({ offset: true })], {
						error: 'a date such as 2026-11-23',
					})
					.optional()
					.describe('When the map was last updated; defaults to the last git commit.'),
				{ table: ABOVE_THE_TABLE, diff: { hidden: 'it changes with every edit, or comes from git: noise in a review' } }
			),
			reviewed: shows(
				z
					.union([z.iso.date(), z.iso.datetime({ offset: true })], {
						error: 'a date such as 2026-11-23',
					})
					.optional()
					.describe('When the map was last reviewed with its owner; `stale-map` warns when that is longer ago than a review holds.'),
				{ table: ABOVE_THE_TABLE, diff: 'compare' }
			),
			stages: shows(
				z
					.array(StageSchema, { error: 'a list of stages' })
					.min(1, { error: 'a list of at least one stage' })
					.superRefine((stages, context) => {
						// Real maps have tens of touchpoints; past this one the map, the flow and the exports stop being readable, and a change stops being reviewable.
						let count = 0;
						stages.forEach((stage, s) =>
							stage.touchpoints.forEach((_, t) => {
								if (++count === MAX_TOUCHPOINTS + 1) {
									context.addIssue({ code: 'custom', path: [s, 'touchpoints', t], params: { rule: 'out-of-range' }, message: `at most ${MAX_TOUCHPOINTS} touchpoints in a journey (this is touchpoint ${count}): split it into journeys that each detail a part` });
								}
							})
						);
					})
					.describe('Stages of the journey, in order.'),
				{ table: { own: 'the column groups, one per stage' }, diff: { own: 'stages added, removed, renamed and moved' } }
			),
		},
		{ error: 'a map of journey fields' }
	)
	.describe('Frontmatter of a journey map (a Markdown file under journeys/).');

/** Personas have no table: only the diff's view is given. */
export const PersonaSchema = z
	.strictObject(
		{
			name: shows(text('Name of the persona.'), { diff: 'compare' }),
			role: shows(text('Occupation or role, such as a B2B buying role.').optional(), { diff: 'compare' }),
			segment: shows(text('Customer segment the persona stands for.').optional(), { diff: 'compare' }),
			quote: shows(text('A line in the persona’s own words.').optional(), { diff: 'compare' }),
			goals: shows(textList('What the persona wants to achieve.'), { diff: 'compare' }),
			needs: shows(textList('What the persona needs to succeed.'), { diff: 'compare' }),
			frustrations: shows(textList('What the persona struggles with.'), { diff: 'compare' }),
			channels: shows(textList('Channels the persona prefers.'), { diff: 'compare' }),
			traits: shows(
				z
					.record(z.string(), z.union([z.string({ error: 'a string or a number' }), z.number({ error: 'a string or a number' })], { error: 'a string or a number' }), {
						error: 'a map of trait names to strings or numbers',
					})
					.default(() => ({}))
					.describe('Traits such as age, location or tech savviness.'),
				{ diff: { own: 'trait by trait' } }
			),
			avatar: shows(text('Path of an image, relative to the persona file.').optional(), { diff: 'compare' }),
			tags: shows(tags(), { diff: 'compare' }),
		},
		{ error: 'a map of persona fields' }
	)
	.describe('Frontmatter of a persona (a Markdown file under personas/).');

/** Keys the model spells differently from the file: a touchpoint lists `channels`, a journey `personas`. */
export const TOUCHPOINT_NAMES = { channel: 'channels' } as const;
export const JOURNEY_NAMES = { persona: 'personas' } as const;

/** What a file may contain (before normalisation): for code that writes journey files. */
export type JourneyInput = z.input<typeof JourneySchema>;
export type PersonaInput = z.input<typeof PersonaSchema>;

/** What the schemas output: normalised, with defaults filled in; the model adds what is not in the file. */
export type JourneyFields = z.output<typeof JourneySchema>;
export type StageFields = z.output<typeof StageSchema>;
export type TouchpointFields = z.output<typeof TouchpointSchema>;
export type PersonaFields = z.output<typeof PersonaSchema>;
export type Criticality = NonNullable<TouchpointFields['criticality']>;
