/**
 * The worst cases the format allows: journeys with the most touchpoints, as large as a file may
 * be (2 MB), in a git repository with a change to them in the working tree, and every `cjm`
 * command run on them. The bench times each command (target: within 10 s on 2 cores);
 * tests/cli/scale.test.ts checks that each one finishes with a sensible result, without timing it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES, MAX_TOUCHPOINTS } from '../src/core/index.ts';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from '../src/export/index.ts';

const CHANNELS = ['web', 'mobile app', 'e-mail', 'phone', 'in store'];

/**
 * The largest journeys the limits allow (docs/file-format.md, "Limits"): the most touchpoints a
 * journey may have, `dense` with each in its own stage and only a name and an emotion (the most
 * stages and columns), `full` with every field and texts long enough to fill the file size limit
 * (the most text per touchpoint), with branches in `next`. `variant` changes a tenth of the emotions.
 */
export function largestJourney(kind: 'dense' | 'full', variant = 0): string {
	const lines = ['---', `title: The largest ${kind} journey`, 'persona: scale', 'stages:'];
	const emotion = (n: number) => ((((n * 7) % 5) + (n % 10 === 0 ? variant : 0)) % 5) - 2;
	if (kind === 'dense') {
		for (let n = 0; n < MAX_TOUCHPOINTS; n++) lines.push(`  - name: Stage ${n + 1}`, '    touchpoints:', `      - {id: t${n}, name: Step ${n + 1}, emotion: ${emotion(n)}}`);
		return [...lines, '---', ''].join('\n');
	}
	// Texts sized so that the file ends just under the limit.
	const filler = (n: number, size: number) => `Step ${n + 1}: ${'the customer reads every line before going on, '.repeat(Math.ceil(size / 47))}`.slice(0, size);
	const perTouchpoint = Math.floor((MAX_FILE_BYTES - 8192) / MAX_TOUCHPOINTS);
	const text = Math.floor((perTouchpoint - 420) / 5);
	for (let n = 0; n < MAX_TOUCHPOINTS; n++) {
		if (n % 25 === 0) lines.push(`  - name: Stage ${n / 25 + 1}`, `    goal: "${filler(n, 60)}"`, '    touchpoints:');
		lines.push(
			`      - id: t${n}`,
			`        name: Step ${n + 1}`,
			`        channel: [${CHANNELS[n % 5]}, ${CHANNELS[(n + 1) % 5]}]`,
			`        action: "${filler(n, text)}"`,
			`        thinking: "${filler(n, text)}"`,
			`        emotion: ${emotion(n)}`,
			`        owner: Team ${n % 7}`,
			`        criticality: ${['low', 'medium', 'high'][n % 3]}`,
			`        conversion: "${90 - (n % 10)}%"`,
			`        pains: [{text: "${filler(n, text)}", impact: ${1 + (n % 5)}}]`,
			`        opportunities: ["${filler(n, text)}"]`,
			`        backstage: "${filler(n, text)}"`,
			`        kpis: {time on step: ${30 + (n % 50)}s}`,
			...(n % 10 === 0 && n + 2 < MAX_TOUCHPOINTS ? [`        next: [t${n + 1}, t${n + 2}]`] : [])
		);
	}
	return [...lines, '---', '', 'The largest journey the limits allow.', ''].join('\n');
}

const git = (cwd: string, ...args: string[]) =>
	execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'scale', GIT_AUTHOR_EMAIL: 'scale@example.com', GIT_COMMITTER_NAME: 'scale', GIT_COMMITTER_EMAIL: 'scale@example.com' } });

/** Writes the project into `dir`: both journeys committed, then changed in the working tree (for `cjm diff`). */
export function prepareScaleProject(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'journeys'), { recursive: true });
	mkdirSync(join(dir, 'personas'), { recursive: true });
	writeFileSync(join(dir, 'personas/scale.md'), '---\nname: Scale\n---\n');
	for (const kind of ['dense', 'full'] as const) writeFileSync(join(dir, `journeys/${kind}.md`), largestJourney(kind));
	git(dir, 'init', '-q', '-b', 'main');
	git(dir, 'add', '-A');
	git(dir, 'commit', '-q', '-m', 'the largest journeys');
	for (const kind of ['dense', 'full'] as const) writeFileSync(join(dir, `journeys/${kind}.md`), largestJourney(kind, 1));
}

/** Every command, with its arguments, as run in the project folder. */
export function scaleCommands(): Array<{ name: string; args: string[] }> {
	const perJourney = (id: string) => [
		...['html', 'svg', 'md', 'mermaid', 'mermaid-journey'].map((view) => ({ name: `render ${id} -f ${view}`, args: ['render', id, '-f', view] })),
		...EXPORT_FORMAT_IDS.map((format) => ({ name: `export ${id} -f ${format}`, args: ['export', id, '-f', format, '-o', `out/${id}.${EXPORT_FORMATS[format].extension}`] })),
	];
	return [
		{ name: 'validate', args: ['validate'] },
		{ name: 'validate -f json', args: ['validate', '-f', 'json'] },
		{ name: 'diff HEAD', args: ['diff', 'HEAD'] },
		{ name: 'diff HEAD -f markdown', args: ['diff', 'HEAD', '-f', 'markdown'] },
		...perJourney('dense'),
		...perJourney('full'),
	];
}
