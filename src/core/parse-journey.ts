/**
 * Parses one journey file into the model, reporting every problem it can find on its own
 * (cross-file references such as personas and baselines are checked by `checkProject`).
 */
import { posix } from 'node:path';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { lintBody } from './lint-body.ts';
import { lintJourney } from './lint-journey.ts';
import type { Edge, Image, Journey, Stage, Touchpoint } from './model.ts';
import { defaultStageId, defaultTouchpointId, visible } from './names.ts';
import type { Place } from './place.ts';
import { readValidated } from './read-validated.ts';
import { report } from './rules.ts';
import { renamed } from './fields.ts';
import { JOURNEY_NAMES, type JourneyFields, JourneySchema, TOUCHPOINT_NAMES } from './schema.ts';
import { attachSections } from './sections.ts';
import { didYouMean, suggester } from './suggest.ts';
import { type Path, placeOf, withPlace } from './yaml-path.ts';

/**
 * References that only the whole project can check, with where they are written. Places are found
 * when first read (`withPlace`): most references name something that exists and are never shown.
 */
export interface JourneyReferences {
	personas: Array<{ id: string; place: Place }>;
	baseline?: { id: string; place: Place };
	/** Every touchpoint image's `src` as written, in the order of `imagesOf`; only with a model (the images are read from it). */
	images?: Array<{ id: string; place: Place }>;
	/** The wider journey this one details. */
	parent?: { id: string; place: Place };
	/** Journeys that detail one of this journey's touchpoints, in touchpoint order; absent when none does. */
	zooms?: Array<{ id: string; place: Place }>;
	/** The `reviewed` date as written, for `stale-map` (checked with the project's settings). */
	reviewed?: { id: string; place: Place };
}

export interface ParsedJourney {
	/** The model; missing when the frontmatter does not fit the schema. */
	journey?: Journey;
	/** Read from the raw data, so they are checked even when the rest of the file has errors. */
	references: JourneyReferences;
}

/**
 * Parses `file` (a journey with id `id`, at project-relative `path`). Problems become messages
 * on `file`; the result is undefined when the frontmatter is too broken to build a model.
 */
export function parseJourney(file: VFile, id: string, path = file.path): ParsedJourney | undefined {
	const validated = readValidated(file, JourneySchema);
	if (!validated) return undefined;
	const { frontmatter, input } = validated;
	const at = (path: Path, target: 'key' | 'value' = 'value') => placeOf(frontmatter, path, target);
	const references = referencesOf(frontmatter.data, at);
	if (!input) return { references };

	const stages = buildStages(file, input, at);
	const journey: Journey = {
		id,
		path,
		...renamed(input, JOURNEY_NAMES),
		stages,
		narrative: [],
		body: frontmatter.text.slice(frontmatter.bodyOffset).trim(),
	};
	references.images = imageReferences(file, journey, frontmatter.data, at);
	checkTouchpointPersonas(file, journey, at);
	journey.narrative = attachSections(file, frontmatter, stages);
	lintJourney(file, journey, at);
	lintBody(file, frontmatter);
	return { journey, references };
}

/** The persona, baseline, parent and zoom ids as written, whatever else is wrong with the file. */
function referencesOf(data: Record<string, unknown>, at: (path: Path) => Place): JourneyReferences {
	const { persona, baseline, parent, stages, reviewed } = data;
	const personas =
		typeof persona === 'string'
			? [withPlace({ id: persona }, ['persona'], at)]
			: Array.isArray(persona)
				? persona.flatMap((id, index) => (typeof id === 'string' ? [withPlace({ id }, ['persona', index], at)] : []))
				: [];
	const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
	const zooms = listAt(stages).flatMap((stage, s) =>
		listAt((stage as { touchpoints?: unknown } | null)?.touchpoints).flatMap((touchpoint, t) => {
			const zoom = (touchpoint as { zoom?: unknown } | null)?.zoom;
			return typeof zoom === 'string' ? [withPlace({ id: zoom }, ['stages', s, 'touchpoints', t, 'zoom'], at)] : [];
		})
	);
	return {
		personas,
		...(typeof baseline === 'string' ? { baseline: withPlace({ id: baseline }, ['baseline'], at) } : {}),
		...(typeof parent === 'string' ? { parent: withPlace({ id: parent }, ['parent'], at) } : {}),
		...(typeof reviewed === 'string' ? { reviewed: withPlace({ id: reviewed }, ['reviewed'], at) } : {}),
		...(zooms.length > 0 ? { zooms } : {}),
	};
}

