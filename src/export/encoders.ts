/**
 * Which module encodes each format, loaded on use: `cjm export --format csv` never loads the PDF
 * or slide libraries. The record is typed by the format list, so a format without an encoder
 * (or an encoder without a format) does not compile.
 */
import type { Journey, Project } from '../core/index.ts';
import type { ExportFormat, Paper } from './formats.ts';

/** What an encoder gets for one journey. */
export interface JourneyExport {
	journey: Journey;
	/** The journey a future state is compared with, when it has one. */
	baseline?: Journey;
	/** The project's persona names by id: the picture's legend. All an export reads of the project besides the baseline. */
	personaNames: Record<string, string>;
	paper: Paper;
	/**
	 * Whether zip-based files (xlsx) deflate their parts. `cjm export` does; a site build, which
	 * writes one per journey, stores them instead: jszip sets up a fresh deflate stream for each of
	 * a workbook's dozen parts, which made an xlsx 11 ms a journey instead of 4 ms (44 KB instead of 9 KB).
	 */
	compress: boolean;
}

/** Text, or bytes in their own buffer (what a `Response` or `writeFile` takes as is). */
export type Encoded = string | Uint8Array<ArrayBuffer>;

export interface Encoder {
	journey(input: JourneyExport): Encoded | Promise<Encoded>;
	/** The whole project in one file (`cjm export --all`), for formats whose `project` is true. */
	project?(project: Project): Encoded | Promise<Encoded>;
}

export const ENCODERS: Record<ExportFormat, () => Promise<Encoder>> = {
	json: async () => (await import('./json.ts')).encoder,
	'mermaid-journey': async () => (await import('./mermaid-journey.ts')).encoder,
	svg: async () => (await import('./svg.ts')).encoder,
	png: async () => (await import('./png.ts')).encoder,
	pdf: async () => (await import('./pdf.ts')).encoder,
	pptx: async () => (await import('./pptx.ts')).encoder,
	csv: async () => (await import('./csv.ts')).encoder,
	xlsx: async () => (await import('./xlsx.ts')).encoder,
};
