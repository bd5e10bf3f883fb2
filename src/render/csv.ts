/** Spreadsheet downloads of the cross-journey views: the whole backlog, and what each owner answers for. */
import { stringify } from 'csv-stringify/sync';
import type { BacklogItem, OwnerRow } from '../core/index.ts';

const emotion = (value: number | undefined) => (value === undefined ? '' : String(value));

export function backlogCsv(items: BacklogItem[]): string {
	return stringify([
		['kind', 'item', 'owner', 'impact', 'effort', 'touchpoint', 'stage', 'journey', 'journey id', 'criticality', 'emotion'],
		...items.map((entry) => [
			entry.kind,
			entry.item.text,
			entry.owner ?? '',
			entry.item.impact ?? '',
			entry.item.effort ?? '',
			entry.touchpoint.name,
			entry.stage.name,
			entry.journey.title,
			entry.journey.id,
			entry.touchpoint.criticality ?? '',
			emotion(entry.touchpoint.emotion?.actual),
		]),
	]);
}

export function ownerCsv(rows: OwnerRow[]): string {
	return stringify([
		['touchpoint', 'stage', 'journey', 'journey id', 'owns touchpoint', 'criticality', 'emotion', 'pain points', 'opportunities', 'kpis'],
		...rows.map((row) => [
			row.touchpoint.name,
			row.stage.name,
			row.journey.title,
			row.journey.id,
			row.ownsTouchpoint ? 'yes' : 'no',
			row.touchpoint.criticality ?? '',
			emotion(row.touchpoint.emotion?.actual),
			row.pains.map((item) => item.text).join('\n'),
			row.opportunities.map((item) => item.text).join('\n'),
			row.ownsTouchpoint ? Object.entries(row.touchpoint.kpis).map(([name, value]) => `${name}: ${value}`).join('\n') : '',
		]),
	]);
}
