/**
 * Reports of a semantic diff: plain text for the terminal, and Markdown for a pull-request
 * comment (a summary, a table of changes per journey, before/after emotion curves as a Mermaid
 * `xychart-beta` block, long parts folded into <details>, the whole under GitHub's limit).
 */
import type { Root, RootContent, Table, TableRow } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Change, EntityDiff, Problem, ProjectDiff } from '../core/diff.ts';

/** First line of the comment: how the workflow finds its own comment to update. */
export const DIFF_MARKER = '<!-- cjm-diff -->';
/** GitHub rejects comments longer than this. */
export const COMMENT_LIMIT = 65_536;
/** Tables longer than this are folded. */
const FOLD_ROWS = 20;

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
			return `KPI ${change.field}`;
		case 'owner':
			return 'Owner';
		case 'field':
			return change.field ?? 'Field';
	}
}

function cells(change: Change): [string, string, string, string] {
	const where = change.where ?? '';
	if (change.kind === 'added' && change.scope === 'touchpoint') return [changeLabel(change), where, '', `in ${change.after}`];
	if (change.kind === 'removed' && change.scope === 'touchpoint') return [changeLabel(change), where, `in ${change.before}`, ''];
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
	};
}

/** "2 journeys changed, 1 added · emotion 2 up, 1 down · pains 1 added, 2 resolved · 1 new error" */
export function summaryLine(diff: ProjectDiff): string {
	const s = summarize(diff);
	const counts = (what: string, c: Summary['journeys']) => {
		const parts = (['changed', 'added', 'renamed', 'removed'] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
		const total = c.added + c.removed + c.renamed + c.changed;
		return total === 0 ? [] : [`${total} ${what}${total === 1 ? '' : 's'}: ${parts.join(', ')}`];
	};
	const parts = [
		...counts('journey', s.journeys),
		...counts('persona', s.personas),
		...(s.emotionUp + s.emotionDown > 0 ? [`emotion ${s.emotionUp} up, ${s.emotionDown} down`] : []),
		...(s.painsAdded + s.painsResolved > 0 ? [`pains ${s.painsAdded} added, ${s.painsResolved} resolved`] : []),
	];
	const problems =
		s.errors + s.warnings === 0
			? 'no new validation problems'
			: [s.errors ? `${s.errors} new error${s.errors === 1 ? '' : 's'}` : '', s.warnings ? `${s.warnings} new warning${s.warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
	return parts.length === 0 ? `No journey or persona changed; ${problems}.` : `${parts.join(' · ')} · ${problems}`;
}

const STATUS_WORD: Record<EntityDiff['status'], string> = { added: 'added', removed: 'removed', renamed: 'renamed', changed: 'changed' };

/** The report for a terminal. */
export function diffText(diff: ProjectDiff): string {
	const lines = [summaryLine(diff), ''];
	for (const entity of [...diff.journeys, ...diff.personas]) {
		const from = entity.previousId ? ` (was ${entity.previousId})` : '';
		lines.push(`${entity.type} ${entity.id}${from}: ${STATUS_WORD[entity.status]} — ${entity.title}`);
		for (const change of entity.changes) {
			const [label, where, before, after] = cells(change);
			const value = before && after ? `${before} → ${after}` : before || after;
			lines.push(`  ${label.padEnd(22)} ${where ? `${where}: ` : ''}${value}`);
		}
		lines.push('');
	}
	if (diff.problems.introduced.length > 0) {
		lines.push('New validation problems:');
		for (const p of diff.problems.introduced) lines.push(`  ${p.path}:${p.line}:${p.column}: ${p.severity} ${p.message} [${p.rule}]`);
		lines.push('');
	}
	if (diff.problems.resolved.length > 0) lines.push(`${diff.problems.resolved.length} validation problem(s) fixed.`, '');
	return `${lines.join('\n').trimEnd()}\n`;
}

const textNode = (value: string) => ({ type: 'text' as const, value });
const row = (values: string[]): TableRow => ({ type: 'tableRow', children: values.map((value) => ({ type: 'tableCell', children: value ? [textNode(value)] : [] })) });
const table = (header: string[], rows: string[][]): Table => ({ type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] });
const html = (value: string): RootContent => ({ type: 'html', value });
const paragraph = (...children: Array<RootContent & { type: 'text' | 'inlineCode' | 'strong' | 'emphasis' }>): RootContent => ({ type: 'paragraph', children } as RootContent);

/** Wraps content in <details> (GitHub renders Markdown inside when blank lines surround it). */
const details = (summary: string, content: RootContent[]): RootContent[] => [
	html(`<details><summary>${summary.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</summary>`),
	...content,
	html('</details>'),
];

/** Before/after emotion curves as Mermaid's xychart (GitHub renders Mermaid code blocks in comments). */
export function emotionXyChart(curves: NonNullable<EntityDiff['curves']>): string {
	const label = (name: string) => JSON.stringify(name.replace(/["\\\n\r]/g, ' ').slice(0, 24));
	return [
		'%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#9ca3af, #2563eb"}}}}%%',
		'xychart-beta',
		'  title "Emotion per touchpoint: before (grey) and after (blue)"',
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
	];
	if (entity.changes.length > 0) {
		const changes = table(['Change', 'Where', 'Before', 'After'], entity.changes.map(cells));
		nodes.push(...(entity.changes.length > FOLD_ROWS ? details(`${entity.changes.length} changes`, [changes]) : [changes]));
	}
	if (entity.curves && entity.changes.some((c) => c.kind === 'emotion')) {
		nodes.push(...details('Emotion curve, before and after', [{ type: 'code', lang: 'mermaid', value: emotionXyChart(entity.curves) }]));
	}
	return nodes;
}

function problemSection(title: string, problems: Problem[]): RootContent[] {
	if (problems.length === 0) return [];
	const rows = problems.map((p) => [`${p.path}:${p.line}:${p.column}`, p.severity, p.message, p.rule]);
	const body = table(['Where', 'Severity', 'Message', 'Rule'], rows);
	return [{ type: 'heading', depth: 3, children: [textNode(title)] }, ...(problems.length > FOLD_ROWS ? details(`${problems.length} problems`, [body]) : [body])];
}

const render = (nodes: RootContent[]) => toMarkdown({ type: 'root', children: nodes } as Root, { extensions: [gfmTableToMarkdown({ tablePipeAlign: false })] });

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
	const tail: RootContent[] = diff.problems.resolved.length > 0 ? details(`${diff.problems.resolved.length} validation problem(s) fixed`, problemSection('Fixed', diff.problems.resolved).slice(1)) : [];
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
