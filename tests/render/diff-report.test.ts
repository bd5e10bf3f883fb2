// @vitest-environment jsdom
/*
 * The diff reports on synthetic diffs: GitHub's comment limit with hundreds of changed journeys,
 * folding of long tables, the problem lists, the summary line, and the Mermaid chart checked by
 * mermaid's own parser (which needs a DOM, hence jsdom; see tests/render/mermaid.test.ts).
 */
import mermaid from 'mermaid';
import { describe, expect, test } from 'vitest';
import type { Change, EntityDiff, Problem, ProjectDiff } from '../../src/core/diff.ts';
import { COMMENT_LIMIT, DIFF_MARKER, diffMarkdown, diffText, emotionXyChart, summaryLine } from '../../src/render/diff-report.ts';

const NONE: ProjectDiff['problems'] = { introduced: [], resolved: [] };

const emotion = (i: number): Change => ({ kind: 'emotion', scope: 'touchpoint', id: `t${i}`, where: `Touchpoint number ${i}`, before: '−1', after: '+1', direction: 'up' });

/** A changed journey with `count` emotion changes and a curve over `count` touchpoints. */
function journey(n: number, count = 8): EntityDiff {
	return {
		type: 'journey',
		status: 'changed',
		id: `area-${n}/journey-${n}`,
		title: `Journey number ${n} with a reasonably long descriptive title`,
		changes: Array.from({ length: count }, (_, i) => emotion(i)),
		curves: { labels: Array.from({ length: count }, (_, i) => `Touchpoint number ${i}`), before: Array(count).fill(-1), after: Array(count).fill(1) },
	};
}

const problem = (i: number, severity: Problem['severity'] = 'error'): Problem => ({
	path: `journeys/area-${i}/journey-${i}.md`,
	line: i + 1,
	column: 9,
	severity,
	rule: 'unknown-key',
	message: `Unexpected key \`colour\` in touchpoint \`Touchpoint number ${i}\`, expected one of \`name\`, \`id\`, \`channel\` or \`action\``,
});

const diff = (journeys: EntityDiff[], problems = NONE, personas: EntityDiff[] = []): ProjectDiff => ({ journeys, personas, problems });

/** The `<details>` blocks of a report: their summary and what is inside. */
const folds = (markdown: string) => [...markdown.matchAll(/<details><summary>(.*?)<\/summary>\n\n([\s\S]*?)\n\n<\/details>/g)].map(([, summary, body]) => ({ summary, body }));

