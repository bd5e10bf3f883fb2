/**
 * Warnings about a journey that is valid but probably incomplete: gaps in the emotion curve,
 * drops nobody explained, pains nobody owns, stages with nothing in them, critical steps of a
 * validated map that no research supports.
 */
import type { VFile } from 'vfile';
import { type Journey, unownedPains } from './model.ts';
import type { Place } from './place.ts';
import { report } from './rules.ts';
import type { Path } from './yaml-path.ts';

/** A fall of this much between consecutive touchpoints should be explained by a pain. */
export const RAPID_DROP = 2;

export function lintJourney(file: VFile, journey: Journey, at: (path: Path, target?: 'key' | 'value') => Place): void {
	let previous: { score: number; name: string } | undefined;
	journey.stages.forEach((stage, s) => {
		if (stage.touchpoints.length === 0) {
			report(file, 'empty-stage', `Unexpected stage \`${stage.name}\` without touchpoints, add at least one`, at(['stages', s, 'name']));
		}
		stage.touchpoints.forEach((touchpoint, t) => {
			const path = ['stages', s, 'touchpoints', t];
			if (!touchpoint.emotion) {
				report(
					file,
					'missing-emotion',
					`Missing \`emotion\` on touchpoint \`${touchpoint.name}\`, add a score from -2 to 2 so the emotion curve has no gap`,
					at([...path, 'name'])
				);
			} else {
				const score = touchpoint.emotion.actual;
				if (previous && previous.score - score >= RAPID_DROP && touchpoint.pains.length === 0) {
					report(
						file,
						'unexplained-drop',
						`Unexpected drop in emotion from ${previous.score} at \`${previous.name}\` to ${score} at \`${touchpoint.name}\` with no pain recorded, add the \`pains\` that explain it`,
						at([...path, 'emotion'])
					);
				}
				previous = { score, name: touchpoint.name };
			}
			if (journey.status === 'validated' && touchpoint.criticality === 'high' && !touchpoint.evidence) {
				report(
					file,
					'unsupported-touchpoint',
					`Unexpected high-criticality touchpoint \`${touchpoint.name}\` without \`evidence\` on a validated map, list the \`sources\` it rests on in \`evidence\`, or mark the map a \`hypothesis\``,
					at([...path, 'criticality'])
				);
			}
			if (unownedPains(touchpoint).length > 0) {
				report(
					file,
					'unowned-pain',
					`Unexpected pains without an owner on touchpoint \`${touchpoint.name}\`, add an \`owner\` to the touchpoint or to each pain`,
					at([...path, 'pains'], 'key')
				);
			}
		});
	});
}
