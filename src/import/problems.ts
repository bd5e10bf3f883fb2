/** What an import tells the user: warnings it goes on after, and the error that stops it. */

/** A file that cannot be imported: the message names the file, and the sheet, row and column when it can. */
export class ImportError extends Error {}

/** A warning, starting with where it is: `journey.xlsx Sheet1!A7: unknown lane "Mood", did you mean "Feeling"?` */
export type Warning = string;
