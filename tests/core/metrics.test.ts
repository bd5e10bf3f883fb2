/**
 * Measured KPIs: every kind of bad row in `metrics/*.csv` reported at its exact line and column,
 * and what the rows measure attached to the journeys (a measured conversion replacing the typed one).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { kpiSeries, loadProject, touchpointsOf } from '../../src/core/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));

async function load(rule: string) {
	const loaded = await loadProject(join(fixtures, rule), { displayRoot: rule });
	const messages = loaded.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`));
	return { ...loaded, messages };
}

describe('invalid-metric', () => {
	test('a bad date, number, percentage, row length, header and quoting, each at its field', async () => {
		expect((await load('invalid-metric')).messages).toEqual([
			'invalid-metric/metrics/unclosed.csv:2:1 invalid-metric Unexpected CSV: Quote Not Closed, fix the quoting',
			'invalid-metric/metrics/web.csv:4:1 invalid-metric Unexpected date "2026-13-01", expected a date such as 2026-11-23',
			'invalid-metric/metrics/web.csv:5:50 invalid-metric Unexpected value "forty", expected a number such as 0.42 or a percentage such as "45%"',
			'invalid-metric/metrics/web.csv:6:44 invalid-metric Unexpected conversion "120%", expected a share from 0 to 1, or a percentage such as "45%"',
			'invalid-metric/metrics/web.csv:7:1 invalid-metric Unexpected row of 3 fields, expected 5: date, journey, touchpoint, kpi, value',
			'invalid-metric/metrics/wrong-header.csv:1:1 invalid-metric Unexpected header `day,journey,kpi,value`, expected `date,journey,touchpoint,kpi,value` (the long form analytics tools export)',
		]);
	});
});

describe('unknown-metric', () => {
	test('an unknown journey, touchpoint or KPI, with did-you-mean, at its field', async () => {
		expect((await load('unknown-metric')).messages).toEqual([
			'unknown-metric/metrics/web.csv:3:12 unknown-metric Unexpected journey "shop/signpu", did you mean "shop/signup"?',
			'unknown-metric/metrics/web.csv:4:24 unknown-metric Unexpected touchpoint "chekout" in journey shop/signup, did you mean "checkout"?',
			'unknown-metric/metrics/web.csv:5:33 unknown-metric Unexpected KPI "time on page (x)" for touchpoint checkout of journey shop/signup, did you mean "time on page (s)"?',
			'unknown-metric/metrics/web.csv:6:25 unknown-metric Unexpected KPI "time on page" for journey shop/signup, expected `conversion` or a KPI its `kpis` name',
			'unknown-metric/metrics/web.csv:7:12 unknown-metric Unexpected journey "elsewhere/other", expected the id of a file under journeys/ (its path without `.md`)',
			'unknown-metric/metrics/web.csv:8:32 unknown-metric Unexpected KPI "bounce rate" for touchpoint confirm of journey shop/signup, expected `conversion` or a KPI its `kpis` name',
		]);
	});
});

describe('measurements in the model', () => {
	test('good rows become series on their touchpoint and journey; a measured conversion replaces the typed one, kept as the estimate', async () => {
		const { project } = await load('invalid-metric');
		const journey = project.journeys.find((j) => j.id === 'shop/signup')!;
		const [checkout, confirm] = touchpointsOf(journey);
		expect(checkout.measured).toEqual([
			{
				kpi: 'conversion',
				percent: true,
				points: [
					{ date: '2026-10-01', value: 0.4 },
					{ date: '2026-11-01', value: 0.45 },
				],
				latest: { date: '2026-11-01', value: 0.45 },
				previous: { date: '2026-10-01', value: 0.4 },
				trend: 'up',
			},
		]);
		expect([checkout.conversion, checkout.estimate]).toEqual([0.45, 0.5]);
		expect(confirm.measured).toBeUndefined();
		expect(journey.measured?.map((series) => [series.kpi, series.latest])).toEqual([['conversion', { date: '2026-11-02', value: 0.2 }]]);
	});

	test('series: oldest first, the last row of a date wins, the trend from the two latest dates', () => {
		const row = (date: string, value: number) => ({ date, journey: 'j', kpi: 'k', value, percent: false });
		expect(kpiSeries([row('2026-03-01', 3), row('2026-01-01', 5), row('2026-03-01', 4)])).toEqual([
			{ kpi: 'k', percent: false, points: [{ date: '2026-01-01', value: 5 }, { date: '2026-03-01', value: 4 }], latest: { date: '2026-03-01', value: 4 }, previous: { date: '2026-01-01', value: 5 }, trend: 'down' },
		]);
	});
});