describe('the comment limit', () => {
	test('hundreds of changed journeys: under 65,536 characters, whole sections only, the rest counted', () => {
		const many = Array.from({ length: 600 }, (_, n) => journey(n));
		const markdown = diffMarkdown(diff(many), { compare: { base: 'origin/main', head: 'working tree' } });
		expect(COMMENT_LIMIT).toBe(65_536);
		expect(markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT);
		expect(markdown.startsWith(`${DIFF_MARKER}\n`)).toBe(true);
		// The summary still counts everything, not only what fits.
		expect(markdown).toContain('**600 journeys changed · emotion up at 4800 touchpoints · no new validation problems**');

		const shown = [...markdown.matchAll(/^### Journey changed: Journey number (\d+) /gm)].map((match) => Number(match[1]));
		expect(shown.length).toBeGreaterThan(10);
		expect(shown).toEqual(shown.map((_, i) => i)); // in order, none skipped in between
		const left = 600 - shown.length;
		expect(markdown).toContain(`_${left} more changed entries do not fit in a comment; run \`npx cjm diff\` or see the workflow log for all of them._`);
		// Every section that is shown is whole: its table and its folded chart are closed.
		expect(markdown.match(/<details>/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
		expect(markdown.match(/```mermaid/g)?.length).toBe(shown.length);
		expect(markdown.trimEnd().endsWith('for all of them._')).toBe(true);
	});

	test('the limit can be set lower; one entry left out is said in the singular', () => {
		const two = [journey(0), journey(1)];
		const full = diffMarkdown(diff(two));
		const section = full.length - diffMarkdown(diff([journey(0)])).length;
		const markdown = diffMarkdown(diff(two), { limit: full.length - section / 2 });
		expect(markdown.length).toBeLessThanOrEqual(full.length - section / 2);
		expect(markdown).toContain('Journey number 0 ');
		expect(markdown).not.toContain('Journey number 1 ');
		expect(markdown).toContain('_1 more changed entry does not fit in a comment;');
	});

	test('a journey too big for a comment on its own is left out and counted, not cut in half', () => {
		const huge = journey(0, 3000);
		const markdown = diffMarkdown(diff([huge, journey(1)]));
		expect(markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT);
		expect(markdown).not.toContain('Journey number 0 ');
		// Sections are kept in order until one does not fit: the smaller one after it is left out too.
		expect(markdown).toContain('_2 more changed entries do not fit in a comment;');
	});

	test('thousands of new problems: 50 shown, the rest counted, and room left for the changes', () => {
		const introduced = Array.from({ length: 2000 }, (_, i) => problem(i));
		const resolved = Array.from({ length: 2000 }, (_, i) => problem(i, 'warning'));
		const markdown = diffMarkdown(diff(Array.from({ length: 300 }, (_, n) => journey(n)), { introduced, resolved }));
		expect(markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT);
		expect(markdown).toContain('**300 journeys changed · emotion up at 2400 touchpoints · 2000 new errors, 2000 fixed**');
		const [newProblems, ...rest] = folds(markdown);
		expect(newProblems.summary).toBe('2000 problems');
		expect(newProblems.body.split('\n').filter((line) => line.startsWith('| journeys/'))).toHaveLength(50);
		expect(newProblems.body).toContain('*1950 more not shown; run `npx cjm validate` to see them all.*');
		expect(markdown).toMatch(/^### Journey changed: Journey number 0 /m);
		const fixed = rest.at(-1)!;
		expect(fixed.summary).toBe('2000 validation problems fixed');
		expect(fixed.body).toContain('1950 more not shown');
	});
});

describe('folding', () => {
	const fold = (count: number) => diffMarkdown(diff([{ ...journey(0, count), curves: undefined }]));

	test('a table of more than 20 changes is folded, with the count as its summary', () => {
		expect(folds(fold(20))).toEqual([]);
		expect(fold(20)).toContain('| Emotion ↑ | Touchpoint number 19 | −1 | +1 |');
		const [table] = folds(fold(21));
		expect(table.summary).toBe('21 changes');
		expect(table.body.split('\n')).toHaveLength(2 + 21);
		expect(table.body.startsWith('| Change | Where | Before | After |\n| - | - | - | - |\n')).toBe(true);
	});

	test('the emotion curve is always folded, with blank lines around so GitHub renders the Markdown inside', () => {
		const markdown = diffMarkdown(diff([journey(0, 3)]));
		expect(markdown).toContain('\n<details><summary>Emotion curve, before and after</summary>\n\n```mermaid\n');
		expect(markdown).toContain('\n```\n\n</details>\n');
	});

	test('no chart when the curves are the same, e.g. only a touchpoint added elsewhere', () => {
		const same = { ...journey(0, 3), curves: { labels: ['a', 'b', 'c'], before: [0, 1, 2], after: [0, 1, 2] } };
		expect(diffMarkdown(diff([same]))).not.toContain('mermaid');
	});

	test('more than 20 new problems are folded', () => {
		const markdown = diffMarkdown(diff([], { introduced: Array.from({ length: 21 }, (_, i) => problem(i)), resolved: [] }));
		expect(folds(markdown).map((each) => each.summary)).toEqual(['21 problems']);
		expect(diffMarkdown(diff([], { introduced: [problem(0)], resolved: [] }))).not.toContain('<details>');
	});
});

describe('the summary line', () => {
	const entity = (type: EntityDiff['type'], status: EntityDiff['status'], changes: Change[] = []): EntityDiff => ({ type, status, id: 'x', title: 'X', changes });
	const pain = (kind: 'pain-added' | 'pain-resolved'): Change => ({ kind, scope: 'touchpoint', where: 'T' });
	const down: Change = { ...emotion(0), direction: 'down' };

	test.each([
		['No journey or persona changed; no new validation problems.', diff([])],
		['No journey or persona changed; 1 new error, 1 new warning.', diff([], { introduced: [problem(0), problem(1, 'warning')], resolved: [] })],
		['1 journey added · no new validation problems', diff([entity('journey', 'added')])],
		['2 journeys changed · no new validation problems', diff([entity('journey', 'changed'), entity('journey', 'changed')])],
		['3 journeys: 1 changed, 1 added, 1 removed · no new validation problems', diff([entity('journey', 'changed'), entity('journey', 'added'), entity('journey', 'removed')])],
		['1 persona renamed · no new validation problems', diff([], NONE, [entity('persona', 'renamed')])],
		['1 journey changed · emotion up at 2 touchpoints, down at 1 · no new validation problems', diff([entity('journey', 'changed', [emotion(0), emotion(1), down])])],
		['1 journey changed · emotion down at 1 touchpoint · no new validation problems', diff([entity('journey', 'changed', [down])])],
		['1 journey changed · 2 pains added, 1 resolved · no new validation problems', diff([entity('journey', 'changed', [pain('pain-added'), pain('pain-added'), pain('pain-resolved')])])],
		['1 journey changed · 2 pains resolved · no new validation problems', diff([entity('journey', 'changed', [pain('pain-resolved'), pain('pain-resolved')])])],
		['1 journey changed · 2 new errors, 1 fixed', diff([entity('journey', 'changed')], { introduced: [problem(0), problem(1)], resolved: [problem(2)] })],
		['1 journey changed · no new validation problems, 2 fixed', diff([entity('journey', 'changed')], { introduced: [], resolved: [problem(2), problem(3)] })],
	])('%s', (expected, input) => {
		expect(summaryLine(input)).toBe(expected);
	});
});

describe('rows of the change table', () => {
	const at = { scope: 'touchpoint' as const, id: 't', where: 'Paying' };
	const changes: Change[] = [
		{ kind: 'pain-added', ...at, after: 'Slow terminal' },
		{ kind: 'pain-resolved', ...at, before: 'No receipts' },
		{ kind: 'opportunity-added', ...at, after: 'Pay at the table' },
		{ kind: 'opportunity-removed', ...at, before: 'Print receipts' },
		{ kind: 'owner', ...at, field: 'owner', after: 'Front of house' },
		{ kind: 'owner', ...at, field: 'owner of pain “Slow terminal”', before: 'Kitchen', after: 'Front of house' },
		{ kind: 'field', ...at, field: 'impact of pain “Slow terminal”', before: '2', after: '4' },
		{ kind: 'field', ...at, field: 'desired emotion', before: '+1', after: '+2' },
		{ kind: 'kpi', ...at, field: 'wait (min)', before: '10' },
		{ kind: 'conversion', ...at, before: '80%', after: '90%', direction: 'up' },
		{ kind: 'added', ...at, after: 'Paying the bill' },
		{ kind: 'removed', ...at, before: 'Leaving' },
		{ kind: 'moved', scope: 'stage', id: 's', where: 'Paying the bill', before: 'position 2', after: 'position 3' },
		{ kind: 'field', scope: 'journey', field: 'title', before: 'Old', after: 'New' },
		{ kind: 'conversion', scope: 'journey', field: 'end-to-end conversion', before: '2%', after: '1.5%', direction: 'down' },
	];
	const changed: EntityDiff = { type: 'journey', status: 'changed', id: 'shop/pay', title: 'Paying', changes };

	test('text: an item that comes or goes shows its text alone, a value that comes or goes shows —', () => {
		expect(diffText(diff([changed])).split('\n').slice(2)).toEqual([
			'journey shop/pay: changed — Paying',
			'  Pain added             Paying: Slow terminal',
			'  Pain resolved          Paying: No receipts',
			'  Opportunity added      Paying: Pay at the table',
			'  Opportunity removed    Paying: Print receipts',
			'  Owner                  Paying: — → Front of house',
			'  Owner of pain “Slow terminal” Paying: Kitchen → Front of house',
			'  Impact of pain “Slow terminal” Paying: 2 → 4',
			'  Desired emotion        Paying: +1 → +2',
			'  KPI “wait (min)”       Paying: 10 → —',
			'  Conversion ↑           Paying: 80% → 90%',
			'  Touchpoint added       Paying: in Paying the bill',
			'  Touchpoint removed     Paying: in Leaving',
			'  Stage moved            Paying the bill: position 2 → position 3',
			'  Title                  Whole journey: Old → New',
			'  End-to-end conversion ↓ Whole journey: 2% → 1.5%',
			'',
		]);
	});

	test('markdown: the same rows as table cells', () => {
		const rows = diffMarkdown(diff([changed]))
			.split('\n')
			.filter((line) => line.startsWith('| ') && !line.startsWith('| Change') && !line.startsWith('| - '));
		expect(rows).toEqual([
			'| Pain added | Paying | | Slow terminal |',
			'| Pain resolved | Paying | No receipts | |',
			'| Opportunity added | Paying | | Pay at the table |',
			'| Opportunity removed | Paying | Print receipts | |',
			'| Owner | Paying | — | Front of house |',
			'| Owner of pain “Slow terminal” | Paying | Kitchen | Front of house |',
			'| Impact of pain “Slow terminal” | Paying | 2 | 4 |',
			'| Desired emotion | Paying | +1 | +2 |',
			'| KPI “wait (min)” | Paying | 10 | — |',
			'| Conversion ↑ | Paying | 80% | 90% |',
			'| Touchpoint added | Paying | | in Paying the bill |',
			'| Touchpoint removed | Paying | in Leaving | |',
			'| Stage moved | Paying the bill | position 2 | position 3 |',
			'| Title | Whole journey | Old | New |',
			'| End-to-end conversion ↓ | Whole journey | 2% | 1.5% |',
		]);
	});

	test('markdown: user text cannot break the table or inject HTML; problem messages show their names as code', () => {
		const hostile: EntityDiff = {
			type: 'journey',
			status: 'renamed',
			id: 'a/b',
			previousId: 'a/c',
			title: 'Pipes | and <script>alert(1)</script>',
			changes: [{ kind: 'field', scope: 'touchpoint', where: 'x | y', field: 'thinking', before: 'two\nlines', after: '<img src=x onerror=alert(1)> *not emphasis*' }],
		};
		const markdown = diffMarkdown(diff([hostile], { introduced: [{ ...problem(0), message: 'Unexpected `a|b` value' }], resolved: [] }));
		expect(markdown).toContain('### Journey renamed: Pipes | and \\<script>alert(1)\\</script>\n\n`a/b`, was `a/c`\n');
		expect(markdown).toContain('| Thinking | x \\| y | two&#xA;lines | \\<img src=x onerror=alert(1)> \\*not emphasis\\* |');
		expect(markdown).toContain('| error | Unexpected `a\\|b` value | unknown-key |');
		expect(markdown).not.toMatch(/(?<!\\)<(script|img|\/script)/);
	});
});

describe('the emotion chart', () => {
	test('is a valid Mermaid xychart, whatever the touchpoint names', async () => {
		const labels = ['Says "hi"', 'Back\\slash', 'Two\nlines', 'A name much longer than twenty-four characters', 'Ünïcödé ✓ 🍕', "It's"];
		const chart = emotionXyChart({ labels, before: [-2, -1, 0, 1, 2, 0], after: [0, 0, 0, 1, 2, 2] });
		expect(await mermaid.parse(chart)).toMatchObject({ diagramType: 'xychart' });
		expect(chart).toContain('x-axis ["Says  hi ", "Back slash", "Two lines", "A name much longer than…", "Ünïcödé ✓ 🍕", "It\'s"]');
		expect(chart.split('\n').slice(-3)).toEqual(['  y-axis "Emotion" -2 --> 2', '  line [-2, -1, 0, 1, 2, 0]', '  line [0, 0, 0, 1, 2, 2]']);
	});
});
