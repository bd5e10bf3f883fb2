/** A page's "Last updated" date (src/site/page-date.ts) reads as Starlight's own `toLocaleDateString`. */
import { expect, test } from 'vitest';
import { formatPageDate } from '../../src/site/page-date.ts';

test.each(['en', 'en-GB', 'de', 'sv', 'ja', 'ar', 'fa'])('%s: the date Starlight would write, every time', (lang) => {
	for (const iso of ['2026-10-14', '2026-12-31T23:59:59Z', '2027-01-01T00:00:00+01:00', '1999-02-28T12:00:00Z']) {
		const date = new Date(iso);
		const starlight = date.toLocaleDateString(lang, { dateStyle: 'medium', timeZone: 'UTC' });
		expect(formatPageDate(date, lang)).toBe(starlight);
		expect(formatPageDate(date, lang)).toBe(starlight);
	}
});
