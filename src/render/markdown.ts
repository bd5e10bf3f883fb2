/**
 * Markdown of journey and persona bodies to HTML. Raw HTML in the Markdown is dropped (the
 * remark-rehype default) and the result is sanitised with GitHub's rules (no `javascript:`
 * links), so a file can never put a script on the page; formatting works as on GitHub (GFM).
 * Images from the network are never loaded: each becomes a link to where it lives, so a reader's
 * browser makes no request the site did not publish (and a body cannot plant a tracking pixel).
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isRemoteUrl } from '../core/index.ts';

/** Replaces every image with a remote source by a link to it, labelled with its alt text and host. */
function remoteImagesAsLinks() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			const src = node.tagName === 'img' ? node.properties.src : undefined;
			if (typeof src !== 'string' || !isRemoteUrl(src)) return;
			const alt = typeof node.properties.alt === 'string' && node.properties.alt.trim() !== '' ? node.properties.alt : 'Image';
			let host = src;
			try {
				host = new URL(src, 'https://x.invalid').host;
			} catch {}
			node.tagName = 'a';
			node.properties = { href: src, className: ['cjm-remote-image'], rel: ['nofollow', 'noreferrer'] };
			node.children = [{ type: 'text', value: alt }, { type: 'element', tagName: 'span', properties: { className: ['cjm-meta'] }, children: [{ type: 'text', value: ` (image on ${host}, not loaded)` }] }];
		});
	};
}

// Sanitising first keeps only http(s) image sources, then those become links.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(remoteImagesAsLinks).freeze();

export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/**
 * Renders `markdown`, giving its `##`–`####` headings ids (for links and "On this page"); ids
 * listed in `taken` are already used on the page and are not reused.
 */
export function renderMarkdown(markdown: string, taken: string[] = []): { html: string; headings: Heading[] } {
	if (markdown.trim() === '') return { html: '', headings: [] };
	const tree = processor.runSync(processor.parse(markdown)) as Root;
	const slugger = new GithubSlugger();
	for (const id of taken) slugger.slug(id);
	const headings: Heading[] = [];
	visit(tree, 'element', (node) => {
		const depth = /^h([2-4])$/.exec(node.tagName)?.[1];
		if (!depth) return;
		const text = toString(node);
		const slug = slugger.slug(text);
		node.properties.id = slug;
		headings.push({ depth: Number(depth), slug, text });
	});
	return { html: toHtml(tree), headings };
}

export function markdownHtml(markdown: string): string {
	return renderMarkdown(markdown).html;
}
