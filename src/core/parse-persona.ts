/** Parses one persona file into the model. Its avatar’s existence is checked by `loadProject`, which knows the disk. */
import { posix } from 'node:path';
import type { VFile } from 'vfile';
import { lintBody } from './lint-body.ts';
import type { Persona } from './model.ts';
import type { Place } from './place.ts';
import { readValidated } from './read-validated.ts';
import { PersonaSchema } from './schema.ts';
import { placeOf } from './yaml-path.ts';

export interface ParsedPersona {
	persona: Persona;
	/** Where the name and avatar are written, for the project-wide checks (plain data). */
	places: { name: Place; avatar?: Place };
	/** The avatar path as written in the file, relative to it. */
	avatarAsWritten?: string;
}

/** Parses `file` (a persona with id `id`, at project-relative `path`); undefined when too broken to model. */
export function parsePersona(file: VFile, id: string, path = file.path): ParsedPersona | undefined {
	const validated = readValidated(file, PersonaSchema);
	if (!validated?.input) return undefined;
	const { frontmatter, input } = validated;
	const persona: Persona = {
		id,
		path,
		...input,
		avatar: input.avatar === undefined ? undefined : posix.join(posix.dirname(path), input.avatar),
		body: frontmatter.text.slice(frontmatter.bodyOffset).trim(),
	};
	lintBody(file, frontmatter);
	const places = { name: placeOf(frontmatter, ['name'], 'key'), ...(input.avatar === undefined ? {} : { avatar: placeOf(frontmatter, ['avatar']) }) };
	return { persona, places, avatarAsWritten: input.avatar };
}
