/** The export format list: the one place formats are defined, so what derives from it must stay consistent. */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/core/index.ts';
import { ENCODERS } from '../../src/export/encoders.ts';
import { DEFAULT_DOWNLOADS, EXPORT_FORMAT_IDS, EXPORT_FORMATS, journeyExport, SITE_EXPORTS, siteDownloads } from '../../src/export/index.ts';

describe('export formats', () => {
	test('every format has an encoder, and every encoder module loads and encodes journeys', async () => {
		expect(Object.keys(ENCODERS).sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
		for (const id of EXPORT_FORMAT_IDS) expect(typeof (await ENCODERS[id]()).journey).toBe('function');
	});

	test('site downloads are told apart by extension, and none takes the flow source’s .mmd', () => {
		const extensions = SITE_EXPORTS.map((id) => EXPORT_FORMATS[id].extension);
		expect(new Set(extensions).size).toBe(extensions.length);
		expect(extensions).not.toContain('mmd');
	});

	test('--downloads: what the site offers by default, some of all it can offer in the list order, none, or a message that says what it takes', () => {
		expect(siteDownloads(undefined)).toEqual(DEFAULT_DOWNLOADS);
		expect(SITE_EXPORTS).toEqual(['svg', 'csv', 'xlsx', 'json']);
		// The map picture costs more than a tenth of a build at 1000 journeys (README, Benchmarks): on request only.
		expect(DEFAULT_DOWNLOADS).toEqual(['csv', 'xlsx', 'json']);
		expect(siteDownloads('svg,csv,xlsx,json')).toEqual(SITE_EXPORTS);
		expect(siteDownloads('xlsx, svg')).toEqual(['svg', 'xlsx']);
		expect(siteDownloads('none')).toEqual([]);
		const takes = `give some of ${SITE_EXPORTS.join(', ')}, comma-separated, or none`;
		expect(() => siteDownloads('svg,pdf')).toThrow(`"pdf" is not a download the site builds: ${takes}`);
		expect(() => siteDownloads('svg,')).toThrow(`an empty name is not a download the site builds: ${takes}`);
		expect(() => siteDownloads('none,svg')).toThrow('"none" is not a download');
	});

	test('formats that can write the whole project have a project encoder', async () => {
		for (const id of EXPORT_FORMAT_IDS.filter((each) => EXPORT_FORMATS[each].project)) expect(typeof (await ENCODERS[id]()).project).toBe('function');
	});
});

describe('limits known before drawing', () => {
	test('a map past the picture limit gets no picture formats, every other format stays; the site can tell without drawing', async () => {
		const { parseJourney, touchpointsOf } = await import('../../src/core/index.ts');
		const { VFile } = await import('vfile');
		const { largestJourney } = await import('../../bench/scale.ts');
		const { EXPORT_LIMITS, withinLimits } = await import('../../src/export/index.ts');
		const journey = parseJourney(new VFile({ path: 'journeys/dense.md', value: largestJourney('dense') }), 'dense')!.journey!;
		expect(touchpointsOf(journey).length).toBeGreaterThan(EXPORT_LIMITS.touchpoints);
		expect(EXPORT_FORMAT_IDS.filter((id) => !withinLimits(id, journey))).toEqual(['svg', 'png', 'pdf', 'pptx']);
	});
});

test("what a journey's exports read names only the personas its map shows, its own and its baseline's", async () => {
	const { project } = await loadProject(fileURLToPath(new URL('../..', import.meta.url)));
	const future = project.journeys.find((journey) => journey.baseline)!;
	const baseline = project.journeys.find((journey) => journey.id === future.baseline)!;
	const shown = [...new Set([...future.personas, ...baseline.personas])].sort();
	expect(Object.keys(journeyExport(future, project).personaNames).sort()).toEqual(shown);
	// Renaming another persona leaves what the exports read, and so the site's key for them, as it was.
	const other = project.personas.find((persona) => !shown.includes(persona.id))!;
	const renamed = { ...project, personas: project.personas.map((persona) => (persona === other ? { ...persona, name: `${persona.name}, renamed` } : persona)) };
	expect(journeyExport(future, renamed)).toEqual(journeyExport(future, project));
	const own = project.personas.find((persona) => persona.id === future.personas[0])!;
	const ownRenamed = { ...project, personas: project.personas.map((persona) => (persona === own ? { ...persona, name: 'Someone else' } : persona)) };
	expect(journeyExport(future, ownRenamed).personaNames[own.id]).toBe('Someone else');
});
