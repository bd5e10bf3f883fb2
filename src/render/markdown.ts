/**
 * Markdown of journey and persona bodies to HTML. Raw HTML in the Markdown is dropped (the
 * remark-rehype default) and the result is sanitised with GitHub's rules (no `javascript:`
 * links), so a file can never put a script on the page; formatting works as on GitHub (GFM).
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

export function markdownHtml(markdown: string): string {
	return markdown.trim() === '' ? '' : String(processor.processSync(markdown));
}
