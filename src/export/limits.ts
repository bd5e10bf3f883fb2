/**
 * How large a map each picture format writes. Past these a file would open slowly or not at all,
 * or print text too small to read, so the export refuses with a message saying what to do instead.
 * Documented in docs/file-format.md ("Limits") and the README; the numbers are defined only here.
 */
import { type Journey, touchpointsOf } from '../core/index.ts';
// Types only: the CLI reads the limits through the export layer's entry on every command, and the
// render layer would add a tenth of a second to each start.
import type { MapScene } from '../render/index.ts';
import { ExportError } from './error.ts';
import { EXPORT_FORMATS, type ExportFormat, type Paper, PAPER_IDS, PAPERS } from './formats.ts';

export const EXPORT_LIMITS = {
	/** Touchpoint columns in any map picture (SVG, PNG, PDF, slides): about 92,000 px wide at 500. */
	touchpoints: 500,
	/** Pixels of a PNG (twice the map's size), also the slides' map picture: 64 megapixels is 256 MB decoded. */
	megapixels: 64,
	/**
	 * The smallest size, in points, a PDF page may set the map's cell text (`MAP_TEXT_SIZE.cell`) at once the map is
	 * scaled to fit the paper: small print, but still readable zoomed in (the text is vector). A3 holds
	 * about 50 touchpoints, A4 and Letter about 35.
	 */
	pdfTextPoints: 1.5,
	/** Touchpoints of one stage on its slide: the table of a larger stage runs off the slide. */
	slideTouchpoints: 12,
} as const;

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Whether `journey` is within the limits of `format` that are known before drawing it: the site
 * links to, and builds, only the downloads it can make (a site format's limits must all be of this kind).
 */
export function withinLimits(format: ExportFormat, journey: Journey): boolean {
	return !EXPORT_FORMATS[format].picture || touchpointsOf(journey).length <= EXPORT_LIMITS.touchpoints;
}

/** Every picture format: refuse a map with more columns than any picture of it could show. */
export function checkTouchpoints(journey: Journey, count: number, format: string) {
	if (count > EXPORT_LIMITS.touchpoints) {
		throw new ExportError(
			`\`${journey.id}\` has ${thousands(count)} touchpoints; --format ${format} draws maps of at most ${EXPORT_LIMITS.touchpoints} (a wider picture is too large to open or read). Split the journey into several, or export its data with --format json`
		);
	}
}

/** PNG, and the slides' picture of the map: a bounded number of pixels at `scale`. */
export function checkPixels(journey: Journey, scene: MapScene, scale: number, what: string) {
	const width = Math.ceil(scene.width * scale);
	const height = Math.ceil(scene.height * scale);
	const megapixels = (width * height) / 1e6;
	if (megapixels > EXPORT_LIMITS.megapixels) {
		throw new ExportError(
			`the map of \`${journey.id}\` would be ${thousands(width)} × ${thousands(height)} px (${Math.round(megapixels)} megapixels) as ${what}; it holds at most ${EXPORT_LIMITS.megapixels} megapixels. Export it with --format svg or pdf, or split the journey`
		);
	}
}

/**
 * The scale that fits the map on one landscape page of `paper` inside `margin`, refused where its
 * text would be too small to read; `cellText` is the size in px of the map's cell text (`MAP_TEXT_SIZE.cell`).
 */
export function pdfScale(journey: Journey, scene: MapScene, paper: Paper, margin: number, cellText: number): number {
	const scaleOn = (on: Paper) => {
		const { width: short, height: long } = PAPERS[on];
		return Math.min((long - 2 * margin) / scene.width, (short - 2 * margin) / scene.height, 1);
	};
	// The map's cell text, in px, prints at that many points times the scale.
	const textPoints = (on: Paper) => cellText * scaleOn(on);
	const readable = (on: Paper) => textPoints(on) >= EXPORT_LIMITS.pdfTextPoints;
	if (!readable(paper)) {
		// Suggest only papers on which this map would be readable; on the largest, none is.
		const larger = PAPER_IDS.filter((other) => other !== paper && readable(other)).map((other) => `--paper ${other}`);
		const instead = larger.length > 0 ? `Choose ${larger.join(' or ')}, export it with --format svg, or split the journey` : 'Export it with --format svg, or split the journey';
		throw new ExportError(
			`on ${paper.toUpperCase()} paper the map of \`${journey.id}\` would set its text at ${textPoints(paper).toFixed(1)} pt, below the ${EXPORT_LIMITS.pdfTextPoints} pt a page can still be read at. ${instead}`
		);
	}
	return scaleOn(paper);
}
