/**
 * Writes a synthetic project: `count` journeys of 8 stages x 5 touchpoints with every field a
 * real map uses, plus the personas they reference. Deterministic, so runs are comparable.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const STAGES = ['Awareness', 'Research', 'Comparison', 'Purchase', 'Delivery', 'Onboarding', 'Use', 'Renewal'];
const CHANNELS = ['web', 'mobile app', 'e-mail', 'phone', 'in store', 'social'];
const OWNERS = ['Marketing', 'Sales', 'Support', 'Product', 'Logistics'];

export function journeyText(index: number, personas: number): string {
	const lines = [
		'---',
		`title: Synthetic journey ${index}`,
		`persona: persona-${index % personas}`,
		'scenario: A customer buys and starts using a product.',
		'goal: Get the product working without help.',
		'status: hypothesis',
		`owner: ${OWNERS[index % OWNERS.length]}`,
		'tags: [synthetic, benchmark]',
		'updated: 2026-11-01',
		'stages:',
	];
	STAGES.forEach((stage, s) => {
		lines.push(`  - name: ${stage}`, `    goal: Finish ${stage.toLowerCase()} quickly`, '    touchpoints:');
		for (let t = 0; t < 5; t++) {
			const n = s * 5 + t;
			const emotion = ((n * 7 + index) % 5) - 2;
			lines.push(
				`      - name: ${stage} step ${t + 1}`,
				`        channel: [${CHANNELS[n % CHANNELS.length]}, ${CHANNELS[(n + 1) % CHANNELS.length]}]`,
				`        action: The customer completes step ${t + 1} of ${stage.toLowerCase()}.`,
				`        thinking: "Is this going to take long?"`,
				`        feeling: ${emotion < 0 ? 'annoyed' : 'calm'}`,
				`        emotion: ${emotion}`,
				`        owner: ${OWNERS[n % OWNERS.length]}`,
				`        criticality: ${['low', 'medium', 'high'][n % 3]}`,
				`        conversion: "${90 - (n % 10)}%"`,
				'        pains:',
				`          - {text: Waiting at step ${t + 1}, impact: ${1 + (n % 5)}, effort: ${1 + ((n + 2) % 5)}}`,
				`        opportunities: [Explain what happens next]`,
				`        kpis: {time on step: ${30 + n}s, drop-off: ${n % 10}}`
			);
		}
	});
	lines.push('---', '', `# About journey ${index}`, '', 'Conversion figures are synthetic.', '');
	for (const stage of STAGES) lines.push(`## ${stage}`, '', `Notes on ${stage.toLowerCase()}, with **emphasis** and a [link](https://example.com).`, '');
	return lines.join('\n');
}

export function personaText(index: number): string {
	return ['---', `name: Persona ${index}`, 'role: Buyer', 'goals: [Buy quickly]', 'traits: {age: 35}', '---', '', 'Synthetic persona.', ''].join('\n');
}

/** Writes the project into `dir` (replacing it) and returns the number of files written. */
export async function generateProject(dir: string, count: number, personas = 10): Promise<number> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(join(dir, 'journeys'), { recursive: true });
	await mkdir(join(dir, 'personas'), { recursive: true });
	await Promise.all([
		...Array.from({ length: count }, (_, i) => writeFile(join(dir, 'journeys', `journey-${String(i).padStart(4, '0')}.md`), journeyText(i, personas))),
		...Array.from({ length: personas }, (_, i) => writeFile(join(dir, 'personas', `persona-${i}.md`), personaText(i))),
	]);
	return count + personas;
}

/**
 * The same content as plain Starlight pages, for the site-build baseline: each journey's file
 * becomes a docs page of the same size, its frontmatter lines written as a Markdown list (not a
 * code block, whose syntax highlighting would make the baseline slow and the ratio flattering).
 */
export async function generateDocs(dir: string, count: number): Promise<void> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	await Promise.all(
		Array.from({ length: count }, (_, i) => {
			const text = journeyText(i, 10);
			const end = text.indexOf('\n---', 4);
			const list = text
				.slice(4, end)
				.split('\n')
				.map((line) => `- ${line.trim().replace(/^- /, '')}`);
			const page = ['---', `title: Synthetic journey ${i}`, '---', '', ...list, text.slice(end + 4)].join('\n');
			return writeFile(join(dir, `journey-${String(i).padStart(4, '0')}.md`), page);
		})
	);
}
