/**
 * Baselines for the validate benchmark: only read every file and parse its frontmatter, with
 * `yaml` (`baseline-yaml.ts <dir>`) or with the fast parser alone, js-yaml as `cjm validate`
 * calls it (`baseline-yaml.ts <dir> fast`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readPlainYaml } from '../src/core/fast-yaml.ts';

const [root, parser = 'yaml'] = process.argv.slice(2);
const read =
	parser === 'fast'
		? (yaml: string, name: string) => {
				if (readPlainYaml(yaml) === undefined) throw new Error(`${name}: the fast parser refused it`);
			}
		: (yaml: string) => void parse(yaml);
let parsed = 0;
for (const dir of ['journeys', 'personas']) {
	const names = await readdir(join(root, dir), { recursive: true });
	await Promise.all(
		names
			.filter((name) => name.endsWith('.md'))
			.map(async (name) => {
				const text = await readFile(join(root, dir, name), 'utf8');
				read(text.slice(4, text.indexOf('\n---', 4)), name);
				parsed++;
			})
	);
}
console.log(`parsed ${parsed} files`);
