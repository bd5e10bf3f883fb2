/** JSON Schemas of the file format, generated from the zod schemas (the single source), for editors and other tools. */
import { z } from 'zod';
import { JourneySchema, PersonaSchema } from './schema.ts';

const generate = (schema: z.ZodType, id: string, title: string) => ({
	$id: id,
	title,
	...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }),
});

export function jsonSchemas(): Record<string, object> {
	return {
		'journey.schema.json': generate(JourneySchema, 'journey.schema.json', 'Journey map frontmatter'),
		'persona.schema.json': generate(PersonaSchema, 'persona.schema.json', 'Persona frontmatter'),
	};
}
