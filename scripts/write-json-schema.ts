/** `npm run schema`: writes schema/*.schema.json from the zod schemas. A test fails when they are stale. */
import { writeFile } from 'node:fs/promises';
import { jsonSchemas } from '../src/core/json-schema.ts';

const dir = new URL('../schema/', import.meta.url);
for (const [name, schema] of Object.entries(jsonSchemas())) {
	await writeFile(new URL(name, dir), `${JSON.stringify(schema, null, '\t')}\n`);
	console.log(`wrote schema/${name}`);
}
