/** Baseline for the validate benchmark: only read every file and parse its frontmatter with `yaml`. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

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
				parse(text.slice(4, end));
				parsed++;
			})
	);
}
console.log(`parsed ${parsed} files`);
