/**
 * The VS Code snippets in .vscode/journey.code-snippets write the current file format: each body,
 * filled in with its placeholders' defaults (the first choice of a choice) and indented where the
 * snippet's description says it goes, makes a journey that the core validates without a message.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadProject } from '../../src/core/index.ts';
import { repoRoot } from '../helpers.ts';

interface Snippet {
	scope: string;
	prefix: string[];
	description: string;
	body: string[];
}

const snippets = JSON.parse(readFileSync(join(repoRoot, '.vscode/journey.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** The text VS Code inserts when every placeholder is left at its default, indented by `indent`. */
function filledIn(snippet: Snippet, indent: string): string {
	return snippet.body
		.map((line) =>
			line
				.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
				.replace(/\$\{\d+:([^}]*)\}/g, '$1')
				.replace(/\$\d+/g, '')
		)
		.filter((line) => line !== '')
		.map((line) => indent + line)
		.join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'cjm-snippets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the stage and touchpoint snippets, filled in, make a journey that validates', async () => {
	expect(Object.keys(snippets).sort()).toEqual(['Journey stage', 'Journey touchpoint']);
	const stage = filledIn(snippets['Journey stage'], '  ');
	const touchpoint = filledIn(snippets['Journey touchpoint'], '      ');
	// Every placeholder was filled in: no `$` is left in what the file would hold.
	expect(`${stage}\n${touchpoint}`).not.toContain('$');
	mkdirSync(join(work, 'journeys'));
	mkdirSync(join(work, 'personas'));
	cpSync(join(repoRoot, 'personas/marco-rossi.md'), join(work, 'personas/marco-rossi.md'));
	writeFileSync(join(work, 'journeys/snippets.md'), `---\ntitle: Made with the snippets\npersona: marco-rossi\nstages:\n${stage}\n${touchpoint}\n---\n`);
	const { project, files } = await loadProject(work, { displayRoot: '.' });
	expect(files.map((file) => ({ path: file.path, messages: file.messages.map(String) }))).toEqual([
		{ path: 'journeys/snippets.md', messages: [] },
		{ path: 'personas/marco-rossi.md', messages: [] },
	]);
	const [journey] = project.journeys;
	// The touchpoint snippet landed in the stage the stage snippet started: two touchpoints, every field read.
	expect(journey.stages).toHaveLength(1);
	expect(journey.stages[0].touchpoints.map((each) => each.name)).toEqual(["First touchpoint, in the customer's words", "Next touchpoint, in the customer's words"]);
	expect(journey.stages[0].touchpoints[1]).toMatchObject({ channels: ['web'], emotion: { actual: 0 }, owner: 'Team that owns this touchpoint' });
});
