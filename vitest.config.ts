import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Property tests and CLI spawns take a few seconds each on a 2-core machine.
		testTimeout: 30_000,
	},
});
