/**
 * Reports of a semantic diff: plain text for the terminal, and Markdown for a pull-request
 * comment (a summary, a table of changes per journey, before/after emotion curves as a Mermaid
 * `xychart-beta` block, long parts folded into <details>, the whole under GitHub's limit).
 */
import type { PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { type Change, counted, type Curves, type EntityDiff, type Problem, type ProjectDiff } from '../core/index.ts';
import { markdownOptions } from './markdown-out.ts';

/** First line of the comment: how the workflow finds its own comment to update. */
export const DIFF_MARKER = '<!-- cjm-diff -->';
/** GitHub rejects comments longer than this. */
export const COMMENT_LIMIT = 65_536;
/** Tables longer than this are folded. */
const FOLD_ROWS = 20;
/** At most this many problems per list: the comment has to leave room for the changes. */
const PROBLEM_ROWS = 50;

const arrow = (change: Change) => (change.direction === 'up' ? ' ↑' : change.direction === 'down' ? ' ↓' : '');

/** What kind of change, in a few words. */
export function changeLabel(change: Change): string {
	const scope = change.scope === 'touchpoint' ? 'Touchpoint' : change.scope === 'stage' ? 'Stage' : change.scope === 'persona' ? 'Persona' : 'Journey';
	switch (change.kind) {
		case 'added':
		case 'removed':
		case 'renamed':
		case 'moved':
			return `${scope} ${change.kind}`;
		case 'emotion':
			return `Emotion${arrow(change)}`;
		case 'conversion':
			return `${change.scope === 'journey' ? 'End-to-end conversion' : 'Conversion'}${arrow(change)}`;
		case 'pain-added':
			return 'Pain added';
		case 'pain-resolved':
			return 'Pain resolved';
		case 'opportunity-added':
			return 'Opportunity added';
		case 'opportunity-removed':
			return 'Opportunity removed';
		case 'kpi':
			return `KPI “${change.field}”`;
		case 'owner':
		case 'field':
			return capitalize(change.field ?? change.kind);
	}
}

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

function cells(change: Change): [string, string, string, string] {
	const where = change.where ?? (change.scope === 'journey' ? 'Whole journey' : '');
	if (change.kind === 'added' && change.scope === 'touchpoint') return [changeLabel(change), where, '', `in ${change.after}`];
	if (change.kind === 'removed' && change.scope === 'touchpoint') return [changeLabel(change), where, `in ${change.before}`, ''];
	// A pain or opportunity has no "before" when added and no "after" when gone: an empty cell, not a missing value.
	if (change.kind === 'pain-added' || change.kind === 'opportunity-added') return [changeLabel(change), where, '', change.after ?? ''];
	if (change.kind === 'pain-resolved' || change.kind === 'opportunity-removed') return [changeLabel(change), where, change.before ?? '', ''];
	return [changeLabel(change), where, change.before ?? '—', change.after ?? '—'];
}

export interface Summary {
	journeys: Record<EntityDiff['status'], number>;
	personas: Record<EntityDiff['status'], number>;
	emotionUp: number;
	emotionDown: number;
	painsAdded: number;
	painsResolved: number;
	errors: number;
	warnings: number;
	/** Validation problems of the base that are gone. */
	fixed: number;
}

export function summarize(diff: ProjectDiff): Summary {
	const count = (list: EntityDiff[]) => ({
		added: list.filter((d) => d.status === 'added').length,
		removed: list.filter((d) => d.status === 'removed').length,
		renamed: list.filter((d) => d.status === 'renamed').length,
		changed: list.filter((d) => d.status === 'changed').length,
	});
	const changes = diff.journeys.flatMap((d) => d.changes);
	return {
		journeys: count(diff.journeys),
		personas: count(diff.personas),
		emotionUp: changes.filter((c) => c.kind === 'emotion' && c.direction === 'up').length,
		emotionDown: changes.filter((c) => c.kind === 'emotion' && c.direction === 'down').length,
		painsAdded: changes.filter((c) => c.kind === 'pain-added').length,
		painsResolved: changes.filter((c) => c.kind === 'pain-resolved').length,
		errors: diff.problems.introduced.filter((p) => p.severity === 'error').length,
		warnings: diff.problems.introduced.filter((p) => p.severity === 'warning').length,
		fixed: diff.problems.resolved.length,
	};
}

/** "3 journeys: 2 changed, 1 added · emotion up at 2 touchpoints, down at 1 · 1 pain added, 2 resolved · 1 new error" */
export function summaryLine(diff: ProjectDiff): string {
	const s = summarize(diff);
	const counts = (what: string, c: Summary['journeys']) => {
		const kinds = (['changed', 'added', 'renamed', 'removed'] as const).filter((k) => c[k] > 0);
		if (kinds.length === 0) return [];
		if (kinds.length === 1) return [`${counted(c[kinds[0]], what)} ${kinds[0]}`];
		return [`${counted(c.added + c.removed + c.renamed + c.changed, what)}: ${kinds.map((k) => `${c[k]} ${k}`).join(', ')}`];
	};
	// Only the counts that are not zero: "emotion down at 1 touchpoint", not "emotion 0 up, 1 down".
	const emotion = [s.emotionUp ? `up at ${counted(s.emotionUp, 'touchpoint')}` : '', s.emotionDown ? `down at ${s.emotionUp ? s.emotionDown : counted(s.emotionDown, 'touchpoint')}` : ''];
	const pains = [s.painsAdded ? `${counted(s.painsAdded, 'pain')} added` : '', s.painsResolved ? (s.painsAdded ? `${s.painsResolved} resolved` : `${counted(s.painsResolved, 'pain')} resolved`) : ''];
	const parts = [
		...counts('journey', s.journeys),
		...counts('persona', s.personas),
		...(s.emotionUp + s.emotionDown > 0 ? [`emotion ${emotion.filter(Boolean).join(', ')}`] : []),
		...(s.painsAdded + s.painsResolved > 0 ? [pains.filter(Boolean).join(', ')] : []),
	];
	const problems = [
		...(s.errors + s.warnings === 0 ? ['no new validation problems'] : []),
		...(s.errors ? [counted(s.errors, 'new error')] : []),
		...(s.warnings ? [counted(s.warnings, 'new warning')] : []),
		...(s.fixed ? [`${s.fixed} fixed`] : []),
	].join(', ');
	return parts.length === 0 ? `No journey or persona changed; ${problems}.` : `${parts.join(' · ')} · ${problems}`;
}

const STATUS_WORD: Record<EntityDiff['status'], string> = { added: 'added', removed: 'removed', renamed: 'renamed', changed: 'changed' };

/** Why a changed file shows no changes: one version of it cannot be read. */
const UNREADABLE: Record<NonNullable<EntityDiff['unreadable']>, string> = {
	head: 'This change leaves the file unreadable, so what else changed is not known: see the new validation problems.',
	base: 'The file could not be read before this change, so what changed is not known: see the fixed validation problems.',
};

/** The report for a terminal. */
export function diffText(diff: ProjectDiff): string {
	const lines = [summaryLine(diff), ''];
	for (const entity of [...diff.journeys, ...diff.personas]) {
		const from = entity.previousId ? ` (was ${entity.previousId})` : '';
		lines.push(`${entity.type} ${entity.id}${from}: ${STATUS_WORD[entity.status]} — ${entity.title}`);
		if (entity.unreadable) lines.push(`  ${UNREADABLE[entity.unreadable]}`);
		for (const change of entity.changes) {
			const [label, where, before, after] = cells(change);
			const value = before && after ? `${before} → ${after}` : before || after;
			lines.push(`  ${label.padEnd(22)} ${where ? `${where}: ` : ''}${value}`);
		}
		lines.push('');
	}
	const list = (title: string, problems: Problem[]) => {
		if (problems.length === 0) return;
		lines.push(title);
		for (const p of problems) lines.push(`  ${p.path}:${p.line}:${p.column}: ${p.severity} ${p.message} [${p.rule}]`);
		lines.push('');
	};
	list('New validation problems:', diff.problems.introduced);
	list('Fixed validation problems (where they were in the base):', diff.problems.resolved);
	return `${lines.join('\n').trimEnd()}\n`;
}

const textNode = (value: string) => ({ type: 'text' as const, value });
type Cell = string | PhrasingContent[];
const row = (values: Cell[]): TableRow => ({
	type: 'tableRow',
	children: values.map((value) => ({ type: 'tableCell', children: typeof value !== 'string' ? value : value ? [textNode(value)] : [] })),
});
const table = (header: string[], rows: Cell[][]): Table => ({ type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] });
/** A validation message with its `quoted` names as code, as the terminal reporters show them. */
const codeSpans = (value: string): PhrasingContent[] =>
	value.split(/`([^`]+)`/).flatMap((part, i): PhrasingContent[] => (part === '' ? [] : i % 2 === 1 ? [{ type: 'inlineCode', value: part }] : [textNode(part)]));
const html = (value: string): RootContent => ({ type: 'html', value });
const paragraph = (...children: Array<RootContent & { type: 'text' | 'inlineCode' | 'strong' | 'emphasis' }>): RootContent => ({ type: 'paragraph', children } as RootContent);

/** Wraps content in <details> (GitHub renders Markdown inside when blank lines surround it). */
const details = (summary: string, content: RootContent[]): RootContent[] => [
	html(`<details><summary>${summary.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</summary>`),
	...content,
	html('</details>'),
];

/** Before/after emotion curves as Mermaid's xychart (GitHub renders Mermaid code blocks in comments). */
export function emotionXyChart(curves: Curves, persona?: string): string {
	const label = (name: string) => {
		const plain = name.replace(/["\\\n\r]/g, ' ');
		return JSON.stringify(plain.length > 24 ? `${plain.slice(0, 23).trimEnd()}…` : plain);
	};
	return [
		'%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#9ca3af, #2563eb"}}}}%%',
		'xychart-beta',
		`  title "Emotion per touchpoint${persona ? ` of ${persona.replace(/["\\\n\r]/g, ' ')}` : ''}: before (grey) and after (blue)"`,
		`  x-axis [${curves.labels.map(label).join(', ')}]`,
		'  y-axis "Emotion" -2 --> 2',
		`  line [${curves.before.join(', ')}]`,
		`  line [${curves.after.join(', ')}]`,
	].join('\n');
}

