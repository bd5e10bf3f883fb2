/**
 * A small emotion sparkline for catalogs and persona pages: the curve's shape at a glance, as
 * static SVG. On a multi-persona journey, one line per persona (each its own dash pattern, so
 * colour is never the only difference): a line never joins two people.
 */
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import { scaleLinear } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { ALL_PERSONAS, type CurvePoint, type Journey, personaCurves, touchpointsOf } from '../core/index.ts';
import { signed } from './format.ts';

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
	return toHtml(
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
