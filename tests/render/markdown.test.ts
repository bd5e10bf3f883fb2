import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/render/index.ts';

describe('renderMarkdown', () => {
	test('gives headings ids and lists them, avoiding ids the page already uses', () => {
		const { html, headings } = renderMarkdown('## Goals\n\nText.\n\n### Field notes\n\n## Goals\n', ['goals']);
		expect(headings).toEqual([
			{ depth: 2, slug: 'goals-1', text: 'Goals' },
			{ depth: 3, slug: 'field-notes', text: 'Field notes' },
			{ depth: 2, slug: 'goals-2', text: 'Goals' },
		]);
		expect(html).toContain('<h2 id="goals-1">Goals</h2>');
	});

	test('renders GFM and nothing for an empty body', () => {
		expect(renderMarkdown('| a |\n| - |\n| b |').html).toContain('<table>');
		expect(renderMarkdown('  \n')).toEqual({ html: '', headings: [] });
	});

	test('shows images from the network as links and never as images; keeps local images', () => {
		const { html } = renderMarkdown('![Station](https://img.example.com/s.jpg) ![][pixel] ![](//cdn.example.com/a.png) ![Map](../assets/map.png)\n\n[pixel]: http://tracker.example.com/p.gif');
		expect(html).not.toMatch(/<img[^>]+(example\.com)/);
		expect(html).toContain('<a href="https://img.example.com/s.jpg" class="cjm-remote-image" rel="nofollow noreferrer">Station<span class="cjm-meta"> (image on img.example.com, not loaded)</span></a>');
		expect(html).toContain('<a href="http://tracker.example.com/p.gif" class="cjm-remote-image" rel="nofollow noreferrer">Image<span class="cjm-meta"> (image on tracker.example.com, not loaded)</span></a>');
		expect(html).toContain('href="//cdn.example.com/a.png"');
		expect(html).toContain('<img src="../assets/map.png" alt="Map">');
	});
});
