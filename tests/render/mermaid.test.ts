// @vitest-environment jsdom
/*
 * Mermaid's parser runs fine in Node, but its databases pass every label through DOMPurify, which
 * needs a DOM window (without one `DOMPurify.addHook is not a function`). jsdom is the DOM that
 * DOMPurify documents for Node, so this file runs in vitest's jsdom environment. It also gives us
 * `document` to decode labels the way a browser reads the rendered SVG.
 */
import { resolve } from 'node:path';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Journey, loadProject, type Stage, type Touchpoint, touchpointsOf } from '../../src/core/index.ts';
import { emotionClass, escapeText, FLOW_LIMITS, flowSize, mermaidFlow, mermaidJourney, PAIN_MARKER } from '../../src/render/mermaid.ts';

interface FlowVertex {
	id: string;
	text: string;
	classes: string[];
}
interface FlowEdge {
	start: string;
	end: string;
	text: string;
}
interface FlowSubgraph {
	id: string;
	title: string;
	nodes: string[];
}
interface FlowDb {
	getVertices(): Map<string, FlowVertex>;
	getEdges(): FlowEdge[];
	getSubGraphs(): FlowSubgraph[];
	getClasses(): Map<string, { styles: string[] }>;
}
interface JourneyTask {
	section: string;
	task: string;
	score: number;
	people: string[];
}
interface JourneyDb {
	getDiagramTitle(): string;
	getSections(): string[];
	getTasks(): JourneyTask[];
}

/** Parses with mermaid's own parser (throws on a syntax error) and returns the diagram's database. */
async function parsed<Db>(text: string, type: string): Promise<Db> {
	expect(await mermaid.parse(text)).toMatchObject({ diagramType: type });
	const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
	return diagram.db as Db;
}

/** jsdom's `document`, typed by hand: the project compiles without the DOM library. */
const { document } = globalThis as unknown as {
	document: { createElement(tag: 'div'): { innerHTML: string; textContent: string | null; children: { length: number } } };
};

/**
 * Decodes a label from the parsed database as the browser will: mermaid writes its entity
 * placeholders back as `&#NNN;` into the SVG, and the HTML parser reads them as characters. The
 * label must come out as plain text: no element may appear.
 */
function decoded(label: string): string {
	const html = label.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
	const element = document.createElement('div');
	element.innerHTML = html;
	expect(element.children.length, `markup in ${JSON.stringify(label)}`).toBe(0);
	return element.textContent ?? '';
}

/** The lines of a node label (our `<br>` separates name and channels). */
const labelLines = (vertex: FlowVertex) => vertex.text.split('<br>').map(decoded);

const shareText = (share: number) => `${Number((share * 100).toFixed(1))}%`;
const expectedEdgeLabel = (edge: { label?: string; share?: number }) =>
	[edge.label, edge.share === undefined ? undefined : shareText(edge.share)].filter(Boolean).join(' · ');

let journeys: Journey[];
beforeAll(async () => {
	({
		project: { journeys },
		// Not `new URL('../..', import.meta.url)`: in a browser-like environment Vite rewrites that
		// pattern as an asset URL, and it comes out as `/`.
	} = await loadProject(resolve(import.meta.dirname, '../..')));
	expect(journeys.length).toBeGreaterThanOrEqual(5);
});

/** Checks the flowchart of `journey` against the model, through mermaid's parser. */
async function checkFlow(journey: Journey): Promise<FlowDb> {
	const text = mermaidFlow(journey);
	const db = await parsed<FlowDb>(text, 'flowchart-v2');
	const touchpoints = touchpointsOf(journey);
	const vertices = db.getVertices();
	const subgraphs = db.getSubGraphs();

	expect(subgraphs.map((subgraph) => decoded(subgraph.title))).toEqual(journey.stages.map((stage) => stage.name));
	expect(vertices.size).toBe(touchpoints.length);
	const idOf = new Map<string, string>();
	journey.stages.forEach((stage, s) => {
		expect(subgraphs[s].nodes).toHaveLength(stage.touchpoints.length);
		stage.touchpoints.forEach((touchpoint, t) => idOf.set(touchpoint.id, subgraphs[s].nodes[t]));
	});
	for (const touchpoint of touchpoints) {
		const vertex = vertices.get(idOf.get(touchpoint.id)!)!;
		const name = (touchpoint.pains.length ? PAIN_MARKER : '') + touchpoint.name;
		expect(labelLines(vertex)).toEqual([name, touchpoint.channels.join(', ')].filter(Boolean));
		expect(vertex.classes).toContain(emotionClass(touchpoint));
		expect(vertex.classes.includes('pain')).toBe(touchpoint.pains.length > 0);
	}

	const expected = touchpoints.flatMap((touchpoint) =>
		touchpoint.next.map((edge) => ({ start: idOf.get(touchpoint.id), end: idOf.get(edge.to), text: expectedEdgeLabel(edge) }))
	);
	const edges = db.getEdges().map((edge) => ({ start: edge.start, end: edge.end, text: decoded(edge.text ?? '') }));
	expect(edges).toEqual(expected);
	return db;
}

