// Baseline for `npm run bench`: a plain Starlight site of generated Markdown pages, no journey views.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://bench.example.com',
	outDir: process.env.BENCH_OUT_DIR,
	integrations: [starlight({ title: 'Baseline', sidebar: [{ label: 'Home', link: '/' }] })],
	vite: { build: { chunkSizeWarningLimit: 2500 } },
});
