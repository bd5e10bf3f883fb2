/** A path under the configured base path: the one rule every link follows, with no imports, so the pages' browser scripts can use it too. */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export const url = (path: string) => `${base}/${path.replace(/^\//, '')}`;
