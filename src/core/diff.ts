/**
 * What a change does to the journeys: the semantic difference between two versions of a project.
 * Things are matched by id (stage and touchpoint ids, journey and persona ids), so a renamed
 * touchpoint whose id survives is a rename, and a reordered stage is a move, never a delete
 * plus an add. Pure data in, pure data out; the report renderers decide how to show it.
 */
import type { VFile } from 'vfile';
import { READING_RULES } from './rules.ts';
import { ALL_PERSONAS, conversion as conversionInsights, mainPath, personaCurves } from './insights.ts';
import { percent, signed } from './words.ts';
import { comparedFields } from './fields.ts';
import { CONVERSION_KPI, type KpiSeries } from './metrics.ts';
import { type Item, type Journey, type Persona, type Project, type Stage, type Touchpoint, touchpointsOf } from './model.ts';
import { JOURNEY_NAMES, JourneySchema, PersonaSchema, StageSchema, TOUCHPOINT_NAMES, TouchpointSchema } from './schema.ts';

export type ChangeKind =
	| 'added'
	| 'removed'
	| 'renamed'
	| 'moved'
	| 'field'
	| 'emotion'
	| 'pain-added'
	| 'pain-resolved'
	| 'opportunity-added'
	| 'opportunity-removed'
	| 'conversion'
	| 'kpi'
	| 'owner';

export interface Change {
	kind: ChangeKind;
	scope: 'journey' | 'persona' | 'stage' | 'touchpoint';
	/** Id of the stage or touchpoint (absent for journey- and persona-level changes). */
	id?: string;
	/** What a reader calls it: the stage's or touchpoint's name. */
	where?: string;
	field?: string;
	before?: string;
	after?: string;
	/** For emotion and conversion: `up` is better for the customer. */
	direction?: 'up' | 'down';
}

export interface EntityDiff {
	type: 'journey' | 'persona';
	status: 'added' | 'removed' | 'renamed' | 'changed';
	id: string;
	/** The id before a rename. */
	previousId?: string;
	title: string;
	changes: Change[];
	/** Emotion curves before and after, over the touchpoints both versions have (journeys only). */
	curves?: Curves;
	/** The same per persona on a multi-persona journey, instead of `curves`: a line never joins two people. */
	personaCurves?: Array<Curves & { persona: string }>;
	/**
	 * The file is in both versions but one of them has errors that stop it being read, so what
	 * changed is not known: the validation problems say why. Not an add or a remove.
	 */
	unreadable?: 'base' | 'head';
}

export interface Curves {
	labels: string[];
	before: number[];
	after: number[];
}

export interface Problem {
	path: string;
	line: number;
	column: number;
	severity: 'error' | 'warning';
	rule: string;
	message: string;
}

export interface ProjectDiff {
	journeys: EntityDiff[];
	personas: EntityDiff[];
	/** Validation problems the change introduces, and ones it fixes. */
	problems: { introduced: Problem[]; resolved: Problem[] };
}

export interface Version {
	project: Project;
	files: VFile[];
}

/** The semantic difference from `base` to `head`. */
export function diffProjects(base: Version, head: Version): ProjectDiff {
	// File paths carry the display root, entity paths are relative to the project root.
	const fileIn = (version: Version) => (entity: { path: string }) => version.files.some((file) => file.path === entity.path || file.path.endsWith(`/${entity.path}`));
	const files = { base: fileIn(base), head: fileIn(head) };
	return {
		journeys: diffEntities(base.project.journeys, head.project.journeys, journeysAlike, diffJourney, (j) => j.title, 'journey', files),
		personas: diffEntities(base.project.personas, head.project.personas, (a, b) => a.name === b.name, diffPersona, (p) => p.name, 'persona', files),
		problems: diffProblems(problemsOf(base.files), problemsOf(head.files), unreadableFiles(head.files)),
	};
}

/** A journey moved to another file is still the same journey when its title or most touchpoints survive. */
function journeysAlike(a: Journey, b: Journey): boolean {
	if (a.title === b.title) return true;
	const before = new Set(touchpointsOf(a).map((t) => t.id));
	const after = touchpointsOf(b).map((t) => t.id);
	return after.filter((id) => before.has(id)).length * 2 > Math.max(before.size, after.length);
}

