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
});
