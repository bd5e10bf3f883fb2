/** A small emotion sparkline for catalogs and persona pages: the curve's shape at a glance, as static SVG. */
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import { scaleLinear } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { type Journey, journeyView } from '../core/index.ts';
import { signed } from './format.ts';

export function emotionSparkline(journey: Journey, size: { width: number; height: number } = { width: 120, height: 32 }): string {
	const { curve } = journeyView(journey);
	const x = scaleLinear().domain([0, Math.max(curve.length - 1, 1)]).range([3, size.width - 3]);
	const y = scaleLinear().domain([-2, 2]).range([size.height - 3, 3]);
	const path = line<(typeof curve)[number]>()
		.x((_, i) => x(i))
		.y((p) => y(p.score))
		.curve(curveMonotoneX)(curve);
	const label =
		curve.length === 0
			? 'No emotions recorded'
			: `Emotion curve from ${signed(curve[0].score)} to ${signed(curve.at(-1)!.score)}, lowest ${signed(Math.min(...curve.map((p) => p.score)))}`;
	const low = curve.length > 0 ? curve.reduce((a, b) => (b.score < a.score ? b : a)) : undefined;
	return toHtml(
		s('svg', { className: 'cjm-sparkline', viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: 'img', ariaLabel: label }, [
			s('line', { className: 'cjm-sparkline-zero', x1: 0, x2: size.width, y1: y(0), y2: y(0) }),
			path ? s('path', { className: 'cjm-sparkline-line', d: path }) : undefined,
			low ? s('circle', { className: 'cjm-sparkline-low', cx: x(curve.indexOf(low)), cy: y(low.score), r: 2.5 }) : undefined,
		].filter((child) => child !== undefined)),
		{ space: 'svg' }
	);
}