function diffEntities<T extends { id: string; path: string }>(
	base: T[],
	head: T[],
	alike: (a: T, b: T) => boolean,
	compare: (a: T, b: T) => Omit<EntityDiff, 'type' | 'status' | 'id' | 'title'>,
	title: (entity: T) => string,
	type: EntityDiff['type'],
	fileIn: Record<'base' | 'head', (entity: T) => boolean>
): EntityDiff[] {
	const before = new Map(base.map((entity) => [entity.id, entity]));
	const after = new Map(head.map((entity) => [entity.id, entity]));
	// Missing from one version only because its file there has errors: neither added nor removed.
	const unreadable = (entity: T, version: 'base' | 'head'): EntityDiff => ({ type, status: 'changed', id: entity.id, title: title(entity), changes: [], unreadable: version });
	let removed = base.filter((entity) => !after.has(entity.id));
	const diffs: EntityDiff[] = [];
	for (const entity of head) {
		if (!before.has(entity.id) && fileIn.base(entity)) {
			diffs.push(unreadable(entity, 'base'));
			continue;
		}
		const previous = before.get(entity.id) ?? removed.find((candidate) => !fileIn.head(candidate) && alike(candidate, entity));
		if (!previous) {
			diffs.push({ type, status: 'added', id: entity.id, title: title(entity), changes: [] });
			continue;
		}
		const renamed = previous.id !== entity.id;
		if (renamed) removed = removed.filter((candidate) => candidate !== previous);
		const detail = compare(previous, entity);
		if (renamed || detail.changes.length > 0) {
			diffs.push({ type, status: renamed ? 'renamed' : 'changed', id: entity.id, ...(renamed ? { previousId: previous.id } : {}), title: title(entity), ...detail });
		}
	}
	for (const entity of removed) diffs.push(fileIn.head(entity) ? unreadable(entity, 'head') : { type, status: 'removed', id: entity.id, title: title(entity), changes: [] });
	return diffs;
}

const text = (value: unknown): string | undefined => {
	if (value === undefined || value === null) return undefined;
	if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
	if (typeof value === 'object') return Object.keys(value).length === 0 ? undefined : JSON.stringify(value);
	return String(value);
};

function fieldChanges(before: object, after: object, fields: string[], scope: Change['scope'], where?: { id: string; where: string }): Change[] {
	return fields.flatMap((field) => {
		const a = text((before as Record<string, unknown>)[field]);
		const b = text((after as Record<string, unknown>)[field]);
		if (a === b) return [];
		return [{ kind: field === 'owner' ? ('owner' as const) : ('field' as const), scope, ...where, field, before: a, after: b }];
	});
}

// The fields compared as text, from the schema (the rest have code of their own below).
const JOURNEY_FIELDS = comparedFields<Journey>(JourneySchema, JOURNEY_NAMES);
const STAGE_FIELDS = comparedFields<Stage>(StageSchema);
const TOUCHPOINT_FIELDS = comparedFields<Touchpoint>(TouchpointSchema, TOUCHPOINT_NAMES);
const PERSONA_FIELDS = comparedFields<Persona>(PersonaSchema);

function diffPersona(before: Persona, after: Persona): Omit<EntityDiff, 'type' | 'status' | 'id' | 'title'> {
	const changes = fieldChanges(before, after, PERSONA_FIELDS, 'persona');
	// Trait by trait, like KPIs: one changed age is not worth the whole table of traits twice.
	for (const name of new Set([...Object.keys(before.traits), ...Object.keys(after.traits)])) {
		const [a, b] = [text(before.traits[name]), text(after.traits[name])];
		if (a !== b) changes.push({ kind: 'field', scope: 'persona', field: `trait ${name}`, before: a, after: b });
	}
	return { changes };
}

