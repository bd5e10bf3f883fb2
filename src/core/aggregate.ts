/**
 * Cross-journey views: who owns what, what happens on each channel, and the backlog of pains and
 * opportunities across every journey. Pure functions over the model, sorted deterministically.
 */
import type { Criticality, Item, Journey, Project, Stage, Touchpoint } from './model.ts';
import { slugOf, uniqueSlugs } from './names.ts';

/** A touchpoint with the journey and stage it belongs to, so views can link back. */
export interface Located {
	journey: Journey;
	stage: Stage;
	touchpoint: Touchpoint;
}

export function locatedTouchpoints(journeys: Journey[]): Located[] {
	return journeys.flatMap((journey) => journey.stages.flatMap((stage) => stage.touchpoints.map((touchpoint) => ({ journey, stage, touchpoint }))));
}

export interface BacklogItem extends Located {
	kind: 'pain' | 'opportunity';
	item: Item;
	/** Who owns it: the item's owner, else the touchpoint's. */
	owner?: string;
}

const CRITICALITY: Record<Criticality, number> = { high: 0, medium: 1, low: 2 };

/**
 * Every pain and opportunity, most urgent first: by the touchpoint's criticality (high first),
 * then by how bad the customer feels there (lowest emotion first), then pains before
 * opportunities and higher impact first.
 */
export function backlog(journeys: Journey[]): BacklogItem[] {
	const items = locatedTouchpoints(journeys).flatMap((located) =>
		(['pain', 'opportunity'] as const).flatMap((kind) =>
			(kind === 'pain' ? located.touchpoint.pains : located.touchpoint.opportunities).map(
				(item): BacklogItem => ({ ...located, kind, item, owner: item.owner ?? located.touchpoint.owner })
			)
		)
	);
	const rank = (entry: BacklogItem) => [
		entry.touchpoint.criticality ? CRITICALITY[entry.touchpoint.criticality] : 3,
		entry.touchpoint.emotion?.actual ?? 3,
		entry.kind === 'pain' ? 0 : 1,
		-(entry.item.impact ?? 0),
	];
	return items
		.map((entry, index) => ({ entry, key: rank(entry), index }))
		.sort((a, b) => a.key.reduce((order, value, i) => order || value - b.key[i], 0) || a.index - b.index)
		.map(({ entry }) => entry);
}

export interface BacklogCounts {
	pains: number;
	opportunities: number;
	/** Pains that neither the item nor its touchpoint gives an owner: nobody will fix them. */
	unownedPains: number;
}

export function backlogCounts(items: BacklogItem[]): BacklogCounts {
	const counts: BacklogCounts = { pains: 0, opportunities: 0, unownedPains: 0 };
	for (const entry of items) {
		if (entry.kind === 'opportunity') counts.opportunities++;
		else {
			counts.pains++;
			if (!entry.owner) counts.unownedPains++;
		}
	}
	return counts;
}

/** The four corners of an impact/effort matrix: what to do first, plan, fit in, or avoid. */
export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'money-pit';

/** High impact is 3 or more, low effort 3 or less (on the 1..5 scales): the middle counts as the better side. */
export function quadrant(impact: number, effort: number): Quadrant {
	if (impact >= 3) return effort <= 3 ? 'quick-win' : 'big-bet';
	return effort <= 3 ? 'fill-in' : 'money-pit';
}

export interface MatrixCell {
	impact: number;
	effort: number;
	quadrant: Quadrant;
	items: BacklogItem[];
}

/** Opportunities that carry both impact and effort, on a 5 × 5 grid (impact 5 on top, effort 1 on the left). */
export function impactEffortMatrix(items: BacklogItem[]): MatrixCell[][] {
	const rated = items.filter((entry) => entry.kind === 'opportunity' && entry.item.impact !== undefined && entry.item.effort !== undefined);
	return [5, 4, 3, 2, 1].map((impact) =>
		[1, 2, 3, 4, 5].map((effort) => ({
			impact,
			effort,
			quadrant: quadrant(impact, effort),
			items: rated.filter((entry) => entry.item.impact === impact && entry.item.effort === effort),
		}))
	);
}

/** What one owner answers for at one touchpoint: the touchpoint itself, and the pains and opportunities assigned to them. */
export interface OwnerRow extends Located {
	ownsTouchpoint: boolean;
	pains: Item[];
	opportunities: Item[];
}

export interface OwnerView {
	owner: string;
	/** Journeys whose map this owner owns. */
	journeys: Journey[];
	/** Most urgent first, like the backlog. */
	rows: OwnerRow[];
	counts: { touchpoints: number; pains: number; opportunities: number; kpis: number };
}

