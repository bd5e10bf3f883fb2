/**
 * The picture exports of the pizza map, read back with independent readers: the PNG's header, the
 * PDF through pdf-lib, the slides as a zip; and the size limits, refused with their exact messages.
 */
import JSZip from 'jszip';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { type Journey, type Stage, touchpointsOf } from '../../src/core/index.ts';
import { EXPORT_LIMITS, ExportError, exportJourney, PAPERS } from '../../src/export/index.ts';
import { mapScene } from '../../src/render/index.ts';
import { sampleJourney, sampleProject } from '../helpers.ts';

const project = await sampleProject();
const pizza = await sampleJourney('restaurant/pizza-visit');
const bytes = async (format: 'png' | 'pdf' | 'pptx', journey: Journey = pizza, paper?: 'a3' | 'a4' | 'letter') => (await exportJourney(format, journey, project, { paper })) as Uint8Array;

/** The pizza map's stages repeated `copies` times, ids made unique: a wider map built from real content. */
function repeated(journey: Journey, copies: number): Journey {
	const stages: Stage[] = [];
	for (let k = 0; k < copies; k++) {
		for (const stage of journey.stages) {
			const id = (old: string) => `${old}-${k}`;
			stages.push({ ...stage, id: id(stage.id), touchpoints: stage.touchpoints.map((t) => ({ ...t, id: id(t.id), stage: id(stage.id), next: t.next.map((edge) => ({ ...edge, to: id(edge.to) })) })) });
		}
	}
	return { ...journey, stages };
}

describe('png', () => {
	test('a PNG at twice the map’s size: at least 2000 px wide', async () => {
		const png = await bytes('png');
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const header = new DataView(png.buffer, png.byteOffset);
		expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
		const scene = mapScene(pizza);
		expect(header.getUint32(16)).toBe(scene.width * 2);
		expect(header.getUint32(20)).toBe(scene.height * 2);
		expect(header.getUint32(16)).toBeGreaterThanOrEqual(2000);
	});
});

describe('pdf', () => {
	test('one landscape A3 page by default, the map’s font embedded, its title set', async () => {
		const pdf = await PDFDocument.load(await bytes('pdf'));
		expect(pdf.getPageCount()).toBe(1);
		const { width, height } = pdf.getPage(0).getSize();
		expect([width, height]).toEqual([PAPERS.a3.height, PAPERS.a3.width]);
		expect(pdf.getTitle()).toBe('Journey map: A Friday pizza at Forno Verde');
		// Text is text: the fonts are embedded (TrueType, with a Unicode map for copying) and the page draws with text operators.
		const dicts = pdf.context.enumerateIndirectObjects().map(([, object]) => object).filter((object): object is PDFDict => object instanceof PDFDict);
		const fonts = dicts.filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of('Font') && dict.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
		expect(fonts.map((font) => String(font.get(PDFName.of('BaseFont')))).sort()).toEqual([expect.stringMatching(/SourceSans3-Bold/), expect.stringMatching(/SourceSans3-Regular/)]);
		expect(fonts.every((font) => font.has(PDFName.of('ToUnicode')))).toBe(true);
		expect(dicts.filter((dict) => dict.has(PDFName.of('FontFile2'))).length).toBe(2);
		const contents = pdf.getPage(0).node.Contents();
		const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
		const operators = streams.map((stream) => (stream instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()) : '')).join('\n');
		expect(operators).toMatch(/BT[\s\S]*Tj[\s\S]*ET/);
	});

	test('--paper letter and a4 give landscape pages of that paper', async () => {
		for (const paper of ['a4', 'letter'] as const) {
			const page = (await PDFDocument.load(await bytes('pdf', pizza, paper))).getPage(0).getSize();
			expect([page.width, page.height]).toEqual([PAPERS[paper].height, PAPERS[paper].width]);
		}
	});
});

describe('pptx', () => {
	test('a title slide with the map picture, then a slide per stage with its touchpoints as text', async () => {
		const zip = await JSZip.loadAsync(await bytes('pptx'));
		const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
		expect(slides.length).toBe(pizza.stages.length + 1);
		expect(Object.keys(zip.files).some((name) => /^ppt\/media\/.*\.png$/.test(name))).toBe(true);
		const unescape = (xml: string) => xml.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
		for (const [n, stage] of pizza.stages.entries()) {
			const xml = unescape(await zip.file(`ppt/slides/slide${n + 2}.xml`)!.async('string'));
			expect(xml).toContain(stage.name);
			for (const touchpoint of stage.touchpoints) {
				expect(xml).toContain(touchpoint.name);
				for (const pain of touchpoint.pains) expect(xml).toContain(pain.text);
			}
		}
	});
});

describe('size limits', () => {
	const refusal = async (format: 'svg' | 'png' | 'pdf' | 'pptx', journey: Journey, paper?: 'a3' | 'a4' | 'letter') => {
		const error = await exportJourney(format, journey, project, { paper }).then(() => undefined, (e: unknown) => e);
		expect(error).toBeInstanceOf(ExportError);
		return (error as Error).message;
	};

	test('more touchpoints than any picture holds', async () => {
		const wide = repeated(pizza, 22);
		expect(touchpointsOf(wide).length).toBeGreaterThan(EXPORT_LIMITS.touchpoints);
		expect(await refusal('svg', wide)).toBe(
			'`restaurant/pizza-visit` has 506 touchpoints; --format svg draws maps of at most 500 (a wider picture is too large to open or read). Split the journey into several, or export its data with --format json'
		);
	});

	test('a PNG past its pixel budget, and the slides’ picture with it', async () => {
		const wide = repeated(pizza, 3);
		// The height follows the lanes the sample fills; the width is 3 × its 23 columns.
		expect(await refusal('png', wide)).toMatch(
			/^the map of `restaurant\/pizza-visit` would be 25,760 × \d,\d{3} px \(\d\d megapixels\) as a PNG; it holds at most 64 megapixels\. Export it with --format svg or pdf, or split the journey$/
		);
		expect(await refusal('pptx', wide)).toMatch(/as the slides’ map picture; it holds at most 64 megapixels/);
	});

	test('a PDF whose text would be too small to read on the chosen paper', async () => {
		expect(await refusal('pdf', repeated(pizza, 2), 'a4')).toBe(
			'on A4 paper the map of `restaurant/pizza-visit` would set its text at 1.2 pt, below the 1.5 pt a page can still be read at. Choose --paper a3, export it with --format svg, or split the journey'
		);
		// On the largest paper there is none larger to suggest.
		expect(await refusal('pdf', repeated(pizza, 4), 'a3')).toMatch(/^on A3 paper the map of `restaurant\/pizza-visit` would set its text at 0\.9 pt, below the 1\.5 pt a page can still be read at\. Export it with --format svg, or split the journey$/);
	});

	test('a stage too full for its slide', async () => {
		const [first, ...rest] = pizza.stages;
		const crowded = repeated({ ...pizza, stages: [first] }, 5).stages.flatMap((stage) => stage.touchpoints);
		const journey = { ...pizza, stages: [{ ...first, touchpoints: crowded.map((t) => ({ ...t, stage: first.id })) }, ...rest] };
		expect(await refusal('pptx', journey)).toBe(
			'stage `awareness` of `restaurant/pizza-visit` has 15 touchpoints; a slide holds at most 12. Split the stage, or export the map with --format svg or pdf'
		);
	});
});