/** A journey's images with the touchpoint each belongs to, in the order of `JourneyReferences.images`. */
export function imagesOf(journey: Journey): Array<{ touchpoint: Touchpoint; image: Image }> {
	return journey.stages.flatMap((stage) => stage.touchpoints.flatMap((touchpoint) => (touchpoint.image ?? []).map((image) => ({ touchpoint, image }))));
}

/**
 * The `src` of every image as written, placed where it is written (its existence is checked by
 * `loadProject`, which knows the disk); the model's `src` becomes project-relative. An image
 * without `alt` gets a warning here: a bare path is accepted, but says nothing to a screen reader.
 */
function imageReferences(file: VFile, journey: Journey, data: Record<string, unknown>, at: At): NonNullable<JourneyReferences['images']> {
	const references: NonNullable<JourneyReferences['images']> = [];
	journey.stages.forEach((stage, s) =>
		stage.touchpoints.forEach((touchpoint, t) => {
			const path = ['stages', s, 'touchpoints', t, 'image'];
			const raw = (valueAt(data, path) as unknown) ?? [];
			const written = Array.isArray(raw) ? raw : [raw];
			touchpoint.image?.forEach((image, i) => {
				const srcPath = [...path, ...(Array.isArray(raw) ? [i] : []), ...(typeof written[i] === 'string' ? [] : ['src'])];
				references.push(withPlace({ id: image.src }, srcPath, at));
				if (image.alt === undefined) {
					report(
						file,
						'missing-alt',
						`Missing \`alt\` text for image \`${visible(image.src)}\` of touchpoint \`${touchpoint.name}\`, write it as \`{src: ${visible(image.src)}, alt: …}\` and say what the image shows`,
						at(srcPath)
					);
				}
				image.src = posix.join(posix.dirname(journey.path), image.src);
			});
		})
	);
	return references;
}

const valueAt = (data: unknown, path: Path): unknown =>
	path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);

type At = (path: Path, target?: 'key' | 'value') => ReturnType<typeof placeOf>;

function buildStages(file: VFile, input: JourneyFields, at: At): Stage[] {
	const stageIds = new Map<string, Path>();
	const touchpointIds = new Map<string, Path>();
	const claim = (ids: Map<string, Path>, id: string, path: Path, explicit: boolean, kind: string) => {
		const first = ids.get(id);
		if (first) {
			const cause = new VFileMessage(`First ${kind} with id \`${id}\` defined here`, { place: at(first), source: 'cjm' });
			const advice = explicit ? 'give it another `id`' : 'rename it or give it an `id`';
			report(file, 'duplicate-id', `Unexpected duplicate ${kind} id \`${id}\`, ${advice}`, at(path), { cause });
		} else ids.set(id, path);
	};

	const stages = input.stages.map((fields, s): Stage => {
		const stagePath = ['stages', s];
		const stageId = fields.id ?? defaultStageId(fields.name, s);
		claim(stageIds, stageId, [...stagePath, fields.id ? 'id' : 'name'], Boolean(fields.id), 'stage');
		const touchpoints = fields.touchpoints.map((raw, t): Touchpoint => {
			const path = [...stagePath, 'touchpoints', t];
			const touchpointId = raw.id ?? defaultTouchpointId(raw.name, stageId, t);
			claim(touchpointIds, touchpointId, [...path, raw.id ? 'id' : 'name'], Boolean(raw.id), 'touchpoint');
			// `next` and `evidence` are resolved once every id and source is known (resolveNext, resolveEvidence).
			return { ...renamed(raw, TOUCHPOINT_NAMES), id: touchpointId, stage: stageId, next: [], evidence: undefined };
		});
		return { ...fields, id: stageId, touchpoints };
	});

	resolveNext(file, input, stages, touchpointIds, at);
	resolveEvidence(file, input, stages, at);
	return stages;
}

