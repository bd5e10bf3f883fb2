/**
 * A page's `cacheKey` for Astro's incremental build (`cjm build --cache`): a digest of all the data
 * the page renders. Astro hashes the page's code itself; this covers the content. A page that
 * renders only its props, keyed on them, is reused exactly when it would render the same.
 */
import { createHash } from 'node:crypto';
import { receivedHandoff } from '../handoff.ts';

/** Whether this build reuses unchanged pages (`cjm build --cache`): only then do paths need a key. */
export const incrementalBuild = (): boolean => receivedHandoff().cacheDir !== undefined;

export function pageKey(data: unknown): string {
	assertPlain(data, '');
	return createHash('sha256').update(JSON.stringify(data) ?? '').digest('base64url');
}

/**
 * JSON leaves out functions and writes a Map or a Set as `{}`: what they hold would be missing from
 * the digest. Checked by a walk of its own before `JSON.stringify`: as a replacer, the check made
 * each key take half as long again (2,000 keys at 1000 journeys).
 */
function assertPlain(value: unknown, key: string): void {
	if (typeof value === 'function' || value instanceof Map || value instanceof Set) {
		throw new TypeError(`A page's data must be plain for its cacheKey, but "${key}" is a ${typeof value === 'function' ? 'function' : value.constructor.name}`);
	}
	if (value === null || typeof value !== 'object') return;
	if (Array.isArray(value)) for (let i = 0; i < value.length; i++) assertPlain(value[i], String(i));
	else for (const [inner, item] of Object.entries(value)) assertPlain(item, inner);
}
