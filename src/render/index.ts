/** Renderers: the validated model in, HTML / SVG / Markdown / Mermaid / CSV text out. Pure and deterministic. */
export { backlogCsv, type Cell, csvCell, ownerCsv, toCsv, unguardedCell } from './csv.ts';
export { EMOTION_SCALE, type JourneySheet, journeySheet, SHEET_LABELS, SHEET_ROWS, type SheetField, type SheetRow } from './sheet.ts';
export { diffMarkdown, diffText } from './diff-report.ts';
export { emotionChart, emotionChartTree, type EmotionChartOptions } from './emotion-chart.ts';
export { emotionDataTable, insightList, journeyDocument } from './document.ts';
export { anchor, counted, EMOTION_WORDS, emotionClass, itemDetails, nounFor, percent, signed } from './format.ts';
export { journeyTable, journeyTableMarkdown, journeyTableTree } from './table.ts';
export { FLOW_LIMITS, flowSize, mermaidFlow, mermaidJourney } from './mermaid.ts';
export { emotionSparkline, kpiSparkline, kpiValue } from './sparkline.ts';
export { type Heading, markdownHtml, renderMarkdown } from './markdown.ts';
export { journeyMap, journeyMapTree, type JourneyMapOptions, type MapImage, measuredKpis } from './journey-map.ts';
export { type CurveKind, type LaneId, MAP_LANES, MAP_SIZE, type MapColumn, type MapCurve, type MapLayout, mapLayout, type MapPoint, type MapStage } from './map-layout.ts';
export { MAP_COLOURS, MAP_FONT_FAMILY, MAP_TEXT_SIZE, type MapScene, mapScene, type MapSceneOptions, type SceneShape } from './map-scene.ts';
export { mapSvg, sceneSvg } from './map-svg.ts';
export { textWidth, wrapText } from './text-wrap.ts';
export { htmlOf } from './html.ts';
