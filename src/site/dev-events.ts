/** The HMR events between `astro dev` and its pages about content problems: the server's news, and a page's question when it opens. */
export const PROBLEMS_EVENT = 'cjm:problems';
export const ASK_EVENT = 'cjm:problems?';
