/**
 * The environment of a `cjm build` that a test runs: the samples' URLs (no base path), no "edit
 * this file" links from the CI environment, every download the site can build (those on request
 * too, so the tests cover them; `--downloads` still chooses), no cache from the hand-over, plain
 * output. One list, so a new variable that changes the site is left out of every test build.
 */
import { SITE_EXPORTS } from '../../src/export/index.ts';
import { HANDOFF_ENV } from '../../src/handoff.ts';

export function siteBuildEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
	for (const name of ['BASE_PATH', 'SITE_URL', 'CJM_EDIT_URL', 'GITHUB_REPOSITORY', 'CJM_DEBUG', 'FORCE_COLOR', ...Object.values(HANDOFF_ENV)]) delete env[name];
	env[HANDOFF_ENV.downloads] = SITE_EXPORTS.join(',');
	return env;
}

/**
 * `siteBuildEnv` without what vitest adds: with its NODE_ENV=test, Vite builds in development
 * mode and Starlight renders its "search only works in production" placeholder instead of the
 * search box. A build as a user runs it.
 */
export function userBuildEnv(): NodeJS.ProcessEnv {
	const env = siteBuildEnv();
	for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name === 'MODE' || name.startsWith('VITEST') || name === 'TEST') delete env[name];
	return env;
}