describe('mermaidFlow on the sample journeys', () => {
	test('every sample parses, with a subgraph per stage, a node per touchpoint and an edge per next', async () => {
		for (const journey of journeys) await checkFlow(journey);
	});

	test('the trial branch carries labels and shares, and the quiet branch ends', async () => {
		const journey = journeys.find((j) => j.id === 'saas/trial-evaluation')!;
		const text = mermaidFlow(journey);
		expect(text).toContain('tp_invite_decision -->|"Invites the team #183; 60#37;"| tp_invite_team');
		expect(text).toContain('tp_invite_decision -->|"Keeps it to herself #183; 40#37;"| tp_trial_goes_quiet');
		const db = await checkFlow(journey);
		const fromDecision = db.getEdges().filter((edge) => edge.start === 'tp_invite_decision');
		expect(fromDecision.map((edge) => [edge.end, decoded(edge.text)])).toEqual([
			['tp_invite_team', 'Invites the team · 60%'],
			['tp_trial_goes_quiet', 'Keeps it to herself · 40%'],
		]);
		expect(db.getEdges().filter((edge) => edge.start === 'tp_trial_goes_quiet')).toEqual([]);
		expect(db.getEdges().filter((edge) => edge.end === 'tp_teammates_join').map((edge) => edge.start)).toEqual(['tp_invite_team']);
	});

	test('nodes are classed by emotion, and touchpoints with pains are marked', async () => {
		const journey = journeys.find((j) => j.id === 'saas/trial-evaluation')!;
		const vertices = (await checkFlow(journey)).getVertices();
		expect(vertices.get('tp_first_page')!.classes).toEqual(['emo_very_positive']);
		expect(vertices.get('tp_press_try')!.classes).toEqual(['emo_positive']);
		expect(vertices.get('tp_verify_email')!.classes).toEqual(['emo_negative', 'pain']);
		expect(vertices.get('tp_invite_decision')!.classes).toEqual(['emo_neutral', 'pain']);
		expect(labelLines(vertices.get('tp_verify_email')!)).toEqual(['⚠ Verifying her e-mail', 'web, e-mail']);
		// Every class the nodes use is defined, pain last so its red border wins.
		const classes = [...(await parsed<FlowDb>(mermaidFlow(journey), 'flowchart-v2')).getClasses().keys()];
		expect(classes).toEqual(['emo_very_negative', 'emo_negative', 'emo_neutral', 'emo_positive', 'emo_very_positive', 'emo_none', 'pain']);
	});

	test('output is deterministic and node ids are stable, derived from touchpoint ids', () => {
		for (const journey of journeys) {
			expect(mermaidFlow(structuredClone(journey))).toBe(mermaidFlow(journey));
			expect(mermaidJourney(structuredClone(journey))).toBe(mermaidJourney(journey));
		}
		const journey = journeys.find((j) => j.id === 'saas/trial-evaluation')!;
		const nodeIds = (text: string) => [...text.matchAll(/^ {4}(tp_\w+)\[/gm)].map((match) => match[1]).sort();
		const reversed = { ...journey, stages: [...journey.stages].reverse() };
		expect(nodeIds(mermaidFlow(reversed))).toEqual(nodeIds(mermaidFlow(journey)));
		expect(nodeIds(mermaidFlow(journey))).toContain('tp_press_try');
	});
});

describe('mermaidJourney on the sample journeys', () => {
	test('a section per stage, a task per touchpoint scored emotion + 3, personas as actors', async () => {
		for (const journey of journeys) {
			const db = await parsed<JourneyDb>(mermaidJourney(journey), 'journey');
			expect(decoded(db.getDiagramTitle())).toBe(journey.title);
			expect(db.getSections().map(decoded)).toEqual(journey.stages.map((stage) => stage.name));
			const expected = journey.stages.flatMap((stage) =>
				stage.touchpoints.map((touchpoint) => ({
					section: stage.name,
					task: touchpoint.name,
					score: touchpoint.emotion!.actual + 3,
					people: touchpoint.persona ? [touchpoint.persona] : journey.personas,
				}))
			);
			const tasks = db.getTasks().map((task) => ({
				section: decoded(task.section),
				task: decoded(task.task),
				score: task.score,
				people: task.people.map(decoded),
			}));
			expect(tasks).toEqual(expected);
		}
	});

	test('the B2B journey names each touchpoint’s own persona', async () => {
		const journey = journeys.find((j) => j.id === 'b2b/software-purchase')!;
		const db = await parsed<JourneyDb>(mermaidJourney(journey), 'journey');
		expect(new Set(db.getTasks().flatMap((task) => task.people))).toEqual(new Set(['b2b/it-buyer', 'b2b/team-lead']));
		expect(db.getTasks().every((task) => task.people.length === 1)).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------
// Hostile input: a journey built here, with every string something that could break or script.

const HOSTILE = [
	'Say "hi" [now] {x} (y) \'quoted\'',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'a --> b --- c -.-> d ==> e --x f',
	'%% comment',
	'%%{init: {"theme": "dark", "securityLevel": "loose"}}%%',
	'#35; #quot; # hash ; semi | pipe & amp &lt;',
	'`code` **bold** _it_',
	'line one\nline two\r\nline three',
	'emoji 😀 👩‍👩‍👧 ⚠ 🇸🇪',
	'مرحبا بالعالم',
	'שלום עולם',
	'mixed English עברית and العربية',
	'end',
	'subgraph x',
	'classDef x fill:red',
	'click tp_a call alert(1)',
	'Section 2',
	'journey',
	'title x',
	'accTitle: x',
	' leading space',
	'C:\\new\\table',
	'ﬂ°°60¶ß placeholder',
	'a: 5: b, c',
	'javascript:alert(1)',
	'\u202Eevil\u202C bidi',
	'-',
	'x-',
];

function touchpoint(id: string, name: string, stage: string, extra: Partial<Touchpoint> = {}): Touchpoint {
	return { id, name, stage, channels: [], pains: [], opportunities: [], kpis: {}, next: [], ...extra };
}

/** One touchpoint per hostile string (as its name, and the next string as its channel), in two stages. */
function hostileJourney(): Journey {
	const ids = ['a-b', 'a_b', 'a_b_2', 'end', 'x--y', 'ünï', 'graph', 'style'];
	const all = HOSTILE.map((name, i) =>
		touchpoint(ids[i] ?? `tp-${i}`, name, i < HOSTILE.length / 2 ? 'stage-1' : 'stage-2', {
			channels: [HOSTILE[(i + 1) % HOSTILE.length], 'web'],
			emotion: i % 6 === 5 ? undefined : { actual: (i % 5) - 2 },
			pains: i % 3 === 0 ? [{ text: HOSTILE[i] }] : [],
			persona: i % 4 === 0 ? HOSTILE[(i + 2) % HOSTILE.length] : undefined,
		})
	);
	// A chain, plus a branch from each touchpoint to the one two ahead with a hostile label and share.
	all.forEach((tp, i) => {
		if (i + 1 < all.length) tp.next.push({ to: all[i + 1].id });
		if (i + 2 < all.length) tp.next.push({ to: all[i + 2].id, label: HOSTILE[(i + 3) % HOSTILE.length], share: 0.125 * (i % 8) });
	});
	all[all.length - 1].next.push({ to: all[0].id, label: '|"--> x', share: 1 });
	const stages: Stage[] = [
		{ id: 'stage-1', name: '"][<b>Stage</b> %% one', touchpoints: all.filter((tp) => tp.stage === 'stage-1') },
		{ id: 'stage_1', name: 'end\nsubgraph evil', touchpoints: all.filter((tp) => tp.stage === 'stage-2') },
	];
	return {
		id: 'hostile',
		path: 'journeys/hostile.md',
		title: '<script>alert("title")</script> %% #; :',
		personas: ['persona, with comma', '#evil;'],
		state: 'current',
		sources: [],
		tags: [],
		stages,
		narrative: [],
		body: '',
	};
}

describe('hostile labels', () => {
	test('escapeText keeps letters of any script and encodes everything with a meaning', () => {
		expect(escapeText('Café e-mail مرحبا שלום')).toBe('Café e-mail مرحبا שלום');
		expect(escapeText('a-->b %% "x" #;|`<>&')).toBe('a#45;#45;#62;b #37;#37; #34;x#34; #35;#59;#124;#96;#60;#62;#38;');
		expect(escapeText('😀\n')).toBe('#128512;#10;');
	});

	test('the flowchart parses, stays inert, and has exactly the nodes and edges of the model', async () => {
		const journey = hostileJourney();
		const text = mermaidFlow(journey);
		expect(text).not.toMatch(/<script/i);
		expect(text).not.toMatch(/<[^>]*onerror/i);
		expect(text).not.toContain('%%');
		expect(text).not.toMatch(/<(?!br>)/); // our `<br>` is the only markup
		// Every line is one of the shapes we write: nothing a label could add or split.
		for (const line of text.trimEnd().split('\n')) {
			expect(line).toMatch(
				/^(flowchart LR|  accTitle: [^\n]*|  subgraph st_\w+\["[^"]*"\]|    tp_\w+\["[^"]*"\]|  end|  tp_\w+ -->(\|"[^"|]*"\|)? tp_\w+|  classDef \w+ [\w:#,. -]+|  class [\w,]+ \w+)$/
			);
		}
		const db = await checkFlow(journey); // labels decode to the original strings: escaping is lossless
		expect(db.getVertices().size).toBe(HOSTILE.length);
		expect(db.getEdges()).toHaveLength(2 * HOSTILE.length - 2);
		expect(db.getSubGraphs()).toHaveLength(2);
		// Ids that collide once sanitised, or are keywords, are still distinct and prefixed.
		expect([...db.getVertices().keys()].slice(0, 8)).toEqual(['tp_a_b', 'tp_a_b_2', 'tp_a_b_2_2', 'tp_end', 'tp_x__y', 'tp__n_', 'tp_graph', 'tp_style']);
		expect(db.getSubGraphs().map((subgraph) => subgraph.id)).toEqual(['st_stage_1', 'st_stage_1_2']);
		expect(db.getVertices().get('tp_x__y')!.classes).toEqual(['emo_very_positive']);
		expect(db.getVertices().get('tp_end')!.classes).toEqual(['emo_positive', 'pain']);
		expect(db.getVertices().get('tp_a_b')!.classes).toEqual(['emo_very_negative', 'pain']);
		expect(db.getVertices().get(db.getSubGraphs()[0].nodes[5])!.classes).toEqual(['emo_none']);
	});

	test('the journey diagram parses and keeps every task, section, actor and the title intact', async () => {
		const journey = hostileJourney();
		const text = mermaidJourney(journey);
		expect(text.replace(/#\d+;/g, '')).not.toMatch(/[<>%;#"]/); // nothing but entity codes
		const db = await parsed<JourneyDb>(text, 'journey');
		expect(decoded(db.getDiagramTitle())).toBe(journey.title);
		expect(db.getSections().map(decoded)).toEqual(journey.stages.map((stage) => stage.name));
		// Touchpoints without an emotion are left out (no made-up neutral score).
		const scored = touchpointsOf(journey).filter((tp) => tp.emotion);
		expect(scored.length).toBeLessThan(HOSTILE.length);
		expect(
			db.getTasks().map((task) => ({ task: decoded(task.task), score: task.score, people: task.people.map(decoded) }))
		).toEqual(
			scored.map((tp) => ({ task: tp.name, score: tp.emotion!.actual + 3, people: tp.persona ? [tp.persona] : journey.personas }))
		);
	});

	test('a journey without personas or emotions still gives a valid journey diagram', async () => {
		const journey: Journey = {
			...hostileJourney(),
			personas: [],
			stages: [
				{ id: 's', name: 'Only stage', touchpoints: [touchpoint('a', 'Scored', 's', { emotion: { actual: -2 } }), touchpoint('b', 'Unscored', 's')] },
				{ id: 't', name: 'Nothing scored', touchpoints: [touchpoint('c', 'Unscored too', 't')] },
			],
		};
		const db = await parsed<JourneyDb>(mermaidJourney(journey), 'journey');
		expect(db.getSections()).toEqual(['Only stage']);
		expect(db.getTasks()).toMatchObject([{ task: 'Scored', score: 1, people: [] }]);
	});
});

describe('flowSize', () => {
	const flow = (touchpoints: number) =>
		['flowchart LR', ...Array.from({ length: touchpoints }, (_, i) => `  tp_${i}["Touchpoint ${i} with a name of some length, as people write them"]`), ...Array.from({ length: touchpoints - 1 }, (_, i) => `  tp_${i} --> tp_${i + 1}`)].join('\n');

	test('keeps Mermaid’s defaults for a small flow', () => {
		expect(flowSize(flow(20))).toEqual({ maxTextSize: 50_000, maxEdges: 500 });
	});

	test('raises the limits to fit a 600-touchpoint flow that Mermaid’s defaults refuse', () => {
		const code = flow(600);
		expect(code.length).toBeGreaterThan(50_000);
		expect(flowSize(code)).toEqual({ maxTextSize: code.length + 1, maxEdges: 600 });
	});

	test('says a flow past the documented size is too large to draw', () => {
		expect(flowSize(flow(FLOW_LIMITS.maxEdges + 2))).toBeUndefined();
		expect(flowSize(`flowchart LR\n  a["${'x'.repeat(FLOW_LIMITS.maxTextSize)}"]`)).toBeUndefined();
	});
});
