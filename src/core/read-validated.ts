/** Reads a file's frontmatter and checks it against a schema, reporting every problem at its place. */
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { type Frontmatter, readFrontmatter } from './frontmatter.ts';
import { describeIssues, RESERVED_KEY, reservedKeys } from './issues.ts';
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
	// `__proto__` keys are rare enough to look for in the text before walking the data.
	const reserved = frontmatter.text.includes(RESERVED_KEY) ? reservedKeys(frontmatter.data) : [];
	if (checked.success && reserved.length === 0) return { frontmatter, input: checked.data };
	const issues = checked.success ? [] : schema.safeParse(frontmatter.data, { reportInput: true }).error!.issues;
	for (const problem of describeIssues(issues, frontmatter.data, schema, reserved)) {
		report(file, problem.rule, problem.reason, placeOf(frontmatter, problem.path, problem.target), { expected: problem.expected });
	}
	return { frontmatter };
}