function diffJourney(before: Journey, after: Journey): Omit<EntityDiff, 'type' | 'status' | 'id' | 'title'> {
	const changes: Change[] = [...fieldChanges(before, after, JOURNEY_FIELDS, 'journey')];
	changes.push(...diffStages(before.stages, after.stages));
	changes.push(...diffTouchpoints(before, after));
	changes.push(...diffNotes(before, after));
	changes.push(...measuredChanges(before.measured, after.measured, 'journey'));

	// The whole journey's funnel, whoever takes each step: the number a diff reports as one change.
	const conversion = (journey: Journey) => conversionInsights(touchpointsOf(journey), mainPath(journey)).find((insight) => insight.kind === 'end-to-end-conversion')?.value;
	const [a, b] = [conversion(before), conversion(after)];
	if (a !== b && (a !== undefined || b !== undefined)) {
		changes.push({ kind: 'conversion', scope: 'journey', field: 'end-to-end conversion', before: a === undefined ? undefined : percent(a), after: b === undefined ? undefined : percent(b), ...direction(a, b) });
	}
	if (changes.length === 0) return { changes };
	const pairs = curves(before, after);
	if (pairs.length === 1 && pairs[0].persona === ALL_PERSONAS) return { changes, curves: withoutPersona(pairs[0]) };
	return { changes, ...(pairs.length > 0 ? { personaCurves: pairs } : {}) };
}

/** The start of a note, for the report: enough to recognise it, not the whole text. */
const excerpt = (markdown: string | undefined) => {
	if (markdown === undefined) return undefined;
	const flat = markdown.replace(/\s+/g, ' ').trim();
	return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};

/** Edits to the Markdown body: the notes of stages and touchpoints, and the general narrative by heading. */
function diffNotes(before: Journey, after: Journey): Change[] {
	const changes: Change[] = [];
	const note = (scope: 'stage' | 'touchpoint', id: string, where: string, a?: string, b?: string) => {
		if (a !== b) changes.push({ kind: 'field', scope, id, where, field: 'notes', before: excerpt(a), after: excerpt(b) });
	};
	const oldStages = new Map(before.stages.map((stage) => [stage.id, stage]));
	const oldTouchpoints = new Map(touchpointsOf(before).map((t) => [t.id, t]));
	for (const stage of after.stages) {
		const old = oldStages.get(stage.id);
		if (old) note('stage', stage.id, stage.name, old.notes?.markdown, stage.notes?.markdown);
		for (const touchpoint of stage.touchpoints) {
			const previous = oldTouchpoints.get(touchpoint.id);
			if (previous) note('touchpoint', touchpoint.id, touchpoint.name, previous.notes?.markdown, touchpoint.notes?.markdown);
		}
	}
	const sections = (journey: Journey) => new Map(journey.narrative.map((section) => [section.heading, section.markdown]));
	const [a, b] = [sections(before), sections(after)];
	for (const heading of new Set([...a.keys(), ...b.keys()])) {
		if (a.get(heading) !== b.get(heading)) {
			changes.push({ kind: 'field', scope: 'journey', field: heading ? `notes “${heading}”` : 'introduction', before: excerpt(a.get(heading)), after: excerpt(b.get(heading)) });
		}
	}
	return changes;
}

const direction = (before: number | undefined, after: number | undefined): Pick<Change, 'direction'> =>
	before === undefined || after === undefined || before === after ? {} : { direction: after > before ? 'up' : 'down' };

function diffStages(before: Stage[], after: Stage[]): Change[] {
	const changes: Change[] = [];
	const previous = new Map(before.map((stage) => [stage.id, stage]));
	const positionBefore = new Map(before.map((stage, index) => [stage.id, index]));
	const current = new Set(after.map((stage) => stage.id));
	const stable = new Set(commonSubsequence(before.map((s) => s.id), after.map((s) => s.id)));
	after.forEach((stage, index) => {
		const old = previous.get(stage.id);
		const at = { id: stage.id, where: stage.name };
		if (!old) return void changes.push({ kind: 'added', scope: 'stage', ...at });
		if (old.name !== stage.name) changes.push({ kind: 'renamed', scope: 'stage', ...at, before: old.name, after: stage.name });
		if (!stable.has(stage.id)) changes.push({ kind: 'moved', scope: 'stage', ...at, before: `position ${positionBefore.get(stage.id)! + 1}`, after: `position ${index + 1}` });
		changes.push(...fieldChanges(old, stage, STAGE_FIELDS, 'stage', at));
	});
	for (const stage of before) if (!current.has(stage.id)) changes.push({ kind: 'removed', scope: 'stage', id: stage.id, where: stage.name });
	return changes;
}

