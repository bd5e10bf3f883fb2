/** A journey the format cannot write (too large, say): the message tells the user what to do. The CLI prints it as a usage message. */
export class ExportError extends Error {}
