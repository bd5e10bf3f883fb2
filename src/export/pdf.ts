/**
 * The map on one landscape page (A3 unless --paper says otherwise), scaled to fit, drawn as vector
 * shapes and real text in the map's embedded font (subset to the glyphs used), so the text can be
 * selected, searched and zoomed. It draws the same scene as the SVG, shape by shape.
 */
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { LineCapStyle, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { MAP_TEXT_SIZE, type SceneShape } from '../render/index.ts';
import type { Encoder, JourneyExport } from './encoders.ts';
import { MAP_FONT_FILES } from './font.ts';
import { PAPERS } from './formats.ts';
import { pdfScale } from './limits.ts';
import { pictureScene } from './picture.ts';

/** Page margin in points (10 mm). */
const MARGIN = 28;

const colour = (hex: string | undefined) => {
	if (!hex || hex === 'none') return undefined;
	const value = Number.parseInt(hex.slice(1), 16);
	return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
};

export async function mapPdf(input: JourneyExport): Promise<Uint8Array<ArrayBuffer>> {
	const scene = pictureScene(input, 'pdf');
	const scale = pdfScale(input.journey, scene, input.paper, MARGIN, MAP_TEXT_SIZE.cell);
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(fontkit);
	pdf.setTitle(scene.title);
	pdf.setSubject(scene.description);
	pdf.setCreator('cjm export');
	// Fixed dates: the same journey gives the same bytes, so a site rebuild changes no unchanged file.
	pdf.setCreationDate(new Date(0));
	pdf.setModificationDate(new Date(0));
	const fonts = {
		regular: await pdf.embedFont(readFileSync(MAP_FONT_FILES.regular), { subset: true }),
		bold: await pdf.embedFont(readFileSync(MAP_FONT_FILES.bold), { subset: true }),
	};
	const { width: short, height: long } = PAPERS[input.paper];
	const page = pdf.addPage([long, short]);
	// Centre the map; scene y runs down from the map's top, PDF y up from the page's bottom.
	const left = (long - scene.width * scale) / 2;
	const top = short - (short - scene.height * scale) / 2;
	for (const shape of scene.shapes) draw(page, shape, { left, top, scale, fonts });
	return new Uint8Array(await pdf.save());
}

function draw(page: PDFPage, shape: SceneShape, at: { left: number; top: number; scale: number; fonts: { regular: PDFFont; bold: PDFFont } }) {
	const { left, top, scale } = at;
	const px = (x: number) => left + x * scale;
	const py = (y: number) => top - y * scale;
	switch (shape.kind) {
		case 'rect':
			page.drawRectangle({ x: px(shape.x), y: py(shape.y + shape.height), width: shape.width * scale, height: shape.height * scale, color: colour(shape.fill), borderColor: colour(shape.stroke), borderWidth: shape.stroke ? scale : 0 });
			return;
		case 'line':
			page.drawLine({ start: { x: px(shape.x1), y: py(shape.y1) }, end: { x: px(shape.x2), y: py(shape.y2) }, color: colour(shape.stroke), thickness: shape.width * scale, dashArray: shape.dash?.map((d) => d * scale) });
			return;
		case 'path':
			// drawSvgPath reads the path in SVG coordinates (y down) from the origin it is given, and
			// scales the line width and dashes with the path: they stay in the scene's pixels.
			page.drawSvgPath(shape.d, {
				x: px(shape.x),
				y: py(shape.y),
				scale,
				color: colour(shape.fill),
				borderColor: colour(shape.stroke),
				borderWidth: shape.width,
				borderDashArray: shape.dash,
				borderLineCap: LineCapStyle.Round,
			});
			return;
		case 'text': {
			const font = shape.bold ? at.fonts.bold : at.fonts.regular;
			const size = shape.size * scale;
			const width = shape.anchor === 'end' || shape.anchor === 'middle' ? font.widthOfTextAtSize(shape.text, size) : 0;
			const x = px(shape.x) - (shape.anchor === 'end' ? width : shape.anchor === 'middle' ? width / 2 : 0);
			page.drawText(shape.text, { x, y: py(shape.y), size, font, color: colour(shape.fill) });
		}
	}
}

export const encoder: Encoder = { journey: mapPdf };