function diffTouchpoints(beforeJourney: Journey, afterJourney: Journey): Change[] {
	const before = touchpointsOf(beforeJourney);
	const after = touchpointsOf(afterJourney);
	const stageNames = (journey: Journey) => new Map(journey.stages.map((stage) => [stage.id, stage.name]));
	const [namesBefore, namesAfter] = [stageNames(beforeJourney), stageNames(afterJourney)];
	const stageName = (journey: Journey, id: string) => (journey === beforeJourney ? namesBefore : namesAfter).get(id) ?? id;
	const previous = new Map(before.map((t) => [t.id, t]));
	const now = new Map(after.map((t) => [t.id, t]));
	const current = new Set(now.keys());
	// A touchpoint moved when it changed stage, or changed order within its stage (a moved stage moves none of its touchpoints).
	const byStage = (list: Touchpoint[], other: Map<string, Touchpoint>) => {
		const groups = new Map<string, string[]>();
		for (const t of list) {
			if (other.get(t.id)?.stage !== t.stage) continue;
			const group = groups.get(t.stage);
			if (group) group.push(t.id);
			else groups.set(t.stage, [t.id]);
		}
		return groups;
	};
	const [stayedBefore, stayedAfter] = [byStage(before, now), byStage(after, previous)];
	const stable = new Set(afterJourney.stages.flatMap((stage) => commonSubsequence(stayedBefore.get(stage.id) ?? [], stayedAfter.get(stage.id) ?? [])));
	/** "position 2 in Ordering", from each touchpoint's index within its stage. */
	const indexIn = (journey: Journey) => new Map(journey.stages.flatMap((stage) => stage.touchpoints.map((t, i) => [t.id, i] as const)));
	const [indexBefore, indexAfter] = [indexIn(beforeJourney), indexIn(afterJourney)];
	// A `next` that is the default (the following touchpoint) in both versions changed only because touchpoints were added,
	// removed or moved, which is reported already: not a change of its own.
	const implicit = (list: Touchpoint[]) => new Set(list.filter((t, i) => JSON.stringify(t.next) === JSON.stringify(list[i + 1] ? [{ to: list[i + 1].id }] : [])).map((t) => t.id));
	const [implicitBefore, implicitAfter] = [implicit(before), implicit(after)];
	const changes: Change[] = [];
	for (const touchpoint of after) {
		const old = previous.get(touchpoint.id);
		const at = { id: touchpoint.id, where: touchpoint.name };
		if (!old) {
			changes.push({ kind: 'added', scope: 'touchpoint', ...at, after: stageName(afterJourney, touchpoint.stage) });
			changes.push(...diffTouchpoint({ ...touchpoint, emotion: undefined }, touchpoint, at).filter((change) => change.kind === 'emotion'));
			continue;
		}
		if (old.name !== touchpoint.name) changes.push({ kind: 'renamed', scope: 'touchpoint', ...at, before: old.name, after: touchpoint.name });
		if (old.stage !== touchpoint.stage) {
			changes.push({ kind: 'moved', scope: 'touchpoint', ...at, before: stageName(beforeJourney, old.stage), after: stageName(afterJourney, touchpoint.stage) });
		} else if (!stable.has(touchpoint.id)) {
			// Within its stage: "Awareness → Awareness" would say nothing.
			const place = (journey: Journey, t: Touchpoint) => `position ${((journey === beforeJourney ? indexBefore : indexAfter).get(t.id) ?? 0) + 1} in ${stageName(journey, t.stage)}`;
			changes.push({ kind: 'moved', scope: 'touchpoint', ...at, before: place(beforeJourney, old), after: place(afterJourney, touchpoint) });
		}
		const followsOrder = implicitBefore.has(old.id) && implicitAfter.has(touchpoint.id);
		changes.push(...diffTouchpoint(old, touchpoint, at).filter((change) => !(followsOrder && change.kind === 'field' && change.field === 'next')));
	}
	// An added or removed touchpoint shows its emotion too: the curves only cover touchpoints both versions have.
	for (const touchpoint of before) {
		if (current.has(touchpoint.id)) continue;
		const at = { id: touchpoint.id, where: touchpoint.name };
		changes.push({ kind: 'removed', scope: 'touchpoint', ...at, before: stageName(beforeJourney, touchpoint.stage) });
		changes.push(...diffTouchpoint(touchpoint, { ...touchpoint, emotion: undefined }, at).filter((change) => change.kind === 'emotion'));
	}
	return changes;
}

