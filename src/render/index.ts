/** Renderers: the validated model in, HTML / SVG / Markdown / Mermaid text out. Pure and deterministic. */
export { emotionChart, emotionChartTree, type EmotionChartOptions } from './emotion-chart.ts';
export { emotionDataTable, insightList, journeyDocument } from './document.ts';
export { journeyTable, journeyTableMarkdown, journeyTableTree } from './table.ts';
export { emotionSparkline } from './sparkline.ts';
export { type Heading, markdownHtml, renderMarkdown } from './markdown.ts';
