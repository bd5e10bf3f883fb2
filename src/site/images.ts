/**
 * Touchpoint images through Astro's image pipeline: each published once per build from the
 * `images` collection (only files the core checked), resized for a map column at 1x and 2x, raster
 * images in WebP; SVGs stay vector. Pages hand the result to the map renderer, which stays pure.
 */
import { getImage } from 'astro:assets';
import { getCollection } from 'astro:content';
import { imagePaths, type Journey } from '../core/index.ts';
import { MAP_SIZE, type MapImage } from '../render/index.ts';

/** Drawn at most this wide: a map column less its padding. */
const SHOWN_WIDTH = MAP_SIZE.column - 24;

// A build publishes each image once for all pages. `astro dev` asks again on every render: the
// collection changes under a running server as journeys are edited.
let published: Map<string, Promise<MapImage>> | undefined;
let sources: Promise<Map<string, ImageMetadata>> | undefined;
const keep = !import.meta.env.DEV;

/** The published images of one journey's touchpoints, by project-relative path. */
export async function journeyImages(journey: Journey): Promise<Record<string, MapImage>> {
	const paths = imagePaths(journey);
	// Astro warns on every read of an empty collection: a project without images never reads it.
	if (paths.length === 0) return {};
	if (!keep || !sources) sources = getCollection('images').then((entries) => new Map(entries.map((entry) => [entry.id, entry.data.src])));
	const metadata = await sources;
	if (!keep || !published) published = new Map();
	const entries = await Promise.all(
		paths.flatMap((path) => {
			const source = metadata.get(path);
			if (!source) return [];
			let image = published!.get(path);
			if (!image) {
				image = publish(source);
				published!.set(path, image);
			}
			return [image.then((done) => [path, done] as const)];
		})
	);
	return Object.fromEntries(entries);
}

async function publish(source: ImageMetadata): Promise<MapImage> {
	const width = Math.min(SHOWN_WIDTH, source.width);
	// An SVG is sharp at any size: one file. A raster image gets WebP at 1x and 2x.
	const image = source.format === 'svg' ? await getImage({ src: source, width, format: 'svg' }) : await getImage({ src: source, width, densities: [1, 2], format: 'webp' });
	return { src: image.src, width, height: Math.round((source.height / source.width) * width), srcset: image.srcSet.attribute || undefined };
}
