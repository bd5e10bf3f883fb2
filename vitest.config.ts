import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Property tests and CLI spawns take a few seconds each on a 2-core machine.
		testTimeout: 30_000,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/site/**'] } },
			// Browser tests: one real site build (global setup), then Debian Chromium against it.
			{ extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/global-setup.ts'], hookTimeout: 60_000 } },
		],
	},
});
