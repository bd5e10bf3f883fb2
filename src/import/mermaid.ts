/**
 * A Mermaid `journey` diagram, alone or in a fenced block of a Markdown page: sections become
 * stages, tasks touchpoints, scores 1-5 emotions -2..+2 (0 counts as 1), actors personas.
 * Entity codes (`#44;`, as `cjm export --format mermaid-journey` writes them) are decoded.
 */
import type { JourneyInput } from '../core/index.ts';
import { ImportError, type Warning } from './problems.ts';

export interface MermaidJourney {
	title?: string;
	stages: JourneyInput['stages'];
	/** Actors, in order of first appearance, as written. */
	actors: string[];
	/** Per touchpoint (in order), its actors. */
	touchpointActors: string[][];
}

const decode = (text: string) =>
	text
		.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
		.replace(/#([a-z]+);/gi, (whole, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' })[name.toLowerCase()] ?? whole)
		.trim();

/** The diagram's text: the first fenced `mermaid` block whose diagram is a journey, or the whole text. */
export function journeyText(file: string, text: string): { text: string; firstLine: number } {
	const fence = /^(```|~~~)\s*mermaid[^\n]*\n([\s\S]*?)^\1\s*$/gm;
	for (const match of text.matchAll(fence)) {
		if (/^\s*journey\b/.test(stripComments(match[2]))) return { text: match[2], firstLine: text.slice(0, match.index).split('\n').length + 1 };
	}
	if (/^\s*journey\b/.test(stripComments(text))) return { text, firstLine: 1 };
	throw new ImportError(`${file}: no Mermaid journey: expected a diagram starting with \`journey\`, alone or in a \`\`\`mermaid block`);
}

const stripComments = (text: string) => text.replace(/^\s*%%.*$/gm, '');

export function parseMermaidJourney(file: string, source: string, warnings: Warning[]): MermaidJourney {
	const { text, firstLine } = journeyText(file, source);
	const result: MermaidJourney = { stages: [], actors: [], touchpointActors: [] };
	let started = false;
	text.split('\n').forEach((raw, i) => {
		const line = raw.trim();
		const where = `${file}:${firstLine + i}`;
		if (line === '' || line.startsWith('%%')) return;
		if (!started) {
			started = /^journey\b/.test(line);
			return;
		}
		let match: RegExpExecArray | null;
		if ((match = /^title\s+(.+)$/.exec(line))) result.title = decode(match[1]);
		else if ((match = /^section\s+(.+)$/.exec(line))) result.stages.push({ name: decode(match[1]), touchpoints: [] });
		else if (/^acc(Title|Descr)\b/.test(line)) return;
		else if ((match = /^([^:]+):\s*(-?\d+)\s*(?::(.*))?$/.exec(line))) {
			if (result.stages.length === 0) result.stages.push({ name: 'Journey', touchpoints: [] });
			const score = Number(match[2]);
			if (score > 5 || score < 0) throw new ImportError(`${where}: score ${score} of "${decode(match[1])}" is outside 1-5`);
			const actors = (match[3] ?? '').split(',').map(decode).filter(Boolean);
			for (const actor of actors) if (!result.actors.includes(actor)) result.actors.push(actor);
			result.stages.at(-1)!.touchpoints!.push({ name: decode(match[1]), emotion: Math.max(score, 1) - 3 });
			result.touchpointActors.push(actors);
		} else warnings.push(`${where}: "${line}" left out: expected a title, a section or a task such as "Make tea: 5: Me"`);
	});
	if (result.stages.length === 0) throw new ImportError(`${file}: the Mermaid journey has no sections or tasks`);
	return result;
}
