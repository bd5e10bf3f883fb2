/**
 * Reports of validation messages: VFiles in, text out (stylish, compact, json, github). Below both
 * the CLI, which prints them, and the site, whose loaders log them; it writes nothing itself.
 */
export { format, FORMATS, type Format, printableText } from './format.ts';
