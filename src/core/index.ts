/** The framework-free core: parse, validate and model journey maps. Knows nothing of Astro or the terminal. */
export { MAX_FILE_BYTES, readFrontmatter } from './frontmatter.ts';
export * from './model.ts';
export { parseJourney } from './parse-journey.ts';
export { parsePersona } from './parse-persona.ts';
export { DEFAULT_CACHE_LOCATION, type FileCache, fileCache, memoryCache, type ParseCache } from './parse-cache.ts';
export { checkSources, JOURNEYS_DIR, type LoadedProject, loadProject, PERSONAS_DIR, type SourceFile, type SourceKind, SOURCE_PATHS, sourceKind } from './project.ts';
export { ASSETS_DIR, CONTENT_DIRS, type ContentFiles, diskFiles, IMAGE_TYPES, resolveContentPath, type TreeEntry, treeFiles } from './content-path.ts';
export { defaultStageId, defaultTouchpointId, nameProblem, slugOf, uniqueSlugs } from './names.ts';
export { type Suggester, suggester } from './suggest.ts';
export { startThread } from './thread.ts';
export { type RouteSlugs, routeSlugs } from './aggregate.ts';
export { RULES, type RuleId } from './rules.ts';
export { CONFIG_FILE, type Config, ConfigSchema, DEFAULT_CONFIG, DEFAULT_REVIEW_DAYS } from './config.ts';
export { daysBetween, type ReviewState, reviewState, todayIso } from './freshness.ts';
export { touchpointDates, touchpointLines } from './touchpoint-lines.ts';
export { applyMeasurements, CONVERSION_KPI, type KpiSeries, kpiSeries, type Measurement, METRIC_COLUMNS, METRICS_DIR, readMetrics } from './metrics.ts';
export { isRemoteUrl } from './lint-body.ts';
export { type JourneyInput, JourneySchema, MAX_TOUCHPOINTS, PersonaSchema, TOUCHPOINT_NAMES, TouchpointSchema } from './schema.ts';
export { FIELD_VIEWS, type FieldViews, lanesOf } from './fields.ts';
export { ALL_PERSONAS, type CurvePoint, curvePersonas, emotionCurve, onCurveOf, type PersonaCurve, personaCurves, type Insight, type InsightKind, journeyInsights, mainPath, summarizeInsights } from './insights.ts';
export { counted, nounFor, percent, signed } from './words.ts';
export { type JourneyView, journeyView } from './journey-view.ts';
export {
	backlog,
	type BacklogCounts,
	backlogCounts,
	type BacklogItem,
	byChannel,
	byOwner,
	type ChannelView,
	impactEffortMatrix,
	type Located,
	locatedTouchpoints,
	type MatrixCell,
	type OwnerRow,
	type OwnerView,
	quadrant,
	type Quadrant,
	sortByUrgency,
} from './aggregate.ts';
export { type Change, type ChangeKind, type Curves, diffProjects, type EntityDiff, type Problem, problemsOf, type ProjectDiff, type Version } from './diff.ts';
