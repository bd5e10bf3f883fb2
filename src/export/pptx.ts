/**
 * Slides for a review or a workshop: a title slide with the map picture (the PNG export), then one
 * slide per stage with its touchpoints, their feelings, pains and opportunities as an editable
 * table, so a presenter can cut and reword without going back to the repository.
 */
import PptxGenJS from 'pptxgenjs';
import { type Stage, type Touchpoint, touchpointsOf } from '../core/index.ts';
import { EMOTION_WORDS, signed } from '../render/index.ts';
import type { Encoder, JourneyExport } from './encoders.ts';
import { ExportError } from './error.ts';
import { checkPixels, EXPORT_LIMITS } from './limits.ts';
import { pictureScene } from './picture.ts';
import { PNG_SCALE, scenePng } from './png.ts';

/** PowerPoint's 16:9 slide, in inches. */
const SLIDE = { width: 13.333, height: 7.5, margin: 0.5 };

export async function mapSlides(input: JourneyExport): Promise<Uint8Array<ArrayBuffer>> {
	const { journey } = input;
	for (const stage of journey.stages) {
		if (stage.touchpoints.length > EXPORT_LIMITS.slideTouchpoints) {
			throw new ExportError(
				`stage \`${stage.id}\` of \`${journey.id}\` has ${stage.touchpoints.length} touchpoints; a slide holds at most ${EXPORT_LIMITS.slideTouchpoints}. Split the stage, or export the map with --format svg or pdf`
			);
		}
	}
	const scene = pictureScene(input, 'pptx');
	checkPixels(journey, scene, PNG_SCALE, 'the slides’ map picture');
	const png = scenePng(journey, scene);

	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = journey.title;
	pptx.company = '';

	const title = pptx.addSlide();
	const inner = SLIDE.width - 2 * SLIDE.margin;
	title.addText(journey.title, { x: SLIDE.margin, y: 0.3, w: inner, h: 0.7, fontSize: 28, bold: true });
	title.addText(`${journey.stages.length} stages · ${touchpointsOf(journey).length} touchpoints`, { x: SLIDE.margin, y: 0.95, w: inner, h: 0.4, fontSize: 14, color: '4B5563' });
	// The picture as large as fits below the title, keeping its proportions.
	const box = { x: SLIDE.margin, y: 1.5, w: inner, h: SLIDE.height - 1.5 - SLIDE.margin };
	const fit = Math.min(box.w / scene.width, box.h / scene.height);
	title.addImage({
		data: `image/png;base64,${Buffer.from(png).toString('base64')}`,
		x: box.x + (box.w - scene.width * fit) / 2,
		y: box.y,
		w: scene.width * fit,
		h: scene.height * fit,
		altText: scene.description,
	});

	for (const stage of journey.stages) stageSlide(pptx.addSlide(), stage, inner);
	return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
}

const bullets = (items: Touchpoint['pains']) => items.map((item) => `• ${item.text}`).join('\n');

function stageSlide(slide: PptxGenJS.Slide, stage: Stage, inner: number) {
	slide.addText(stage.name, { x: SLIDE.margin, y: 0.3, w: inner, h: 0.6, fontSize: 24, bold: true });
	if (stage.goal) slide.addText(stage.goal, { x: SLIDE.margin, y: 0.9, w: inner, h: 0.4, fontSize: 14, color: '4B5563' });
	if (stage.touchpoints.length === 0) {
		slide.addText('No touchpoints yet', { x: SLIDE.margin, y: 1.5, w: inner, h: 0.5, fontSize: 14 });
		return;
	}
	const header = ['Touchpoint', 'Feeling', 'Pains', 'Opportunities'].map((text) => ({ text, options: { bold: true, fill: { color: 'DBEAFE' } } }));
	const rows = stage.touchpoints.map((t) => [
		{ text: [t.name, t.channels.join(', ')].filter(Boolean).join('\n') },
		{ text: [t.emotion ? `${signed(t.emotion.actual)} ${EMOTION_WORDS[t.emotion.actual]}` : '', t.feeling ?? ''].filter(Boolean).join('\n') },
		{ text: bullets(t.pains) },
		{ text: bullets(t.opportunities) },
	]);
	// Smaller type for a fuller stage, so its table stays on the slide.
	const fontSize = stage.touchpoints.length > 6 ? 9 : stage.touchpoints.length > 3 ? 11 : 12;
	slide.addTable([header, ...rows], { x: SLIDE.margin, y: 1.45, w: inner, colW: [2.8, 2.1, 3.7, 3.733], fontSize, valign: 'top', border: { type: 'solid', pt: 0.5, color: 'D1D5DB' }, autoPage: false });
}

export const encoder: Encoder = { journey: mapSlides };
