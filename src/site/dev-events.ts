/** The HMR events between `astro dev` and its pages: content problems (the server's news, and a page's question when it opens), and new content. */
export const PROBLEMS_EVENT = 'cjm:problems';
export const ASK_EVENT = 'cjm:problems?';
/** The models in memory changed: a page renders itself again and shows the change in place (dev-refresh-client.ts). */
export const CONTENT_EVENT = 'cjm:content';
