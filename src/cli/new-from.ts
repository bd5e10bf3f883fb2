/**
 * `cjm new journey <path> --from <journey>`: a future-state copy of a current-state journey. It
 * keeps every stage and touchpoint id, writing out the ids that were only derived from names, so
 * that renaming a step in the future state does not break the comparison with its baseline
 * (`cjm diff`, the site's before-and-after curves). The copy is the source's YAML document with a
 * few values changed, so the author's comments, order and quoting survive.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isScalar, type YAMLMap } from 'yaml';
import { JOURNEYS_DIR, type Journey, loadProject, suggester } from '../core/index.ts';
import { format } from '../report/index.ts';
import { joinFile, setAfter, splitFile, stageMaps, usePersonas } from './journey-doc.ts';
import { placeOf, Refusal } from './new-place.ts';

export interface FutureOptions {
	/** Root of the project the copy is written into (absolute). */
	root: string;
	cwd: string;
	/** Personas of the copy; empty: the source's. */
	persona: string[];
}

/** A journey id, or a path of a journey file. */
const isPath = (given: string) => given.endsWith('.md') || given.includes(`${JOURNEYS_DIR}/`);

/** The text of the future-state copy of `from`. */
export async function futureCopy(from: string, options: FutureOptions): Promise<string> {
	const source = isPath(from) ? placeOf(from, JOURNEYS_DIR, options.cwd) : { root: options.root, id: from.replace(/\.md$/, ''), file: join(options.root, JOURNEYS_DIR, `${from}.md`) };
	if (source.root !== options.root) throw new Refusal(`--from ${from} is in another project than the new journey: a baseline is a journey of the same project`);
	const display = relative(options.cwd, options.root) || '.';
	const { project, files } = await loadProject(options.root, { displayRoot: display });
	const journey = project.journeys.find((each) => each.id === source.id);
	const file = files.find((each) => each.path === join(display, JOURNEYS_DIR, `${source.id}.md`));
	if (!file) {
		const hint = suggester(project.journeys.map((each) => each.id)).closest(source.id);
		throw new Refusal(`No journey \`${source.id}\` in ${JOURNEYS_DIR}/${hint ? `; did you mean \`${hint}\`?` : ''}`);
	}
	if (!journey || file.messages.some((message) => message.fatal)) {
		throw new Refusal(`${format([file], 'stylish')}${file.path} has errors; fix them before copying it (\`cjm validate ${file.path}\`)`);
	}
	if (journey.state === 'future') throw new Refusal(`\`${source.id}\` is a future state already; --from takes a current-state journey`);

	const copy = splitFile(readFileSync(source.file, 'utf8'));
	if (!copy) throw new Refusal(`${file.path} has no frontmatter`);
	const { doc } = copy;
	const top = doc.contents as YAMLMap;
	keepIds(copy.doc, journey);
	const title = doc.get('title', true);
	if (isScalar(title)) title.value = futureTitle(String(title.value));
	setAfter(doc, top, 'state', 'future', ['goal', 'scenario', 'persona', 'title']);
	setAfter(doc, top, 'baseline', source.id, ['state']);
	setAfter(doc, top, 'status', 'hypothesis', ['baseline']);
	// The date of the source's last edit says nothing about the copy; git dates it from now on.
	top.delete('updated');
	if (options.persona.length > 0) usePersonas(doc, options.persona);
	doc.commentBefore = [
		` Future state of ${source.id}: how this journey should go once the ideas are built.`,
		' Every stage and touchpoint keeps the id it has in the baseline, so `cjm diff` and the site',
		' compare them step by step: change names and values freely, but keep the ids.',
		doc.commentBefore,
	]
		.filter(Boolean)
		.join('\n');
	return joinFile(copy);
}

/** Writes each stage's and touchpoint's id right after its name, where the source only derived it. */
function keepIds(doc: Parameters<typeof setAfter>[0], journey: Journey): void {
	let stageIndex = 0;
	for (const { stage, touchpoints } of stageMaps(doc)) {
		const model = journey.stages[stageIndex++];
		if (!model) break;
		if (!stage.has('id')) setAfter(doc, stage, 'id', model.id, ['name']);
		touchpoints.forEach((touchpoint, i) => {
			const id = model.touchpoints[i]?.id;
			if (id !== undefined && !touchpoint.has('id')) setAfter(doc, touchpoint, 'id', id, ['name']);
		});
	}
}

/** "Sign-up (today)" → "Sign-up (future)"; any other title gets " (future)". */
export const futureTitle = (title: string): string => (/\((today|current|current state)\)\s*$/i.test(title) ? title.replace(/\((today|current|current state)\)\s*$/i, '(future)') : `${title} (future)`);
