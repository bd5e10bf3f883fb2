/** The validated journey as JSON: the model the site renders, every field normalised (for scripts and other tools). */
import type { Encoder } from './encoders.ts';

export const encoder: Encoder = {
	journey: ({ journey }) => `${JSON.stringify(journey, null, 2)}\n`,
};
