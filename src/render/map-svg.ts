/**
 * The journey map as one self-contained SVG file (the `svg` export, and the picture the PNG and the
 * slides are made from): the map scene written as SVG elements with their paint as attributes. No
 * script, no stylesheet, no link, no external reference; text is text (searchable, selectable),
 * set in the map's font with generic fallbacks for a viewer that lacks it.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import type { Journey } from '../core/index.ts';
import { MAP_COLOURS, MAP_FONT_FAMILY, type MapScene, mapScene, type MapSceneOptions, type SceneShape } from './map-scene.ts';

const dash = (values?: number[]) => values?.join(' ');

function shape(item: SceneShape): Element {
	switch (item.kind) {
		case 'rect':
			return s('rect', { x: item.x, y: item.y, width: item.width, height: item.height, fill: item.fill ?? 'none', stroke: item.stroke });
		case 'line':
			return s('line', { x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2, stroke: item.stroke, strokeWidth: item.width, strokeDasharray: dash(item.dash) });
		case 'path':
			return s('path', {
				d: item.d,
				transform: `translate(${item.x},${item.y})`,
				fill: item.fill ?? 'none',
				stroke: item.stroke,
				strokeWidth: item.width,
				strokeDasharray: dash(item.dash),
				strokeLinecap: 'round',
				strokeLinejoin: 'round',
			});
		case 'text':
			return s('text', { x: item.x, y: item.y, fontSize: item.size, fontWeight: item.bold ? 'bold' : undefined, fill: item.fill, textAnchor: item.anchor === 'start' ? undefined : item.anchor }, item.text);
	}
}

export function mapSvgTree(scene: MapScene): Element {
	return s(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			width: scene.width,
			height: scene.height,
			viewBox: `0 0 ${scene.width} ${scene.height}`,
			fontFamily: `'${MAP_FONT_FAMILY}', 'Source Sans Pro', Arial, sans-serif`,
			role: 'img',
			ariaLabelledBy: 'map-title map-desc',
		},
		[
			s('title', { id: 'map-title' }, scene.title),
			s('desc', { id: 'map-desc' }, scene.description),
			s('rect', { width: scene.width, height: scene.height, fill: MAP_COLOURS.bg }),
			...scene.shapes.map(shape),
		]
	);
}

/** The map of a journey as an SVG document. */
export function mapSvg(journey: Journey, options: MapSceneOptions & { scene?: MapScene } = {}): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(mapSvgTree(options.scene ?? mapScene(journey, options)), { space: 'svg' })}\n`;
}
