/**
 * Mermaid views of a journey: a flowchart of touchpoints (stages as subgraphs, `next` as edges,
 * emotion as node colour) and Mermaid's own `journey` diagram (emotion as its 1-5 score).
 *
 * Pure and deterministic: same journey in, same text out. Every user-written string goes through
 * `escapeText`, so no name, channel or label can end a string, start a comment (`%%`), open a
 * directive, add an edge, or smuggle HTML (`<script>`, `onerror=`) into the rendered SVG.
 */
import type { Journey, Touchpoint } from '../core/index.ts';

/**
 * Characters written as themselves: letters, marks and digits of any script (so Arabic, Hebrew,
 * accented Latin stay readable in the source), space and a little harmless punctuation. Everything
 * else (quotes, brackets, `<>&|;%#:`, backticks, backslashes, newlines, emoji, control and bidi
 * characters) becomes a Mermaid entity code `#NNN;`, which Mermaid turns into `&#NNN;` only after
 * parsing and sanitising, so it is displayed, never interpreted.
 */
const SAFE = /^[\p{L}\p{M}\p{N} ,.'?!/_]$/u;
const ALNUM = /^[\p{L}\p{N}]$/u;

/** `#NNN;` for one code point: Mermaid's entity syntax (decimal, so it matches its `#\w+;` rule). */
const entity = (char: string): string => `#${char.codePointAt(0)};`;

/**
 * Escapes `text` for a quoted flowchart label or a journey task/section/title. A `-` is kept only
 * between two letters or digits ("e-mail", "14-day"), so `-->`, `---` or `-.-` can never form.
 * Lossless: Mermaid shows exactly `text`.
 */
export function escapeText(text: string): string {
	const chars = Array.from(text);
	return chars
		.map((char, i) => {
			// Mermaid trims labels: a space at either end is kept only as an entity.
			if (char === ' ' && (i === 0 || i === chars.length - 1)) return entity(char);
			if (SAFE.test(char)) return char;
			if (char === '-' && ALNUM.test(chars[i - 1] ?? '') && ALNUM.test(chars[i + 1] ?? '')) return char;
			return entity(char);
		})
		.join('');
}

/** Builds `prefix_<id>` ids safe for Mermaid (ASCII letters, digits, `_`), unique per diagram. */
function idMaker(prefix: string): (id: string) => string {
	const taken = new Set<string>();
	return (id) => {
		const base = `${prefix}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
		let candidate = base;
		// Distinct ids can collide once sanitised (`a-b`, `a_b`); number the later ones, in order.
		for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
		taken.add(candidate);
		return candidate;
	};
}

/** Emotion classes: light fills with dark text and a darker border, readable on light and dark pages. */
const EMOTION_CLASSES = [
	['emo_very_negative', 'fill:#f5b5b0,stroke:#a3231a,color:#1b1b1b'],
	['emo_negative', 'fill:#fbd9c9,stroke:#c2410c,color:#1b1b1b'],
	['emo_neutral', 'fill:#e5e7eb,stroke:#6b7280,color:#1b1b1b'],
	['emo_positive', 'fill:#cdeed8,stroke:#2f855a,color:#1b1b1b'],
	['emo_very_positive', 'fill:#95dcae,stroke:#1c6b3c,color:#1b1b1b'],
	['emo_none', 'fill:#ffffff,stroke:#9ca3af,stroke-dasharray:4 3,color:#1b1b1b'],
] as const;
/** Defined last so its border wins over the emotion border on a touchpoint with pains. */
const PAIN_CLASS = ['pain', 'stroke:#d92d20,stroke-width:3px'] as const;

export type EmotionClass = (typeof EMOTION_CLASSES)[number][0];

/** Class of a touchpoint by its actual emotion (-2..+2), or `emo_none` when it has none. */
export function emotionClass(touchpoint: Touchpoint): EmotionClass {
	const actual = touchpoint.emotion?.actual;
	return actual === undefined ? 'emo_none' : EMOTION_CLASSES[actual + 2][0];
}

/** Marker put before the name of a touchpoint with pains. */
export const PAIN_MARKER = '⚠ ';

/** `Invites the team · 60%`, `60%`, or the label alone; undefined for a plain edge. */
function edgeLabel(label: string | undefined, share: number | undefined): string | undefined {
	const percent = share === undefined ? undefined : `${Number((share * 100).toFixed(1))}%`;
	const parts = [label, percent].filter((part) => part !== undefined && part !== '');
	return parts.length ? parts.join(' · ') : undefined;
}

/**
 * How large a flow the site draws. Mermaid refuses text over 50,000 characters and 500 edges by
 * default ("Maximum text size in diagram exceeded" on a valid 600-touchpoint journey), so its
 * limits are sized to each flow; past these, a drawing would take minutes and nobody could read
 * it, and the page offers the source for download instead.
 */
export const FLOW_LIMITS = { maxTextSize: 400_000, maxEdges: 2_000 } as const;

/** The limits to give Mermaid for `code`, or undefined when the flow is too large to draw. */
export function flowSize(code: string): { maxTextSize: number; maxEdges: number } | undefined {
	const edges = code.split('\n').filter((line) => /^\s*\S+ -->/.test(line)).length;
	if (code.length > FLOW_LIMITS.maxTextSize || edges > FLOW_LIMITS.maxEdges) return undefined;
	// At least Mermaid's own defaults, and a little room above what this flow needs.
	return { maxTextSize: Math.max(50_000, code.length + 1), maxEdges: Math.max(500, edges + 1) };
}

/** Flowchart: one subgraph per stage, one node per touchpoint, one edge per resolved `next`. */
export function mermaidFlow(journey: Journey): string {
	const stageId = idMaker('st');
	const nodeId = idMaker('tp');
	const lines = ['flowchart LR', `  accTitle: ${escapeText(journey.title)}`];
	const ids = new Map<string, string>();
	const byClass = new Map<string, string[]>([...EMOTION_CLASSES, PAIN_CLASS].map(([name]) => [name, []]));

	for (const stage of journey.stages) {
		lines.push(`  subgraph ${stageId(stage.id)}["${escapeText(stage.name)}"]`);
		for (const touchpoint of stage.touchpoints) {
			const id = nodeId(touchpoint.id);
			ids.set(touchpoint.id, id);
			const name = (touchpoint.pains.length ? PAIN_MARKER : '') + touchpoint.name;
			// `<br>` is ours, not the user's: it is the only markup in a label.
			const label = [name, touchpoint.channels.join(', ')].filter(Boolean).map(escapeText).join('<br>');
			lines.push(`    ${id}["${label}"]`);
			byClass.get(emotionClass(touchpoint))!.push(id);
			if (touchpoint.pains.length) byClass.get(PAIN_CLASS[0])!.push(id);
		}
		lines.push('  end');
	}

	// Edges after all subgraphs: an edge inside a subgraph would pull its far node into that stage.
	for (const touchpoint of journey.stages.flatMap((stage) => stage.touchpoints)) {
		for (const edge of touchpoint.next) {
			const to = ids.get(edge.to);
			if (to === undefined) continue; // the validator reports unknown targets; draw what is known
			const label = edgeLabel(edge.label, edge.share);
			lines.push(`  ${ids.get(touchpoint.id)} -->${label === undefined ? '' : `|"${escapeText(label)}"|`} ${to}`);
		}
	}

	for (const [name, style] of [...EMOTION_CLASSES, PAIN_CLASS]) {
		lines.push(`  classDef ${name} ${style}`);
	}
	for (const [name, members] of byClass) {
		if (members.length) lines.push(`  class ${members.join(',')} ${name}`);
	}
	return lines.join('\n') + '\n';
}

/**
 * A task, section or title for the journey diagram. Its lexer is case-insensitive and takes the
 * first matching rule, so a task called "Section 2" or "Journey planning" would be read as a
 * keyword, and an empty one would vanish: encode the first character (or a space) then.
 */
function escapeJourneyText(text: string): string {
	const escaped = escapeText(text); // `:`, `;`, `#` and newlines included: the journey lexer splits on them
	if (!/^(journey\b|title\s|section\s|acc(title|descr)|$)/i.test(text)) return escaped;
	// Here the first character is an ASCII letter, written as itself by `escapeText` (or none at all).
	return entity(text[0] ?? ' ') + escaped.slice(1);
}

/** Mermaid's 1-5 score for an emotion from -2 to +2. */
export const journeyScore = (actual: number): number => actual + 3;

/**
 * Mermaid `journey` diagram: a section per stage, a task per touchpoint scored by emotion, with the
 * touchpoint's persona (or all the journey's personas) as actors.
 *
 * Touchpoints without an emotion are left out, and so are stages left with no task: the diagram is
 * a chart of feelings, and scoring an unknown feeling as neutral (3) would draw a face nobody saw.
 */
export function mermaidJourney(journey: Journey): string {
	const lines = ['journey', `  title ${escapeJourneyText(journey.title)}`];
	for (const stage of journey.stages) {
		const tasks = stage.touchpoints.flatMap((touchpoint) => {
			if (!touchpoint.emotion) return [];
			// Actors are split on `,`, so a comma inside one is encoded too; no actors, no third field.
			const actors = (touchpoint.persona ? [touchpoint.persona] : journey.personas).map((actor) => escapeJourneyText(actor).replace(/,/g, entity));
			const task = `${escapeJourneyText(touchpoint.name)}: ${journeyScore(touchpoint.emotion.actual)}`;
			return [`    ${task}${actors.length ? `: ${actors.join(', ')}` : ''}`];
		});
		if (tasks.length) lines.push(`  section ${escapeJourneyText(stage.name)}`, ...tasks);
	}
	return lines.join('\n') + '\n';
}
