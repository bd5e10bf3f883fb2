/** The map as one self-contained SVG file: the site's map layout, drawn by the render layer's `mapSvg`. */
import { mapSvg } from '../render/index.ts';
import type { Encoder } from './encoders.ts';
import { pictureScene } from './picture.ts';

export const encoder: Encoder = {
	journey: (input) => mapSvg(input.journey, { scene: pictureScene(input, 'svg') }),
};
