/** The journey as CSV, lanes as rows (see `journeySheet`): for colleagues who keep maps in a spreadsheet. */
import { journeySheet, toCsv } from '../render/index.ts';
import type { Encoder } from './encoders.ts';

export const encoder: Encoder = {
	journey: ({ journey }) => toCsv(journeySheet(journey).rows),
};
