/**
 * A small emotion sparkline for catalogs and persona pages: the curve's shape at a glance, as
 * static SVG. On a multi-persona journey, one line per persona (each its own dash pattern, so
 * colour is never the only difference): a line never joins two people.
 */
import { s } from './hast.ts';
import { scaleLinear } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import type { Element } from 'hast';
import { ALL_PERSONAS, type CurvePoint, type Journey, type KpiSeries, personaCurves, touchpointsOf } from '../core/index.ts';
import { counted, percent, signed } from './format.ts';
import { htmlOf } from './html.ts';

export function emotionSparkline(journey: Journey, size: { width: number; height: number } = { width: 120, height: 32 }): string {
	const curves = personaCurves(journey);
	// x by the touchpoint's place in the journey, so two personas' lines share one time axis.
	const order = new Map(touchpointsOf(journey).map((touchpoint, i) => [touchpoint.id, i]));
	const scored = curves.flatMap(({ points }) => points.map((point) => order.get(point.touchpoint.id)!));
	const x = scaleLinear().domain([Math.min(...scored, 0), Math.max(...scored, 1)]).range([3, size.width - 3]);
	const y = scaleLinear().domain([-2, 2]).range([size.height - 3, 3]);
	const at = (point: CurvePoint) => x(order.get(point.touchpoint.id)!);
	const path = line<CurvePoint>().x(at).y((p) => y(p.score)).curve(curveMonotoneX);
	const describe = (points: CurvePoint[]) =>
		points.length === 0 ? 'no emotions recorded' : `from ${signed(points[0].score)} to ${signed(points.at(-1)!.score)}, lowest ${signed(Math.min(...points.map((p) => p.score)))}`;
	const label =
		curves.length === 1 && curves[0].persona === ALL_PERSONAS
			? curves[0].points.length === 0
				? 'No emotions recorded'
				: `Emotion curve ${describe(curves[0].points)}`
			: `Emotion curves: ${curves.map(({ persona, points }) => `${persona} ${describe(points)}`).join('; ')}`;
	const low = curves.length === 1 && curves[0].points.length > 0 ? curves[0].points.reduce((a, b) => (b.score < a.score ? b : a)) : undefined;
	return htmlOf(
		s('svg', { className: 'cjm-sparkline', viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: 'img', ariaLabel: label }, [
			s('line', { className: 'cjm-sparkline-zero', x1: 0, x2: size.width, y1: y(0), y2: y(0) }),
			...curves.flatMap(({ points }, i) => {
				const d = points.length > 0 ? path(points) : null;
				return d ? [s('path', { className: ['cjm-sparkline-line', `cjm-persona-${i % 4}`], d })] : [];
			}),
			low ? s('circle', { className: 'cjm-sparkline-low', cx: at(low), cy: y(low.score), r: 2.5 }) : undefined,
		].filter((child) => child !== undefined)),
		{ space: 'svg' }
	);
}

/** A measured KPI's values over time as a tiny line, oldest left; its label says the range in words. */
export function kpiSparkline(series: KpiSeries, size: { width: number; height: number } = { width: 64, height: 18 }): Element {
	const values = series.points.map((p) => p.value);
	const [low, high] = [Math.min(...values), Math.max(...values)];
	const x = scaleLinear().domain([0, Math.max(series.points.length - 1, 1)]).range([2, size.width - 2]);
	const y = scaleLinear().domain(low === high ? [low - 1, high + 1] : [low, high]).range([size.height - 2, 2]);
	const d = line<number>().x((_, i) => x(i)).y((value) => y(value))(values) ?? '';
	const show = (value: number) => kpiValue(series, value);
	return s('svg', { className: 'cjm-kpi-sparkline', viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: 'img', ariaLabel: `${series.kpi} over ${counted(series.points.length, 'measurement')}, from ${show(values[0])} (${series.points[0].date}) to ${show(values.at(-1)!)} (${series.latest.date})` }, [
		s('path', { className: 'cjm-sparkline-line', d }),
		s('circle', { className: 'cjm-sparkline-low', cx: x(values.length - 1), cy: y(values.at(-1)!), r: 2 }),
	]);
}

/** A measured value as written: a percentage when the rows were, else the number. */
export const kpiValue = (series: Pick<KpiSeries, 'percent'>, value: number): string => (series.percent ? percent(value) : String(Number(value.toFixed(4))));
