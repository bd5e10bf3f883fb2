/**
 * Every format `cjm export` writes and the site offers, in one list. A new format is one entry
 * here and one encoder module in `encoders.ts`; the CLI's `--format` choices, its help, the site's
 * download routes and the links on each journey page all derive from this list.
 *
 * This module imports nothing, so the CLI can list the formats without loading any encoder.
 */
export const EXPORT_FORMATS = {
	// For people who present: the map as a picture, a page, slides.
	svg: {
		extension: 'svg',
		mediaType: 'image/svg+xml',
		label: 'SVG',
		description: 'the map as one self-contained picture (stages, lanes, curves; text stays text), for slides and documents',
		binary: false,
		// 3.7 to 5 ms and 92 KB a journey: 9 % to 18 % of a cold build at 1000 journeys, over a tenth in all rounds but one (README, Benchmarks).
		site: 'on request',
		picture: true,
		project: false,
	},
	png: {
		extension: 'png',
		mediaType: 'image/png',
		label: 'PNG',
		description: 'the map as an image at twice its size, for slides, chats and tools that take no SVG',
		binary: true,
		site: false,
		picture: true,
		project: false,
	},
	pdf: {
		extension: 'pdf',
		mediaType: 'application/pdf',
		label: 'PDF',
		description: 'the map on one landscape page (--paper a3, a4 or letter; A3 by default), text selectable, for print',
		binary: true,
		site: false,
		picture: true,
		project: false,
	},
	pptx: {
		extension: 'pptx',
		mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		label: 'Slides (PPTX)',
		description: 'slides: the map picture, then one slide per stage with its touchpoints, pains and opportunities as editable text',
		binary: true,
		site: false,
		picture: true,
		project: false,
	},
	// For people who work in spreadsheets: lanes as rows, read back by `cjm import`.
	csv: {
		extension: 'csv',
		mediaType: 'text/csv; charset=utf-8',
		label: 'CSV',
		description: 'the journey as a spreadsheet, lanes as rows (`cjm import` reads it back)',
		binary: false,
		site: 'default',
		picture: false,
		project: false,
	},
	xlsx: {
		extension: 'xlsx',
		mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		label: 'Excel',
		description: 'the journey as an Excel workbook, lanes as rows; with --all a sheet per journey and one for personas',
		binary: true,
		site: 'default',
		picture: false,
		project: true,
	},
	// For tools.
	json: {
		extension: 'json',
		mediaType: 'application/json',
		label: 'JSON',
		description: 'the validated journey as data, every field normalised, for scripts and other tools',
		binary: false,
		site: 'default',
		picture: false,
		project: false,
	},
	'mermaid-journey': {
		extension: 'mmd',
		mediaType: 'text/plain; charset=utf-8',
		label: 'Mermaid journey',
		description: 'the journey as a Mermaid `journey` diagram (stages, touchpoints, scores 1-5, personas)',
		binary: false,
		site: false,
		picture: false,
		project: false,
	},
} as const satisfies Record<string, ExportFormatInfo>;

export interface ExportFormatInfo {
	/** File extension, without the dot; also the extension of the site's download. */
	extension: string;
	mediaType: string;
	/** Link text on a journey page. */
	label: string;
	/** One line for `cjm export --help`. */
	description: string;
	/** Bytes rather than text: `cjm export` writes it to a file, never to a terminal. */
	binary: boolean;
	/**
	 * Whether the site publishes it for every journey: `default` unless `--downloads` leaves it out;
	 * `on request` only when `--downloads` names it, since it costs more than a tenth of a large
	 * build (the rule for every download the site builds by default); false: `cjm export` only.
	 */
	site: 'default' | 'on request' | false;
	/** A picture of the map (refused past the map size limits in limits.ts). */
	picture: boolean;
	/** Whether `cjm export --all` can put every journey of the project into one file. */
	project: boolean;
}

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** Paper sizes for page formats, in PDF points (1/72 inch), portrait; page formats turn them landscape. */
export const PAPERS = {
	a3: { width: 842, height: 1191 },
	a4: { width: 595, height: 842 },
	letter: { width: 612, height: 792 },
} as const;
export type Paper = keyof typeof PAPERS;
export const PAPER_IDS = Object.keys(PAPERS) as Paper[];
export const DEFAULT_PAPER: Paper = 'a3';

/** The formats the site can offer on each journey page, in the order of the list above. */
export const SITE_EXPORTS = EXPORT_FORMAT_IDS.filter((id) => EXPORT_FORMATS[id].site !== false);

/** The formats it offers when `--downloads` is not given. */
export const DEFAULT_DOWNLOADS = SITE_EXPORTS.filter((id) => EXPORT_FORMATS[id].site === 'default');

/** What `--downloads` takes to build no export on the site. */
export const NO_DOWNLOADS = 'none';

/**
 * The site's exports that `cjm build --downloads` (or `CJM_DOWNLOADS`) asks for: formats of
 * `SITE_EXPORTS`, comma-separated, or `none`; in the order of that list. Unset: `DEFAULT_DOWNLOADS`. Every
 * download is a file per journey that Astro renders and writes, which a large project may not
 * want to pay for (see the README's benchmarks). Throws with what it takes on anything else.
 */
export function siteDownloads(value: string | undefined): ExportFormat[] {
	if (value === undefined) return DEFAULT_DOWNLOADS;
	const asked = value.split(',').map((each) => each.trim());
	if (asked.length === 1 && asked[0] === NO_DOWNLOADS) return [];
	const unknown = asked.find((each) => !(SITE_EXPORTS as string[]).includes(each));
	if (unknown !== undefined) throw new Error(`${unknown === '' ? 'an empty name' : `"${unknown}"`} is not a download the site builds: give some of ${SITE_EXPORTS.join(', ')}, comma-separated, or ${NO_DOWNLOADS}`);
	return SITE_EXPORTS.filter((format) => asked.includes(format));
}