function entitySection(entity: EntityDiff): RootContent[] {
	const from = entity.previousId ? [textNode(', was '), { type: 'inlineCode' as const, value: entity.previousId }] : [];
	const nodes: RootContent[] = [
		{ type: 'heading', depth: 3, children: [textNode(`${entity.type === 'journey' ? 'Journey' : 'Persona'} ${STATUS_WORD[entity.status]}: ${entity.title}`)] },
		{ type: 'paragraph', children: [{ type: 'inlineCode', value: entity.id }, ...from] },
		...(entity.unreadable ? [paragraph({ type: 'emphasis', children: [textNode(UNREADABLE[entity.unreadable])] } as never)] : []),
	];
	if (entity.changes.length > 0) {
		const changes = table(['Change', 'Where', 'Before', 'After'], entity.changes.map(cells));
		nodes.push(...(entity.changes.length > FOLD_ROWS ? details(`${entity.changes.length} changes`, [changes]) : [changes]));
	}
	const changed = (curves: Curves) => curves.before.some((score, i) => score !== curves.after[i]);
	if (entity.curves && changed(entity.curves)) {
		nodes.push(...details('Emotion curve, before and after', [{ type: 'code', lang: 'mermaid', value: emotionXyChart(entity.curves) }]));
	}
	// A multi-persona journey: a chart per person, never one line through two people's feelings.
	for (const curves of (entity.personaCurves ?? []).filter(changed)) {
		nodes.push(...details(`Emotion curve of ${curves.persona}, before and after`, [{ type: 'code', lang: 'mermaid', value: emotionXyChart(curves, curves.persona) }]));
	}
	return nodes;
}

