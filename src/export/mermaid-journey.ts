/** The journey as a Mermaid `journey` diagram: the text a wiki or Mermaid Live renders. */
import { mermaidJourney } from '../render/index.ts';
import type { Encoder } from './encoders.ts';

export const encoder: Encoder = {
	journey: ({ journey }) => `${mermaidJourney(journey)}\n`,
};
