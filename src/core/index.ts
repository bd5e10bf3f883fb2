/** The framework-free core: parse, validate and model journey maps. Knows nothing of Astro or the terminal. */
export { MAX_FILE_BYTES, readFrontmatter } from './frontmatter.ts';
export * from './model.ts';
export { parseJourney } from './parse-journey.ts';
export { parsePersona } from './parse-persona.ts';
export { checkSources, JOURNEYS_DIR, type LoadedProject, loadProject, PERSONAS_DIR, type SourceFile } from './project.ts';
export { ASSETS_DIR, CONTENT_DIRS, type ContentFiles, diskFiles, IMAGE_TYPES, resolveContentPath, type TreeEntry, treeFiles } from './content-path.ts';
export { slugOf, uniqueSlugs } from './names.ts';
export { type RouteSlugs, routeSlugs } from './aggregate.ts';
export { RULES, type RuleId } from './rules.ts';
export { JourneySchema, PersonaSchema } from './schema.ts';
export { type CurvePoint, emotionCurve, type Insight, type InsightKind, journeyInsights, mainPath, summarizeInsights } from './insights.ts';
