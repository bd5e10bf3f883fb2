/** The framework-free core: parse, validate and model journey maps. Knows nothing of Astro or the terminal. */
export { MAX_FILE_BYTES, readFrontmatter } from './frontmatter.ts';
export * from './model.ts';
export { parseJourney } from './parse-journey.ts';
export { parsePersona } from './parse-persona.ts';
export { checkSources, JOURNEYS_DIR, type LoadedProject, loadProject, PERSONAS_DIR, type SourceFile } from './project.ts';
export { RULES, type RuleId } from './rules.ts';
export { JourneySchema, PersonaSchema } from './schema.ts';
export { ALL_PERSONAS, type CurvePoint, curvePersonas, emotionCurve, onCurveOf, type PersonaCurve, personaCurves, type Insight, type InsightKind, journeyInsights, mainPath, summarizeInsights } from './insights.ts';
