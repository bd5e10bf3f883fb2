/** Measured KPIs on the map: latest value, trend in words, a sparkline, and measured vs estimate said in the cell. */
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { expect, test } from 'vitest';
import { journeyMap } from '../../src/render/index.ts';
import { sampleJourney } from '../helpers.ts';

test('the sign-up map shows the illustrative measurements of metrics/online-store.csv', async () => {
	const tree = fromHtml(journeyMap(await sampleJourney('online-store/signup-current')), { fragment: true });
	const cell = (id: string) => selectAll('tr[data-lane="conversion"] td', tree).find((td) => td.properties.dataCol === String(selectAll('th[data-touchpoint]', tree).findIndex((th) => th.properties.dataTouchpoint === id)));
	const wait = cell('wait-for-email')!;
	expect(toString(wait)).toContain('30% go on (measured 2026-10-01; estimate 30%)');
	const resend = select('li[data-kpi="resend requests per day"]', wait)!;
	expect(toString(resend)).toContain('resend requests per day: 85 measured 2026-10-01, ▲ up from 71');
	expect(select('svg.cjm-kpi-sparkline', resend)!.properties.ariaLabel).toBe('resend requests per day over 3 measurements, from 62 (2026-08-01) to 85 (2026-10-01)');
	// Typed numbers next to measured ones are marked as estimates.
	expect(toString(cell('tapping-a-search-ad')!)).toContain('90% go on (estimate)');
});
