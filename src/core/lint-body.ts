/**
 * Warnings about the Markdown body that the frontmatter cannot show: images that would load from
 * the network. The site never loads them (it shows a link instead), so the author should know
 * the picture will not appear.
 */
import type { Definition } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Frontmatter } from './frontmatter.ts';
import { report } from './rules.ts';

/** An absolute URL (any scheme) or a protocol-relative one: anything that is not a path in the project. */
export const isRemoteUrl = (url: string): boolean => /^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(url.trim());

/** Reports every image in the body whose source is a remote URL, written inline or through a reference definition. */
export function lintBody(file: VFile, frontmatter: Pick<Frontmatter, 'tree' | 'locate'>): void {
	// Every image, inline or by reference, is written with `![`: without one there is nothing to walk, and the body need not be parsed.
	if (!String(file.value).includes('![')) return;
	const { tree, locate } = frontmatter;
	const definitions = new Map<string, Definition>();
	visit(tree, 'definition', (node) => {
		if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
	});
	visit(tree, (node) => {
		const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier)?.url : undefined;
		if (url === undefined || !isRemoteUrl(url) || !node.position) return;
		report(
			file,
			'remote-image',
			`Unexpected remote image \`${url.length > 80 ? `${url.slice(0, 79)}…` : url}\`, the site never loads images from the network and shows a link instead: save the image in the project and give its path`,
			locate(node.position.start.offset!, node.position.end.offset!)
		);
	});
}
