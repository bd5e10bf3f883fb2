import { readFileSync } from 'node:fs';

/**
 * The views' stylesheet, for output viewed on its own (`cjm render`). Read on demand so the site,
 * which bundles journey.css itself, never touches the file system through the renderers.
 */
export const journeyStylesheet = (): string => readFileSync(new URL('./journey.css', import.meta.url), 'utf8');
