/** The views `cjm render` prints; its own module so the CLI can list them without loading the renderers. */
export const VIEWS = ['html', 'svg', 'md', 'mermaid', 'mermaid-journey'] as const;
export type View = (typeof VIEWS)[number];
