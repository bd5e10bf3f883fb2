/**
 * Exports: a journey (or the whole project) as a file for people outside the repository: pictures
 * and slides for those who present, spreadsheets for those who will not open Git. Shared by
 * `cjm export` and the site's downloads, so both write the same bytes.
 */
import type { Journey, Project } from '../core/index.ts';
import { type Encoded, ENCODERS, type JourneyExport } from './encoders.ts';
import { ExportError } from './error.ts';
import { DEFAULT_PAPER, EXPORT_FORMATS, type ExportFormat, type Paper } from './formats.ts';

export { DEFAULT_DOWNLOADS, DEFAULT_PAPER, EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat, type ExportFormatInfo, PAPER_IDS, PAPERS, type Paper, NO_DOWNLOADS, SITE_EXPORTS, siteDownloads } from './formats.ts';
export type { Encoded, JourneyExport } from './encoders.ts';

export { ExportError } from './error.ts';
export { EXPORT_LIMITS, withinLimits } from './limits.ts';

/** How the site writes its downloads: a file per journey, where build time counts more than size (see `JourneyExport.compress`). */
export const SITE_EXPORT_OPTIONS = { compress: false } as const;

export interface JourneyExportOptions {
	paper?: Paper;
	compress?: boolean;
}

/**
 * What an encoder gets for `journey`: everything an export reads, so the same bytes come out
 * whenever this is the same (the site keys each download on its digest, src/pages/downloads).
 */
export function journeyExport(journey: Journey, project: Project, options: JourneyExportOptions = {}): JourneyExport {
	const baseline = journey.baseline ? project.journeys.find((each) => each.id === journey.baseline) : undefined;
	// Only the names the map can show (its curves and its baseline's): renaming another persona leaves these bytes, and the site's downloads, as they are.
	const shown = new Set([...journey.personas, ...(baseline?.personas ?? [])]);
	return {
		journey,
		baseline,
		personaNames: Object.fromEntries(project.personas.filter((persona) => shown.has(persona.id)).map((persona) => [persona.id, persona.name])),
		paper: options.paper ?? DEFAULT_PAPER,
		compress: options.compress ?? true,
	};
}

export async function exportJourney(format: ExportFormat, journey: Journey, project: Project, options: JourneyExportOptions = {}): Promise<Encoded> {
	return encodeJourney(format, journeyExport(journey, project, options));
}

/** The bytes of `format` for what `journeyExport` gathered (plain data: the site encodes on worker threads). */
export async function encodeJourney(format: ExportFormat, input: JourneyExport): Promise<Encoded> {
	return (await ENCODERS[format]()).journey(input);
}

export async function exportProject(format: ExportFormat, project: Project): Promise<Encoded> {
	const encoder = await ENCODERS[format]();
	if (!EXPORT_FORMATS[format].project || !encoder.project) throw new ExportError(`--all does not support --format ${format}; it supports ${projectFormats().join(', ') || 'no format yet'}`);
	return encoder.project(project);
}

export const projectFormats = () => (Object.keys(EXPORT_FORMATS) as ExportFormat[]).filter((id) => EXPORT_FORMATS[id].project);