function problemSection(title: string, problems: Problem[]): RootContent[] {
	if (problems.length === 0) return [];
	const rows = problems.slice(0, PROBLEM_ROWS).map((p) => [`${p.path}:${p.line}:${p.column}`, p.severity, codeSpans(p.message), p.rule]);
	const rest = problems.length - rows.length;
	const body: RootContent[] = [
		table(['Where', 'Severity', 'Message', 'Rule'], rows),
		...(rest > 0 ? [paragraph({ type: 'emphasis', children: [textNode(`${rest} more not shown; run `), { type: 'inlineCode', value: 'npx cjm validate' }, textNode(' to see them all.')] } as never)] : []),
	];
	return [{ type: 'heading', depth: 3, children: [textNode(title)] }, ...(problems.length > FOLD_ROWS ? details(`${problems.length} problems`, body) : body)];
}

const render = (nodes: RootContent[]) => toMarkdown({ type: 'root', children: nodes } as Root, markdownOptions);

/** The pull-request comment. `compare` names the two versions, e.g. `{ base: 'origin/main', head: 'working tree' }`. */
export function diffMarkdown(diff: ProjectDiff, options: { compare?: { base: string; head: string }; limit?: number } = {}): string {
	const limit = options.limit ?? COMMENT_LIMIT;
	const head: RootContent[] = [
		html(DIFF_MARKER),
		{ type: 'heading', depth: 2, children: [textNode('Journey map changes')] },
		paragraph({ type: 'strong', children: [textNode(summaryLine(diff))] } as never),
		...(options.compare
			? [paragraph(textNode('Compared '), { type: 'inlineCode', value: options.compare.base } as never, textNode(' with '), { type: 'inlineCode', value: options.compare.head } as never, textNode('.'))]
			: []),
		...problemSection('New validation problems', diff.problems.introduced),
	];
	const tail: RootContent[] = diff.problems.resolved.length > 0 ? details(`${counted(diff.problems.resolved.length, 'validation problem')} fixed`, problemSection('Fixed', diff.problems.resolved).slice(1)) : [];
	const sections = [...diff.journeys, ...diff.personas].map((entity) => render(entitySection(entity)));
	const start = render(head);
	const end = tail.length > 0 ? render(tail) : '';
	// Keep whole sections while they fit; say how many were left out.
	const kept: string[] = [];
	let length = start.length + end.length + 200;
	for (const section of sections) {
		if (length + section.length + 2 > limit) break;
		kept.push(section);
		length += section.length + 2;
	}
	const omitted = sections.length - kept.length;
	const note = omitted > 0 ? [`_${omitted} more changed ${omitted === 1 ? 'entry does' : 'entries do'} not fit in a comment; run \`npx cjm diff\` or see the workflow log for all of them._\n`] : [];
	return [start, ...kept, ...note, end].filter(Boolean).join('\n');
}
