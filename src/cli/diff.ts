/** `cjm diff [base] [head]`: what a change does to the journeys, for a terminal, a tool or a pull-request comment. */
import { resolve } from 'node:path';
import { diffProjects, loadProject } from '../core/index.ts';
import { diffMarkdown, diffText } from '../render/index.ts';
import { defaultBase, projectAt, verifyRepository } from './git.ts';
import { resolveTargets } from './targets.ts';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export async function diff(base: string | undefined, head: string | undefined, format: DiffFormat, cwd: string): Promise<string> {
	const [target] = resolveTargets(['.'], cwd);
	const root = resolve(cwd, target.root);
	verifyRepository(root);
	const baseRef = base ?? defaultBase(root);
	const before = projectAt(baseRef, root, target.root);
	const after = head ? projectAt(head, root, target.root) : await loadProject(root, { displayRoot: target.root });
	const result = diffProjects(before, after);
	if (format === 'json') return `${JSON.stringify({ base: baseRef, head: head ?? 'working tree', ...result }, null, 2)}\n`;
	if (format === 'markdown') return diffMarkdown(result, { compare: { base: base ?? `merge base ${baseRef.slice(0, 12)}`, head: head ?? 'working tree' } });
	return diffText(result);
}
