/**
 * The map's font files (Source Sans 3, from the npm package `source-sans`), for the rasteriser and
 * the PDF: the project brings them, so a picture looks the same on a machine with no fonts at all.
 * Resolved through the module resolver, so they are found wherever npm installed the package.
 */
import { fileURLToPath } from 'node:url';

const file = (name: string) => fileURLToPath(import.meta.resolve(`source-sans/TTF/${name}`));

export const MAP_FONT_FILES = {
	regular: file('SourceSans3-Regular.ttf'),
	bold: file('SourceSans3-Bold.ttf'),
};
