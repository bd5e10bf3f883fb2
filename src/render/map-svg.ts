/**
 * The journey map as one self-contained SVG file (the `svg` export, and the picture the PNG and the
 * slides are made from): the map scene written as SVG elements with their paint as attributes. No
 * script, no stylesheet, no link, no external reference; text is text (searchable, selectable),
 * set in the map's font with generic fallbacks for a viewer that lacks it.
 *
 * Written as a string by one small serialiser rather than as a hast tree: a map is thousands of
 * plain elements, and hast-util-to-html took most of the time of a site build's SVG downloads.
 * Every value goes through `escape`, so user text can never become markup.
 */
import type { Journey } from '../core/index.ts';
import { MAP_COLOURS, MAP_FONT_FAMILY, type MapScene, mapScene, type MapSceneOptions, type SceneShape } from './map-scene.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SPECIAL = /[&<>"]/;
const EVERY_SPECIAL = new RegExp(SPECIAL.source, 'g');
// Tested before replaced: most values (numbers' text, colours, words) have nothing to escape.
const escape = (value: string) => (SPECIAL.test(value) ? value.replace(EVERY_SPECIAL, (char) => ENTITIES[char]) : value);
/** Numbers rounded to 0.1 px: finer than any screen, and short. */
const num = (value: number) => String(Math.round(value * 10) / 10);

function element(name: string, attributes: Record<string, string | number | undefined>, text?: string): string {
	let out = `<${name}`;
	for (const key in attributes) {
		const value = attributes[key];
		if (value !== undefined) out += ` ${key}="${typeof value === 'number' ? num(value) : escape(value)}"`;
	}
	return text === undefined ? `${out}/>` : `${out}>${escape(text)}</${name}>`;
}

const dash = (values?: number[]) => values?.join(' ');

function shape(item: SceneShape): string {
	switch (item.kind) {
		case 'rect':
			return element('rect', { x: item.x, y: item.y, width: item.width, height: item.height, fill: item.fill ?? 'none', stroke: item.stroke });
		case 'line':
			return element('line', { x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2, stroke: item.stroke, 'stroke-width': item.width, 'stroke-dasharray': dash(item.dash) });
		case 'path':
			return element('path', {
				d: item.d,
				transform: `translate(${num(item.x)},${num(item.y)})`,
				fill: item.fill ?? 'none',
				stroke: item.stroke,
				'stroke-width': item.width,
				'stroke-dasharray': dash(item.dash),
				'stroke-linecap': 'round',
				'stroke-linejoin': 'round',
			});
		case 'text':
			return element(
				'text',
				{ x: item.x, y: item.y, 'font-size': item.size, 'font-weight': item.bold ? 'bold' : undefined, fill: item.fill, 'text-anchor': item.anchor === 'start' ? undefined : item.anchor },
				item.text
			);
	}
}

/** A scene as an SVG document. */
export function sceneSvg(scene: MapScene): string {
	const root = element('svg', {
		xmlns: 'http://www.w3.org/2000/svg',
		width: scene.width,
		height: scene.height,
		viewBox: `0 0 ${num(scene.width)} ${num(scene.height)}`,
		'font-family': `'${MAP_FONT_FAMILY}', 'Source Sans Pro', Arial, sans-serif`,
		role: 'img',
		'aria-labelledby': 'map-title map-desc',
	}).slice(0, -2);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`${root}>`,
		element('title', { id: 'map-title' }, scene.title),
		element('desc', { id: 'map-desc' }, scene.description),
		element('rect', { width: scene.width, height: scene.height, fill: MAP_COLOURS.bg }),
		...scene.shapes.map(shape),
		'</svg>',
		'',
	].join('\n');
}

/** The map of a journey as an SVG document. */
export function mapSvg(journey: Journey, options: MapSceneOptions & { scene?: MapScene } = {}): string {
	return sceneSvg(options.scene ?? mapScene(journey, options));
}
