/** Renderers: the validated model in, HTML / SVG / Markdown / Mermaid text out. Pure and deterministic. */
export { emotionChart, emotionChartTree, type EmotionChartOptions } from './emotion-chart.ts';
export { emotionDataTable, insightList, journeyDocument } from './document.ts';
export { journeyTable, journeyTableMarkdown, journeyTableTree } from './table.ts';
export { emotionSparkline } from './sparkline.ts';
export { type Heading, markdownHtml, renderMarkdown } from './markdown.ts';
export { journeyMap, journeyMapTree, type JourneyMapOptions } from './journey-map.ts';
export { type CurveKind, type LaneId, MAP_LANES, MAP_SIZE, type MapColumn, type MapCurve, type MapLayout, mapLayout, type MapPoint, type MapStage } from './map-layout.ts';