function diffTouchpoint(before: Touchpoint, after: Touchpoint, at: { id: string; where: string }): Change[] {
	const changes: Change[] = [];
	const [a, b] = [before.emotion?.actual, after.emotion?.actual];
	if (a !== b) changes.push({ kind: 'emotion', scope: 'touchpoint', ...at, before: a === undefined ? undefined : signed(a), after: b === undefined ? undefined : signed(b), ...direction(a, b) });
	const [da, db] = [before.emotion?.desired, after.emotion?.desired];
	if (da !== db) changes.push({ kind: 'field', scope: 'touchpoint', ...at, field: 'desired emotion', before: da === undefined ? undefined : signed(da), after: db === undefined ? undefined : signed(db) });
	changes.push(...diffItems(before.pains, after.pains, 'pain-added', 'pain-resolved', at));
	changes.push(...diffItems(before.opportunities, after.opportunities, 'opportunity-added', 'opportunity-removed', at));
	if (before.conversion !== after.conversion) {
		const show = (share?: number) => (share === undefined ? undefined : percent(share));
		changes.push({ kind: 'conversion', scope: 'touchpoint', ...at, before: show(before.conversion), after: show(after.conversion), ...direction(before.conversion, after.conversion) });
	}
	for (const name of new Set([...Object.keys(before.kpis), ...Object.keys(after.kpis)])) {
		const [ka, kb] = [text(before.kpis[name]), text(after.kpis[name])];
		if (ka !== kb) changes.push({ kind: 'kpi', scope: 'touchpoint', ...at, field: name, before: ka, after: kb });
	}
	changes.push(...measuredChanges(before.measured, after.measured, 'touchpoint', at));
	changes.push(...fieldChanges(before, after, TOUCHPOINT_FIELDS, 'touchpoint', at).map((change) => (change.field === 'next' ? { ...change, before: edges(before), after: edges(after) } : change)));
	return changes;
}

/** Latest measured values that changed, KPI by KPI; a measured conversion is already a conversion change. */
function measuredChanges(before: KpiSeries[] = [], after: KpiSeries[] = [], scope: Change['scope'], at?: { id: string; where: string }): Change[] {
	const latest = (series?: KpiSeries) => series && `${series.percent ? percent(series.latest.value) : Number(series.latest.value.toFixed(4))} (${series.latest.date})`;
	const kpis = new Set([...before, ...after].map((series) => series.kpi).filter((kpi) => scope === 'journey' || kpi !== CONVERSION_KPI));
	return [...kpis].flatMap((kpi) => {
		const [a, b] = [latest(before.find((s) => s.kpi === kpi)), latest(after.find((s) => s.kpi === kpi))];
		return a === b ? [] : [{ kind: 'kpi' as const, scope, ...at, field: `${kpi} (measured)`, before: a, after: b }];
	});
}

const edges = (touchpoint: Touchpoint) => touchpoint.next.map((edge) => edge.to).join(', ') || 'end of journey';

/** Pains and opportunities are matched by their text; an owner or rating change on the same text is a change of that item. */
function diffItems(before: Item[], after: Item[], added: ChangeKind, removed: ChangeKind, at: { id: string; where: string }): Change[] {
	const kind = added === 'pain-added' ? 'pain' : 'opportunity';
	const old = new Map(before.map((item) => [item.text, item]));
	const now = new Map(after.map((item) => [item.text, item]));
	return [
		...after.filter((item) => !old.has(item.text)).map((item): Change => ({ kind: added, scope: 'touchpoint', ...at, after: item.text })),
		...before.filter((item) => !now.has(item.text)).map((item): Change => ({ kind: removed, scope: 'touchpoint', ...at, before: item.text })),
		...after.flatMap((item) => {
			const previous = old.get(item.text);
			if (!previous) return [];
			return fieldChanges(previous, item, ['owner', 'impact', 'effort'], 'touchpoint', at).map((change) => ({ ...change, field: `${change.field} of ${kind} “${item.text}”` }));
		}),
	];
}

