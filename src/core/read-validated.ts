/** Reads a file's frontmatter and checks it against a schema, reporting every problem at its place. */
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { type Frontmatter, readFrontmatter } from './frontmatter.ts';
import { describeIssues } from './issues.ts';
import { report } from './rules.ts';
import { placeOf } from './yaml-path.ts';

/**
 * The frontmatter and its data as the schema outputs it. `input` is missing when the data does
 * not fit the schema (the problems are messages on `file`); the whole result is undefined when
 * the frontmatter cannot be read at all.
 */
export function readValidated<S extends z.ZodType>(file: VFile, schema: S): { frontmatter: Frontmatter; input?: z.output<S> } | undefined {
	const frontmatter = readFrontmatter(file);
	if (!frontmatter) return undefined;
	// Most files fit: check plainly first, and again with the issues' inputs only when something is wrong.
	const checked = schema.safeParse(frontmatter.data);
	if (checked.success) return { frontmatter, input: checked.data };
	const result = schema.safeParse(frontmatter.data, { reportInput: true });
	for (const problem of describeIssues(result.error!.issues, frontmatter.data, schema)) {
		report(file, problem.rule, problem.reason, placeOf(frontmatter, problem.path, problem.target), { expected: problem.expected });
	}
	return { frontmatter };
}
