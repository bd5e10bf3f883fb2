/**
 * Whether an SVG file may be published on the site's origin. Opened by its URL, an SVG is a
 * document: its scripts and event handlers run, and it can load other files and sites. Rather
 * than rewrite the author's file, we refuse one that could do any of that, with the reason.
 *
 * The file is read as browsers read `image/svg+xml`: strict XML with namespaces (saxes, the
 * parser jsdom uses). A file that is not well-formed XML would show as an error page, never run,
 * but it is refused too so that what the scan saw is what a browser sees.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { visible } from './names.ts';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Elements that run code or embed other documents, by local name in any namespace. */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);
/** SMIL animations can set any attribute, including a link to `javascript:` or a handler. */
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);
/** A reference that stays inside the file, or a raster image embedded in it (images run no code). */
const LOCAL_REFERENCE = /^\s*(#[^\s]*|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*)\s*$/;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

export interface SvgProblem {
	/** `unsafe`: it could run code or load something; `malformed`: it is no SVG a browser would show. */
	kind: 'unsafe' | 'malformed';
	/** What is wrong, in words: "`<script>` element". */
	what: string;
	/** Line in the SVG file, from 1. */
	line: number;
}

/** The first thing that keeps `text` (an SVG file) off the site, or undefined when it is safe. */
export function svgProblem(text: string): SvgProblem | undefined {
	const parser = new SaxesParser({ xmlns: true, position: true });
	let problem: SvgProblem | undefined;
	let root = true;
	let inStyle = 0;
	const refuse = (what: string, kind: SvgProblem['kind'] = 'unsafe') => {
		problem ??= { kind, what, line: parser.line };
	};
	const checkCss = (css: string, where: string) => {
		if (/@import|image-set/i.test(css)) refuse(`\`${/@import/i.test(css) ? '@import' : 'image-set'}\` in ${where}`);
		else if (css.includes('\\')) refuse(`CSS escape (\`\\\`) in ${where}`);
		else for (const [, , target] of css.matchAll(CSS_URL)) if (!LOCAL_REFERENCE.test(target)) return refuse(`reference to \`${shorten(target)}\` in ${where}`);
	};
	parser.on('error', (error) => refuse(`XML that is not well-formed (${visible(error.message.replace(/^(.*?:)?\d+:\d+: /, '').replace(/\.$/, ''))})`, 'malformed'));
	parser.on('doctype', (doctype) => {
		if (doctype.includes('[')) refuse('DOCTYPE with declarations (entities can hide any markup)');
	});
	parser.on('processinginstruction', ({ target }) => {
		if (target.toLowerCase() === 'xml-stylesheet') refuse('`<?xml-stylesheet?>` instruction (it loads a stylesheet from elsewhere)');
	});
	parser.on('opentag', (tag: SaxesTagNS) => {
		const local = tag.local.toLowerCase();
		if (root && (tag.local !== 'svg' || tag.uri !== SVG_NAMESPACE)) refuse(`root element \`<${tag.name}>\` instead of \`<svg>\` in the SVG namespace`, 'malformed');
		root = false;
		if (ACTIVE_ELEMENTS.has(local)) refuse(`\`<${tag.name}>\` element`);
		else if (tag.uri === XHTML_NAMESPACE) refuse(`HTML element \`<${tag.name}>\``);
		if (local === 'style') inStyle++;
		for (const attribute of Object.values(tag.attributes)) {
			const name = attribute.local.toLowerCase();
			if (name.startsWith('on')) refuse(`event handler \`${attribute.name}\``);
			else if ((name === 'href' || name === 'src') && !LOCAL_REFERENCE.test(attribute.value)) refuse(`reference to \`${shorten(attribute.value)}\` in \`${attribute.name}\``);
			else if (ANIMATIONS.has(local) && name === 'attributename' && /(^|:)(href|on\w*)$/i.test(attribute.value)) refuse(`animation of \`${visible(attribute.value)}\``);
			// Attributes without a namespace (`style`, `fill`, `filter`…) are read as CSS; editors' own namespaced attributes are not.
			else if (attribute.uri === '' && (name === 'style' || /url\(|image-set|\\/i.test(attribute.value))) checkCss(attribute.value, `\`${attribute.name}\``);
		}
	});
	parser.on('closetag', (tag) => {
		if (tag.local.toLowerCase() === 'style') inStyle--;
	});
	const styleText = (text: string) => {
		if (inStyle > 0) checkCss(text, '`<style>`');
	};
	parser.on('text', styleText);
	parser.on('cdata', styleText);
	try {
		parser.write(text).close();
	} catch {
		// saxes reports through the error handler and rethrows; the first problem is already kept.
	}
	if (root) refuse('no `<svg>` element', 'malformed');
	return problem;
}

const shorten = (text: string) => visible(text.length > 40 ? `${text.slice(0, 39)}…` : text);
