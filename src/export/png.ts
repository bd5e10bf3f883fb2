/**
 * The map as a PNG at twice the SVG's size (sharp on projectors and high-density screens):
 * the SVG export rasterised by resvg, with the map's font and no system fonts, so the pixels are
 * the same on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Journey } from '../core/index.ts';
import { MAP_FONT_FAMILY, type MapScene, mapSvg } from '../render/index.ts';
import type { Encoder, JourneyExport } from './encoders.ts';
import { MAP_FONT_FILES } from './font.ts';
import { checkPixels } from './limits.ts';
import { pictureScene } from './picture.ts';

export const PNG_SCALE = 2;

export function mapPng(input: JourneyExport): Uint8Array<ArrayBuffer> {
	const scene = pictureScene(input, 'png');
	checkPixels(input.journey, scene, PNG_SCALE, 'a PNG');
	return scenePng(input.journey, scene);
}

/** A map scene (its size already checked) as PNG bytes. */
export function scenePng(journey: Journey, scene: MapScene): Uint8Array<ArrayBuffer> {
	const svg = mapSvg(journey, { scene });
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: PNG_SCALE },
		font: { loadSystemFonts: false, fontFiles: [MAP_FONT_FILES.regular, MAP_FONT_FILES.bold], defaultFontFamily: MAP_FONT_FAMILY, sansSerifFamily: MAP_FONT_FAMILY },
	});
	return new Uint8Array(resvg.render().asPng());
}

export const encoder: Encoder = { journey: mapPng };