/**
 * Turns each `evidence` reference (a source's title, ignoring case, or its position from 1) into
 * the source's title; a reference to no source is reported where it is written and left out.
 */
function resolveEvidence(file: VFile, input: JourneyFields, stages: Stage[], at: At): void {
	const titles = input.sources.map((source) => source.title);
	const byTitle = new Map(titles.map((title) => [title.trim().toLowerCase(), title]));
	let typos: ReturnType<typeof suggester> | undefined;
	stages.forEach((stage, s) =>
		stage.touchpoints.forEach((touchpoint, t) => {
			const evidence = input.stages[s].touchpoints[t].evidence.flatMap((reference, e) => {
				const title = typeof reference === 'number' ? titles[reference - 1] : byTitle.get(reference.trim().toLowerCase());
				if (title !== undefined) return [title];
				const suggestion = typeof reference === 'string' ? (typos ??= suggester(titles)).closest(reference) : undefined;
				const advice =
					titles.length === 0
						? 'expected a source of this journey, and it lists none: add it to `sources`'
						: suggestion
							? `did you mean \`${suggestion}\`?`
							: `expected the title of one of the journey’s \`sources\` or its position, from 1 to ${titles.length}`;
				// With the shorthand `evidence: 2` the path runs into the scalar, which is then the place.
				const place = at(['stages', s, 'touchpoints', t, 'evidence', e]);
				report(file, 'unknown-source', `Unexpected \`evidence\` ${typeof reference === 'number' ? reference : `\`${reference}\``}, ${advice}`, place, {
					expected: suggestion ? [suggestion] : titles,
				});
				return [];
			});
			if (evidence.length > 0) touchpoint.evidence = evidence;
		})
	);
}

/** Checks explicit `next` targets and fills in the default: the following touchpoint in order. */
function resolveNext(file: VFile, input: JourneyFields, stages: Stage[], ids: Map<string, Path>, at: At): void {
	const all = stages.flatMap((stage) => stage.touchpoints);
	const typos = suggester([...ids.keys()]);
	let index = 0;
	stages.forEach((stage, s) =>
		stage.touchpoints.forEach((touchpoint, t) => {
			const raw = input.stages[s].touchpoints[t];
			const following = all[++index];
			if (raw.next === undefined) {
				touchpoint.next = following ? [{ to: following.id }] : [];
				return;
			}
			touchpoint.next = raw.next.filter((edge: Edge, e) => {
				if (ids.has(edge.to)) return true;
				const suggestion = typos.closest(edge.to);
				const path = ['stages', s, 'touchpoints', t, 'next', e, 'to'];
				report(
					file,
					'unknown-next',
					`Unexpected \`next\` target \`${edge.to}\`, ${suggestion ? `did you mean \`${suggestion}\`?` : 'expected the id of a touchpoint in this journey'}`,
					at(path),
					{ expected: suggestion ? [suggestion] : [...ids.keys()] }
				);
				return false;
			});
		})
	);
}

function checkTouchpointPersonas(file: VFile, journey: Journey, at: At): void {
	journey.stages.forEach((stage, s) =>
		stage.touchpoints.forEach((touchpoint, t) => {
			if (touchpoint.persona === undefined || journey.personas.includes(touchpoint.persona)) return;
			const suggestion = didYouMean(touchpoint.persona, journey.personas);
			report(
				file,
				'unknown-persona',
				`Unexpected touchpoint \`persona\` \`${touchpoint.persona}\`, ${suggestion ? `did you mean \`${suggestion}\`?` : `expected one of the journey’s personas (add it to \`persona\` at the top)`}`,
				at(['stages', s, 'touchpoints', t, 'persona']),
				{ expected: journey.personas }
			);
		})
	);
}
