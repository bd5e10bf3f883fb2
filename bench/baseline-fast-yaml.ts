/** Second baseline for the validate benchmark: read every file and parse its frontmatter with the fast parser alone (js-yaml, as `cjm validate` calls it). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPlainYaml } from '../src/core/fast-yaml.ts';

const root = process.argv[2];
let parsed = 0;
for (const dir of ['journeys', 'personas']) {
	const names = await readdir(join(root, dir), { recursive: true });
	await Promise.all(
		names
			.filter((name) => name.endsWith('.md'))
			.map(async (name) => {
				const text = await readFile(join(root, dir, name), 'utf8');
				const end = text.indexOf('\n---', 4);
				if (readPlainYaml(text.slice(4, end)) === undefined) throw new Error(`${name}: the fast parser refused it`);
				parsed++;
			})
	);
}
console.log(`parsed ${parsed} files`);
