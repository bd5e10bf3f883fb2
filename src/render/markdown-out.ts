/**
 * Options for writing Markdown that people will paste into GitHub: GFM tables, and `<` escaped
 * everywhere in text, so a label such as `<img onerror=…>` shows as text instead of becoming HTML.
 */
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { Options } from 'mdast-util-to-markdown';

export const markdownOptions: Options = {
	extensions: [gfmTableToMarkdown({ tablePipeAlign: false }), { unsafe: [{ character: '<', inConstruct: 'phrasing' }] }],
};
