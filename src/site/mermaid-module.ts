/**
 * Where the site serves Mermaid's own browser build (src/site/mermaid-bundle.ts): under a path
 * that names the installed version, so a browser never mixes two versions' chunks. Read by the
 * diagram's browser script too, which is why only Vite's JSON import brings the version: the
 * script gets that one string, not the package.
 */
import { version } from 'mermaid/package.json';
import { url } from './base-url.ts';

export const mermaidVersion: string = version;

/** The file a page imports: it imports its chunks from `chunks/mermaid.esm.min/` beside it. */
export const MERMAID_ENTRY = 'mermaid.esm.min.mjs';

/** A file of the build, as a path under the site's `mermaid/` (src/pages/mermaid/). */
export const mermaidPath = (file: string) => `${mermaidVersion}/${file}`;

/** The module a page with a diagram imports. */
export const mermaidModuleUrl = url(`mermaid/${mermaidPath(MERMAID_ENTRY)}`);