const withoutPersona = ({ labels, before, after }: Curves): Curves => ({ labels, before, after });

/**
 * Before and after curves over the touchpoints that have an emotion in both versions, in the new
 * order: one pair per persona of the new version (one pair, `all`, on a single-persona journey).
 */
function curves(before: Journey, after: Journey): Array<Curves & { persona: string }> {
	const old = new Map(personaCurves(before).flatMap(({ points }) => points).map((point) => [point.touchpoint.id, point.score]));
	return personaCurves(after).flatMap(({ persona, points }) => {
		const shared = points.filter((point) => old.has(point.touchpoint.id));
		if (shared.length < 2) return [];
		return [{ persona, labels: shared.map((point) => point.touchpoint.name), before: shared.map((point) => old.get(point.touchpoint.id)!), after: shared.map((point) => point.score) }];
	});
}

/**
 * The longest common subsequence of two lists of unique ids: the ones that kept their relative
 * order. With unique ids this is the longest increasing run of the new list's positions in the
 * old one, found in O(n log n) time and linear memory (a table of every pair ran out of memory at
 * 30,000 touchpoints). Of several equally long answers it keeps the one that comes first in `b`.
 */
export function commonSubsequence(a: string[], b: string[]): string[] {
	const position = new Map(a.map((id, i) => [id, i]));
	const ids = b.filter((id) => position.has(id));
	const at = ids.map((id) => position.get(id)!);
	// longest[k]: the longest increasing run that starts at k. tails[n]: the largest start of a run of n + 1, decreasing in n.
	const longest = new Array<number>(at.length);
	const tails: number[] = [];
	for (let k = at.length - 1; k >= 0; k--) {
		let low = 0;
		let high = tails.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (tails[middle] > at[k]) low = middle + 1;
			else high = middle;
		}
		longest[k] = low + 1;
		tails[low] = at[k];
	}
	const common: string[] = [];
	let need = tails.length;
	let last = -1;
	for (let k = 0; k < at.length && need > 0; k++) {
		if (longest[k] === need && at[k] > last) {
			common.push(ids[k]);
			last = at[k];
			need--;
		}
	}
	return common;
}

export function problemsOf(files: VFile[]): Problem[] {
	return files.flatMap((file) =>
		file.messages.map((message) => ({
			path: file.path,
			line: message.line ?? 1,
			column: message.column ?? 1,
			severity: message.fatal ? ('error' as const) : ('warning' as const),
			rule: message.ruleId ?? 'unknown',
			message: message.reason,
		}))
	);
}

/** Paths of the files that could not be read at all, so nothing else in them was checked. */
const unreadableFiles = (files: VFile[]) => new Set(files.filter((file) => file.messages.some((message) => READING_RULES.has(message.ruleId ?? ''))).map((file) => file.path));

/**
 * Problems are the same when file, rule and wording match: lines shift with unrelated edits. A
 * problem is fixed only when the head version of its file was read and checked: a file replaced
 * by binary bytes has not fixed the errors it had.
 */
function diffProblems(before: Problem[], after: Problem[], unreadableInHead: ReadonlySet<string>): ProjectDiff['problems'] {
	const key = (problem: Problem) => `${problem.path}\0${problem.rule}\0${problem.message}`;
	const minus = (from: Problem[], other: Problem[]) => {
		const counts = new Map<string, number>();
		for (const problem of other) counts.set(key(problem), (counts.get(key(problem)) ?? 0) + 1);
		return from.filter((problem) => {
			const left = counts.get(key(problem)) ?? 0;
			if (left > 0) counts.set(key(problem), left - 1);
			return left === 0;
		});
	};
	return { introduced: minus(after, before), resolved: minus(before, after).filter((problem) => !unreadableInHead.has(problem.path)) };
}
