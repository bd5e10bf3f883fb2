/** `cjm validate`: check journeys and personas, print the problems, and say by exit code whether they pass. */
import { resolve } from 'node:path';
import type { VFile } from 'vfile';
import { loadProject } from '../core/index.ts';
import { type Format, format } from './format.ts';
import { isIncluded, resolveTargets } from './targets.ts';

export interface ValidateOptions {
	format: Format;
	strict: boolean;
	color?: boolean;
}

export interface ValidateResult {
	files: VFile[];
	output: string;
	exitCode: 0 | 1;
}

export async function validate(paths: string[], options: ValidateOptions, cwd = process.cwd()): Promise<ValidateResult> {
	const files: VFile[] = [];
	for (const target of resolveTargets(paths.length > 0 ? paths : ['.'], cwd)) {
		const { files: loaded } = await loadProject(resolve(cwd, target.root), { displayRoot: target.root });
		files.push(...loaded.filter((file) => isIncluded(resolve(cwd, file.path), target.include)));
	}
	const messages = files.flatMap((file) => file.messages);
	const failed = messages.some((message) => message.fatal || options.strict);
	return { files, output: format(files, options.format, { color: options.color }), exitCode: failed ? 1 : 0 };
}
