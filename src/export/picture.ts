/** The map scene every picture export draws (SVG, PNG, PDF, the slides' picture), with the project's persona names and the size limits checked first. */
import { touchpointsOf } from '../core/index.ts';
import { type MapScene, mapScene } from '../render/index.ts';
import type { JourneyExport } from './encoders.ts';
import type { ExportFormat } from './formats.ts';
import { checkTouchpoints } from './limits.ts';

export function pictureScene({ journey, baseline, personaNames }: JourneyExport, format: ExportFormat): MapScene {
	checkTouchpoints(journey, touchpointsOf(journey).length, format);
	return mapScene(journey, { baseline, personaNames });
}
