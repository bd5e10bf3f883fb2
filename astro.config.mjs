// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { receivedHandoff } from './src/handoff.ts';
import { prunedOutDir } from './src/kept-out-dir.ts';
import { liveContent } from './src/site/dev-overlay.ts';
import { renderOnThreads } from './src/site/render-pool.ts';
import { searchIndex, withoutStarlightSearchIndex } from './src/site/search-index.ts';

// GitHub Pages and other hosts serve the site under a path; the workflow sets these.
const site = process.env.SITE_URL ?? 'https://journeys.example.com';
const base = process.env.BASE_PATH ?? '/';
const handoff = receivedHandoff();

export default defineConfig({
	site,
	base,
	// `cjm build --out-dir`: see src/handoff.ts.
	outDir: handoff.outDir ?? './dist',
	// Sixteen pages at a time: a journey page's parts and each download are rendered on worker
	// threads (src/site/render-pool.ts) while this thread lays out and writes the pages whose parts
	// are ready, and the threads keep busy only with pages waiting. Cold builds at 1000 journeys on
	// 2 cores: 52 to 53 s at four, 47 s at eight, 45 to 47 s at sixteen, 46 s at 32, 49 s at 64.
	// The pages are the same, byte for byte.
	build: { concurrency: 16 },
	// `cjm build --cache`: Astro's caches kept with ours, and the pages whose data (their `cacheKey`)
	// and code are unchanged copied from the last build instead of rendered again (src/handoff.ts).
	...(handoff.cacheDir && { cacheDir: handoff.cacheDir, experimental: { incrementalBuild: true } }),
	integrations: [
		// Starlight's search index step is ours (src/site/search-index.ts): a rebuild indexes the pages it keeps while Astro builds.
		withoutStarlightSearchIndex(
			starlight({
				title: 'Journey maps',
				description: 'Customer journey maps and personas: where customers struggle, and who owns the fix.',
				customCss: ['./src/render/journey.css', './src/site/site.css'],
				// The search button with its keyboard hint in its accessible name (WCAG 2.5.3); the
				// "Last updated" date from one formatter, not one set up for every page.
				components: { Search: './src/components/Search.astro', LastUpdated: './src/components/LastUpdated.astro' },
				// Each page marks only itself as current in the sidebar, whatever Astro renders beside it.
				routeMiddleware: './src/site/sidebar-current.ts',
				// Only index pages: listing every journey would copy a 1000-entry menu into every page.
				sidebar: [
					{ label: 'Home', link: '/' },
					{ label: 'Journeys', link: '/journeys/' },
					{ label: 'Personas', link: '/personas/' },
					{ label: 'Pain points & opportunities', link: '/backlog/' },
					{ label: 'Who owns what', link: '/owners/' },
					{ label: 'Channels', link: '/channels/' },
					{ label: 'Landscape', link: '/landscape/' },
					{ label: 'Map health', link: '/health/' },
					{
						label: 'Reference',
						items: [
							{ label: 'Writing a journey', link: '/writing-a-journey/' },
							{ label: 'File format', link: '/file-format/' },
							{ label: 'Import and export', link: '/import-export/' },
						],
					},
				],
				lastUpdated: true,
				// Our own src/pages/404.astro: Starlight's would look for a docs entry and clash with it.
				disable404Route: true,
			}),
		),
		// `npm run dev`: content problems in an overlay in the open page, not a stack trace; a saved
		// change shown in the open page in place.
		liveContent(),
		// `astro build`: the journey pages' maps and the downloads rendered on worker threads (src/site/render-pool.ts).
		renderOnThreads(),
		// `cjm build --cache` into the folder the last one wrote: what the build no longer has is deleted (src/kept-out-dir.ts).
		...(handoff.cacheDir && handoff.keepOutDir !== undefined ? [prunedOutDir(handoff.cacheDir, handoff.keepOutDir)] : []),
		// The search index, once the pages are written and the last build's extra pages deleted.
		searchIndex(handoff.keepOutDir),
	],
	vite: {
		// `emptyOutDir: false`: an incremental build into the folder the last one wrote keeps it (src/kept-out-dir.ts).
		build: { ...(handoff.keepOutDir !== undefined && { emptyOutDir: false }) },
	},
});
