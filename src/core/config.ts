/**
 * The project's settings: one optional YAML file at the root, `cjm.config.yaml`, checked like
 * frontmatter (a zod schema, messages at the key or value). Having the file opts a project into
 * checks that depend on the date, such as `stale-map`: without it, `cjm validate` gives the same
 * answer for a commit whenever it runs.
 */
import type { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { YAML_OPTIONS } from './fast-yaml.ts';
import { describeIssues } from './issues.ts';
import { locator } from './place.ts';
import { report } from './rules.ts';
import { placeOf } from './yaml-path.ts';
import { yamlMistake } from './yaml-mistakes.ts';

export const CONFIG_FILE = 'cjm.config.yaml';

/** A review of a map holds this many days unless the config says otherwise. */
export const DEFAULT_REVIEW_DAYS = 180;

export const ConfigSchema = z
	.strictObject(
		{
			review: z
				.strictObject(
					{
						every: z
							.int({ error: 'a whole number of days from 1' })
							.min(1)
							.default(DEFAULT_REVIEW_DAYS)
							.describe('How many days a review of a map holds; after that, `stale-map` warns.'),
					},
					{ error: 'a map with `every`' }
				)
				.default(() => ({ every: DEFAULT_REVIEW_DAYS }))
				.describe('When maps are due for review.'),
			blame: z
				.boolean({ error: '`true` or `false`' })
				.default(false)
				.describe('Show when each touchpoint last changed, from `git blame` of each journey file (adds build time).'),
		},
		{ error: 'a map of settings' }
	)
	.describe(`Settings of a journey-map project (${CONFIG_FILE} at its root).`);

export type Config = z.output<typeof ConfigSchema>;

/** The settings of a project without a config file. */
export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

/** The settings in `file` (the config file's text); problems become messages on it and their settings the defaults. */
export function readConfig(file: VFile): Config {
	const text = String(file.value).replace(/^\uFEFF/, '');
	file.value = text;
	const locate = locator(file);
	const doc = parseDocument(text, YAML_OPTIONS);
	if (doc.errors.length > 0) {
		const [error] = doc.errors;
		const mistake = yamlMistake(text, doc.errors.map((each) => each.pos[0]));
		if (mistake) report(file, 'yaml-syntax', `${mistake.reason} (in the settings)`, locate(mistake.start, mistake.end));
		else report(file, 'yaml-syntax', `Unexpected YAML in the settings: ${error.message.split('\n')[0]}, fix the syntax`, locate(error.pos[0]));
		return DEFAULT_CONFIG;
	}
	let data: unknown;
	try {
		// Settings are a handful of keys: aliases that expand to more are a bomb, not settings.
		data = doc.toJS({ maxAliasCount: 100 }) ?? {};
	} catch {
		report(file, 'yaml-limits', 'Unexpected aliases that expand too much in the settings, write the settings out', locate(0));
		return DEFAULT_CONFIG;
	}
	const checked = ConfigSchema.safeParse(data, { reportInput: true });
	if (checked.success) return checked.data;
	for (const problem of describeIssues(checked.error.issues, data, ConfigSchema)) {
		report(file, problem.rule, problem.reason, placeOf({ doc, locate, yamlOffset: 0 }, problem.path, problem.target), { expected: problem.expected });
	}
	return DEFAULT_CONFIG;
}
