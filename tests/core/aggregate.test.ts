import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { backlog, backlogCounts, byChannel, byOwner, impactEffortMatrix, locatedTouchpoints, quadrant, sortByUrgency } from '../../src/core/aggregate.ts';
import { backlogCsv, ownerCsv } from '../../src/render/csv.ts';
import { sampleProject } from '../helpers.ts';

describe('cross-journey views on the samples', async () => {
	const project = await sampleProject();
	const all = locatedTouchpoints(project.journeys);

	test('the backlog holds every pain and opportunity, high criticality and worst emotion first', () => {
		const items = backlog(project.journeys);
		expect(items.length).toBe(all.reduce((n, { touchpoint }) => n + touchpoint.pains.length + touchpoint.opportunities.length, 0));
		const rank = { high: 0, medium: 1, low: 2 } as const;
		const keys = items.map(({ touchpoint }) => [touchpoint.criticality ? rank[touchpoint.criticality] : 3, touchpoint.emotion?.actual ?? 3]);
		for (let i = 1; i < keys.length; i++) expect(keys[i][0] * 10 + keys[i][1]).toBeGreaterThanOrEqual(keys[i - 1][0] * 10 + keys[i - 1][1]);
	});

	test('the matrix places each rated opportunity once, impact 5 on top, effort 1 on the left', () => {
		const items = backlog(project.journeys);
		const matrix = impactEffortMatrix(items);
		expect(matrix.map((row) => row[0].impact)).toEqual([5, 4, 3, 2, 1]);
		expect(matrix[0].map((cell) => cell.effort)).toEqual([1, 2, 3, 4, 5]);
		const rated = items.filter((e) => e.kind === 'opportunity' && e.item.impact !== undefined && e.item.effort !== undefined);
		expect(matrix.flat().flatMap((cell) => cell.items)).toHaveLength(rated.length);
		for (const cell of matrix.flat()) for (const entry of cell.items) expect([entry.item.impact, entry.item.effort]).toEqual([cell.impact, cell.effort]);
	});

	test('the matrix’s quadrants: impact 3 and up is high, effort 3 and down is low', () => {
		const corners = impactEffortMatrix(backlog(project.journeys)).map((row) => row.map((cell) => cell.quadrant));
		expect(corners).toEqual([
			['quick-win', 'quick-win', 'quick-win', 'big-bet', 'big-bet'],
			['quick-win', 'quick-win', 'quick-win', 'big-bet', 'big-bet'],
			['quick-win', 'quick-win', 'quick-win', 'big-bet', 'big-bet'],
			['fill-in', 'fill-in', 'fill-in', 'money-pit', 'money-pit'],
			['fill-in', 'fill-in', 'fill-in', 'money-pit', 'money-pit'],
		]);
		expect([quadrant(5, 1), quadrant(5, 5), quadrant(1, 1), quadrant(1, 5)]).toEqual(['quick-win', 'big-bet', 'fill-in', 'money-pit']);
	});

	test('the backlog counts: pains, opportunities, and pains that nobody owns', () => {
		const items = backlog(project.journeys);
		const counts = backlogCounts(items);
		expect(counts.pains + counts.opportunities).toBe(items.length);
		expect(counts.pains).toBe(all.reduce((n, { touchpoint }) => n + touchpoint.pains.length, 0));
		expect(counts.unownedPains).toBe(all.reduce((n, { touchpoint }) => n + touchpoint.pains.filter((pain) => !(pain.owner ?? touchpoint.owner)).length, 0));
		// The samples own every pain; take the owners off one touchpoint's pains.
		const journeys = structuredClone(project.journeys);
		const touchpoint = locatedTouchpoints(journeys).find(({ touchpoint }) => touchpoint.pains.length > 0)!.touchpoint;
		touchpoint.owner = undefined;
		for (const pain of touchpoint.pains) pain.owner = undefined;
		expect(backlogCounts(backlog(journeys)).unownedPains).toBe(counts.unownedPains + touchpoint.pains.length);
	});

	test('each owner answers for their touchpoints and for pains assigned to them elsewhere', () => {
		const owners = byOwner(project);
		const kitchen = owners.find((o) => o.owner === 'Kitchen')!;
		expect(kitchen.counts.touchpoints).toBe(all.filter(({ touchpoint }) => touchpoint.owner === 'Kitchen').length);
		for (const row of kitchen.rows) {
			expect(row.ownsTouchpoint || row.pains.length + row.opportunities.length > 0).toBe(true);
			for (const item of [...row.pains, ...row.opportunities]) expect(item.owner ?? row.touchpoint.owner).toBe('Kitchen');
		}
		expect(owners.map((o) => o.owner)).toEqual([...owners.map((o) => o.owner)].sort((a, b) => a.localeCompare(b)));
	});

	test('channels count touchpoints case-insensitively, busiest first', () => {
		const channels = byChannel(project);
		expect(new Set(channels.map((c) => c.channel)).size).toBe(channels.length);
		expect(channels.every((c) => c.channel === c.channel.toLowerCase())).toBe(true);
		for (let i = 1; i < channels.length; i++) expect(channels[i].touchpoints.length).toBeLessThanOrEqual(channels[i - 1].touchpoints.length);
	});

	test('sortByUrgency is stable within the same criticality and emotion', () => {
		const sorted = sortByUrgency(all);
		const same = sorted.filter(({ touchpoint }) => touchpoint.criticality === undefined && touchpoint.emotion?.actual === 0);
		expect(same).toEqual(all.filter((l) => same.includes(l)));
	});
});

describe('CSV downloads', async () => {
	const project = await sampleProject();

	test('the backlog CSV has a header and one record per item; commas, quotes and newlines survive', () => {
		const items = backlog(project.journeys);
		const tricky = { ...items[0], item: { ...items[0].item, text: 'Says "no", then\nyes, maybe' } };
		const [header, ...records] = parse(backlogCsv([tricky, ...items.slice(1)])) as string[][];
		expect(header).toEqual(['kind', 'item', 'owner', 'impact', 'effort', 'touchpoint', 'stage', 'journey', 'journey id', 'criticality', 'emotion']);
		expect(records).toHaveLength(items.length);
		expect(records[0][1]).toBe('Says "no", then\nyes, maybe');
	});

	test('an owner CSV has one record per row, read back intact', () => {
		const owner = byOwner(project).find((o) => o.owner === 'Kitchen')!;
		const [header, ...records] = parse(ownerCsv(owner.rows)) as string[][];
		expect(header).toEqual(['touchpoint', 'stage', 'journey', 'journey id', 'owns touchpoint', 'criticality', 'emotion', 'pain points', 'opportunities', 'kpis']);
		expect(records.map((record) => record[0])).toEqual(owner.rows.map((row) => row.touchpoint.name));
		expect(records.map((record) => record[7])).toEqual(owner.rows.map((row) => row.pains.map((item) => item.text).join('\n')));
	});
});