/** "Who is responsible for what": every owner named anywhere, with what they own, by touchpoint. */
export function byOwner(project: Project): OwnerView[] {
	const views = new Map<string, OwnerView>();
	const view = (owner: string) => {
		let found = views.get(owner);
		if (!found) views.set(owner, (found = { owner, journeys: [], rows: [], counts: { touchpoints: 0, pains: 0, opportunities: 0, kpis: 0 } }));
		return found;
	};
	for (const journey of project.journeys) if (journey.owner) view(journey.owner).journeys.push(journey);
	for (const located of sortByUrgency(locatedTouchpoints(project.journeys))) {
		const { touchpoint } = located;
		const owners = new Set(ownersOf(touchpoint));
		for (const owner of owners) {
			if (!owner) continue;
			const row: OwnerRow = {
				...located,
				ownsTouchpoint: touchpoint.owner === owner,
				pains: touchpoint.pains.filter((p) => (p.owner ?? touchpoint.owner) === owner),
				opportunities: touchpoint.opportunities.filter((o) => (o.owner ?? touchpoint.owner) === owner),
			};
			const target = view(owner);
			target.rows.push(row);
			target.counts.touchpoints += row.ownsTouchpoint ? 1 : 0;
			target.counts.pains += row.pains.length;
			target.counts.opportunities += row.opportunities.length;
			target.counts.kpis += row.ownsTouchpoint ? Object.keys(touchpoint.kpis).length : 0;
		}
	}
	return [...views.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}

/** Touchpoints by criticality (high first), then by how the customer feels (worst first); stable otherwise. */
export function sortByUrgency<T extends Located>(list: T[]): T[] {
	const rank = ({ touchpoint }: T) => [touchpoint.criticality ? CRITICALITY[touchpoint.criticality] : 3, touchpoint.emotion?.actual ?? 3];
	return list
		.map((entry, index) => ({ entry, key: rank(entry), index }))
		.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
		.map(({ entry }) => entry);
}

export interface ChannelView {
	channel: string;
	touchpoints: Located[];
	/** Mean emotion of its touchpoints that have one. */
	averageEmotion?: number;
	pains: number;
}

/** Every channel, with its touchpoints across journeys and how customers feel there. */
export function byChannel(project: Project): ChannelView[] {
	const views = new Map<string, Located[]>();
	for (const located of locatedTouchpoints(project.journeys)) {
		for (const channel of located.touchpoint.channels) {
			const key = channelKey(channel);
			const list = views.get(key);
			if (list) list.push(located);
			else views.set(key, [located]);
		}
	}
	return [...views.entries()]
		.map(([channel, touchpoints]): ChannelView => {
			const scores = touchpoints.flatMap(({ touchpoint }) => (touchpoint.emotion ? [touchpoint.emotion.actual] : []));
			return {
				channel,
				touchpoints,
				averageEmotion: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined,
				pains: touchpoints.reduce((sum, { touchpoint }) => sum + touchpoint.pains.length, 0),
			};
		})
		.sort((a, b) => b.touchpoints.length - a.touchpoints.length || a.channel.localeCompare(b.channel));
}

/** Channels are grouped case-insensitively: `Email` and `email ` are one channel, shown as `email`. */
export const channelKey = (channel: string): string => channel.trim().toLowerCase();

/** Every name a touchpoint answers to as owner: its own, and its pains' and opportunities'. */
const ownersOf = (touchpoint: Touchpoint) => [touchpoint.owner, ...[...touchpoint.pains, ...touchpoint.opportunities].map((item) => item.owner ?? touchpoint.owner)];

/** The URL slug of each owner page and channel page. */
export interface RouteSlugs {
	owner(name: string): string;
	/** By channel name as written, or by its `channelKey`. */
	channel(name: string): string;
}

/**
 * Slugs for the owner and channel pages: distinct for every owner and channel of the project,
 * even where names differ only in punctuation (`C++`, `C#` and `c`; `e-mail` and `e mail`),
 * so no page overwrites another and every link finds its page. Derived from the whole project,
 * so pages and links must use the same `RouteSlugs`.
 */
export function routeSlugs(project: Project): RouteSlugs {
	const owners = new Set<string>();
	const channels = new Set<string>();
	for (const journey of project.journeys) {
		if (journey.owner) owners.add(journey.owner);
		for (const { touchpoint } of locatedTouchpoints([journey])) {
			for (const owner of ownersOf(touchpoint)) if (owner) owners.add(owner);
			for (const channel of touchpoint.channels) channels.add(channelKey(channel));
		}
	}
	const ownerSlugs = uniqueSlugs(owners);
	const channelSlugs = uniqueSlugs(channels);
	return {
		owner: (name) => ownerSlugs.get(name) ?? slugOf(name),
		channel: (name) => channelSlugs.get(channelKey(name)) ?? slugOf(channelKey(name)),
	};
}
