/**
 * `npm run bench [validate|site|dev|scale|export|history]`: speed against baselines measured in the same run, so the
 * ratios mean something on any machine. Wall-clock times of whole processes, median of runs.
 *  - validate: `cjm validate` on N synthetic journeys vs. reading the files and parsing their YAML
 *    with `yaml` (target: at most 0.2x), and next to only parsing it with the fast parser (js-yaml);
 *    and `cjm validate --cache` after changing one journey vs. a run from an empty cache (target: at most 0.25x).
 *  - site: `cjm build` of N synthetic journeys vs. a plain Starlight build of N Markdown pages of
 *    the same size (target: at most 1.3x), and `cjm build --cache` after changing one journey (caches
 *    kept) vs. a cold `cjm build --cache` (target: at most 0.25x); and `cjm build --downloads none`, for what the
 *    journeys' exports cost the build (files and all; the rule: a format over a tenth becomes opt-in); plus the JavaScript a page loads and the catalog pages' HTML (target: under 500 KB).
 *  - dev: `npm run dev` (the real `astro dev`) over N synthetic journeys, one journey page open in
 *    Chromium: the time from saving an edit to the open page showing it (bench/dev.ts; target: under 1 s).
 *  - scale: every command on the largest journeys the limits allow (bench/scale.ts; target: each within 10 s).
 *  - export: the map pictures (svg, png, pdf, pptx) and the site's downloads per journey, on the samples and on the synthetic
 *    journeys, and what each would add to a site build of N journeys (against the build measured by
 *    `site` in the same run; the rule: at most a tenth, else the format stays out of the site).
 *  - history: per-touchpoint dates (`git blame` of every journey, `blame: true`) and the last-commit
 *    dates (one `git log`) of N journeys in a git repository, vs. `cjm build` of the same project:
 *    blame stays opt-in while it adds more than a tenth to the build; and `cjm validate` with and
 *    without a year of monthly measurements (`metrics/`) for every stage.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProject, touchpointDates } from '../src/core/index.ts';
import { EXPORT_FORMATS, type ExportFormat, exportJourney, SITE_EXPORT_OPTIONS, SITE_EXPORTS } from '../src/export/index.ts';
import { HANDOFF_ENV } from '../src/handoff.ts';
import { lastCommitDates, lineDates } from '../src/history.ts';
import { measureDevEdit } from './dev.ts';
import { generateDocs, generateProject } from './generate.ts';
import { pageJavaScript } from './js-budget.ts';
import { prepareScaleProject, scaleCommands } from './scale.ts';

const root = new URL('..', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const N = Number(process.env.BENCH_JOURNEYS ?? 1000);
const which = process.argv[2] ?? 'all';

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `args` `runs` times (`before` each run); each run's time and what it printed. */
function timeEach(args: string[], runs: number, env: NodeJS.ProcessEnv = {}, before?: () => void): Array<{ ms: number; output: string }> {
	return Array.from({ length: runs }, () => {
		before?.();
		const start = performance.now();
		const output = execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
		return { ms: performance.now() - start, output };
	});
}

/** The median time of `runs` runs of `args`. */
function time(args: string[], runs: number, env: NodeJS.ProcessEnv = {}, before?: () => void): number {
	return median(timeEach(args, runs, env, before).map((run) => run.ms));
}

/** A `before` hook for `time` that changes one journey of `project` before each run: a warm run after one change. */
function changeOneJourney(project: string): () => void {
	const path = join(project, 'journeys/journey-0000.md');
	let edits = 0;
	return () => appendFileSync(path, `\nEdit ${++edits}.\n`);
}

const row = (name: string, ms: number, files: number) =>
	`  ${name.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s ${Math.round((files / ms) * 1000).toString().padStart(7)} files/s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`Node ${process.versions.node}; ${N} synthetic journeys of 8 stages x 5 touchpoints, every field filled in.\n`);

if (which === 'all' || which === 'validate') {
	const runs = Number(process.env.BENCH_RUNS ?? 5);
	const project = join(work, 'validate');
	const files = await generateProject(project, N);
	const baseline = time([join(root, 'bench/baseline-yaml.ts'), project], runs);
	const fastParser = time([join(root, 'bench/baseline-yaml.ts'), project, 'fast'], runs);
	const validate = time([join(root, 'bin/cjm.js'), 'validate', project, '--format', 'compact'], runs);
	const ratio = validate / baseline;
	console.log(`validate (median of ${runs} runs)`);
	console.log(row('baseline: read files + yaml.parse', baseline, files));
	console.log(row('read files + fast parser (js-yaml)', fastParser, files));
	console.log(row('cjm validate', validate, files));
	console.log(`  ratio: ${ratio.toFixed(2)}x the yaml.parse baseline (target: at most 0.2x, ${ratio <= 0.2 ? 'met' : 'not met'}); ${(validate / fastParser).toFixed(2)}x the fast parser alone`);
	console.log(`  target ${N} journeys in < 1 s: ${validate < 1000 ? 'met' : 'not met'}\n`);

	// --cache: a cold run from an empty cache, then warm runs each after one journey changed.
	const cacheDir = join(work, 'validate-cache');
	const cached = [join(root, 'bin/cjm.js'), 'validate', project, '--format', 'compact', '--cache', '--cache-location', cacheDir];
	const cold = time(cached, runs, {}, () => rmSync(cacheDir, { recursive: true, force: true }));
	const warm = time(cached, runs, {}, changeOneJourney(project));
	console.log(`validate --cache (median of ${runs} runs)`);
	console.log(row('cold: empty cache', cold, files));
	console.log(row('warm: after changing 1 journey', warm, files));
	console.log(`  ratio: ${(warm / cold).toFixed(2)}x the cold run (target: at most 0.25x, ${warm / cold <= 0.25 ? 'met' : 'not met'}); ${(warm / validate).toFixed(2)}x cjm validate without --cache\n`);
}

/** The site build's time at N journeys, when this run measured it: what export costs are compared with. */
let siteBuild: number | undefined;

if (which === 'all' || which === 'site') {
	const runs = Number(process.env.BENCH_SITE_RUNS ?? 1);
	const project = join(work, 'site');
	const docs = join(work, 'starlight-docs');
	const ours = join(work, 'site-dist');
	const theirs = join(work, 'starlight-dist');
	await generateProject(project, N);
	await generateDocs(docs, N);
	// Cold builds: no Astro caches from an earlier run.
	const clean = (...dirs: string[]) => () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
	const astroCache = join(root, 'node_modules/.astro');
	const baselineRoot = join(root, 'bench/starlight-baseline');
	const starlight = [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', baselineRoot];
	// The default build (no --cache) is what compares with Starlight, which keeps no cache either.
	const plain = [join(root, 'bin/cjm.js'), 'build', project, '--out-dir', ours];
	// The same build without the journeys' exports: what the downloads cost as a whole, files and all.
	const bare = join(work, 'site-bare');
	const noDownloads = [join(root, 'bin/cjm.js'), 'build', project, '--out-dir', bare, '--downloads', 'none'];
	// And with every download the site can build, those on request too (the map picture): what they would add.
	const every = join(work, 'site-every');
	const everyDownload = [join(root, 'bin/cjm.js'), 'build', project, '--out-dir', every, '--downloads', SITE_EXPORTS.join(',')];
	// And the default build with everything on Astro's thread: what the rendering threads gain (src/site/render-pool.ts).
	const oneThreadDir = join(work, 'site-one-thread');
	const oneThread = [join(root, 'bin/cjm.js'), 'build', project, '--out-dir', oneThreadDir];
	// With --cache, Astro also writes every page and download into its cache: a cold build with it,
	// then a rebuild after one journey changed with every cache of that build kept (Astro's and ours).
	const cacheDir = join(work, 'site-cache');
	const cached = [join(root, 'bin/cjm.js'), 'build', project, '--out-dir', ours, '--cache', '--cache-location', cacheDir];
	// Astro's info log names each page it reuses: `(cached)` left in place, `(restored)` copied back
	// from its cache. Astro writes the log level into every page's code (`virtual:astro:logger`), so
	// both builds use it: with another level, the rebuild would render every page again.
	const info = { CJM_LOG_LEVEL: 'info' };
	const changed = changeOneJourney(project);
	// The builds take turns, round after round: the machine's speed drifts within minutes, and a
	// ratio of two medians taken ten minutes apart measured the drift as much as the builds.
	const once = (args: string[], env: NodeJS.ProcessEnv, before: () => void) => timeEach(args, 1, env, before)[0];
	const rounds = Array.from({ length: runs }, () => ({
		baseline: once(starlight, { BENCH_DOCS_DIR: docs, BENCH_OUT_DIR: theirs }, clean(theirs, join(baselineRoot, '.astro'), join(baselineRoot, 'node_modules'), astroCache)).ms,
		site: once(plain, {}, clean(ours, join(root, '.astro'), astroCache)).ms,
		withoutDownloads: once(noDownloads, {}, clean(bare, join(root, '.astro'), astroCache)).ms,
		withEveryDownload: once(everyDownload, {}, clean(every, join(root, '.astro'), astroCache)).ms,
		onOneThread: once(oneThread, { [HANDOFF_ENV.renderThreads]: '0' }, clean(oneThreadDir, join(root, '.astro'), astroCache)).ms,
		coldCached: once(cached, info, clean(ours, join(root, '.astro'), astroCache, cacheDir)).ms,
		rebuild: once(cached, info, changed),
	}));
	const medianOf = (key: 'baseline' | 'site' | 'withoutDownloads' | 'withEveryDownload' | 'onOneThread' | 'coldCached') => median(rounds.map((round) => round[key]));
	const [baseline, site, withoutDownloads, withEveryDownload, onOneThread, coldCached] = [medianOf('baseline'), medianOf('site'), medianOf('withoutDownloads'), medianOf('withEveryDownload'), medianOf('onOneThread'), medianOf('coldCached')];
	siteBuild = site;
	const rebuilds = rounds.map((round) => round.rebuild);
	const rebuild = median(rebuilds.map((run) => run.ms));
	const reusedPages = (output: string, how: string) => output.match(new RegExp(`\\(${how}\\)`, 'g'))?.length ?? 0;
	const ratio = (value: number, target: number) => `${value.toFixed(2)}x (target: at most ${target}x, ${value <= target ? 'met' : 'not met'})`;
	console.log(`site build (median of ${runs} run${runs === 1 ? '' : 's'}, the builds taking turns)`);
	console.log(row(`baseline: Starlight, ${N} Markdown pages`, baseline, N));
	console.log(row(`cjm build, ${N} journeys (cold)`, site, N));
	console.log(row('cjm build --downloads none (cold)', withoutDownloads, N));
	console.log(row(`cjm build --downloads ${SITE_EXPORTS.join(',')} (cold)`, withEveryDownload, N));
	console.log(row(`cjm build, ${HANDOFF_ENV.renderThreads}=0 (cold)`, onOneThread, N));
	console.log(row('cjm build --cache (cold)', coldCached, N));
	console.log(row('cjm build --cache after changing 1 journey', rebuild, N));
	console.log(`  cold build: ${ratio(site / baseline, 1.3)} the baseline; without the exports ${(withoutDownloads / baseline).toFixed(2)}x, so they are ${(((site - withoutDownloads) / site) * 100).toFixed(0)} % of the build`);
	const onRequest = SITE_EXPORTS.filter((format) => EXPORT_FORMATS[format].site === 'on request');
	console.log(`  every download: ${(withEveryDownload / baseline).toFixed(2)}x the baseline; those built only on request (${onRequest.join(', ')}) would be ${(((withEveryDownload - site) / withEveryDownload) * 100).toFixed(0)} % of it (the rule for a default: at most a tenth)`);
	const seconds = (ms: number) => (ms / 1000).toFixed(1);
	console.log(`  on Astro's thread alone (no rendering thread): ${(onOneThread / baseline).toFixed(2)}x the baseline; the rendering threads save ${(((onOneThread - site) / onOneThread) * 100).toFixed(0)} % of it`);
	console.log(`    each round, Starlight / cjm build / --downloads none / every download / one thread: ${rounds.map((round) => `${seconds(round.baseline)} / ${seconds(round.site)} / ${seconds(round.withoutDownloads)} / ${seconds(round.withEveryDownload)} / ${seconds(round.onOneThread)} s`).join('; ')}`);
	console.log(`  rebuild after one change, caches kept: ${ratio(rebuild / coldCached, 0.25)} the cold build with --cache (${(rebuild / site).toFixed(2)}x the default build)`);
	for (const [i, run] of rebuilds.entries()) {
		console.log(`    rebuild ${i + 1}: ${(run.ms / 1000).toFixed(2)} s, pages and downloads reused: ${reusedPages(run.output, 'cached')} left in place, ${reusedPages(run.output, 'restored')} copied back`);
	}
	console.log('');

	const persona = pageJavaScript(ours, 'personas/persona-0/index.html');
	const journey = pageJavaScript(ours, 'journeys/journey-0000/index.html');
	const home = pageJavaScript(ours, 'index.html');
	console.log('JavaScript per page, uncompressed (lazy: loaded on demand, by the search dialog and the Mermaid diagram)');
	console.log(`  home (catalog)      ${kb(home.initial).padStart(10)}   + ${kb(home.lazy)} lazy`);
	console.log(`  persona page        ${kb(persona.initial).padStart(10)}   + ${kb(persona.lazy)} lazy (target: under 100 KB without a diagram)`);
	console.log(`  journey page        ${kb(journey.initial).padStart(10)}   + ${kb(journey.lazy)} lazy, with the Mermaid diagram`);

	const html = (page: string) => statSync(join(ours, page)).size;
	const catalogBudget = 500 * 1024;
	const catalogPages = { 'home (catalog)': html('index.html'), '/journeys/': html('journeys/index.html') };
	console.log(`\nCatalog HTML at ${N} journeys (target: under ${kb(catalogBudget)} each)`);
	for (const [name, bytes] of Object.entries(catalogPages)) console.log(`  ${name.padEnd(19)} ${kb(bytes).padStart(10)}   ${bytes < catalogBudget ? 'met' : 'not met'}`);
}

if (which === 'all' || which === 'dev') {
	const edits = Number(process.env.BENCH_RUNS ?? 5);
	const project = join(work, 'dev');
	await generateProject(project, N);
	const { startMs, editMs, reloads } = await measureDevEdit(project, edits);
	const edit = median(editMs);
	console.log(`\nnpm run dev with ${N} journeys (one journey page open in Chromium)`);
	console.log(`  start: astro dev to the page served         ${(startMs / 1000).toFixed(2).padStart(7)} s`);
	console.log(`  a saved edit visible in the open page       ${(edit / 1000).toFixed(2).padStart(7)} s   median of ${editMs.length} (${editMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s); target: under 1 s, ${edit < 1000 ? 'met' : 'not met'}`);
	console.log(`  edits the page showed by reloading          ${String(reloads).padStart(7)}     of ${editMs.length} (the others in place)`);
}

if (which === 'all' || which === 'scale') {
	const project = join(work, 'scale');
	prepareScaleProject(project);
	const bound = 10_000;
	console.log('\nEvery command on the largest journeys the limits allow (1000 touchpoints; 2 MB), one run each (target: within 10 s)');
	for (const { name, args } of scaleCommands()) {
		const start = performance.now();
		const result = spawnSync(process.execPath, [join(root, 'bin/cjm.js'), ...args], { cwd: project, stdio: 'ignore' });
		const ms = performance.now() - start;
		const outcome = result.status === 0 ? '' : result.status === 2 ? ' (refused)' : ` (exit ${result.status})`;
		console.log(`  ${`cjm ${name}`.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${ms <= bound ? 'met' : 'not met'}${outcome}`);
	}
	// The site build has no time bound here: it must complete, or refuse with positioned messages.
	const start = performance.now();
	const build = spawnSync(process.execPath, [join(root, 'bin/cjm.js'), 'build', project, '--out-dir', join(work, 'scale-dist')], { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
	const said = build.status === 0 ? 'built' : `refused (exit ${build.status}): ${build.stdout.split('\n').find((line) => /\d+:\d+/.test(line)) ?? build.stderr.slice(0, 200)}`;
	console.log(`  ${'cjm build (the site of both)'.padEnd(40)} ${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s   ${said}`);
}

if (which === 'all' || which === 'export') {
	// The map pictures, and every download the site builds for each journey.
	const formats = [...new Set<ExportFormat>(['svg', 'png', 'pdf', 'pptx', ...SITE_EXPORTS])];
	/** Median milliseconds per journey of `format` over `journeys` (each exported once, in this process; the site's formats as the site writes them). */
	const perJourney = async (format: ExportFormat, journeys: Awaited<ReturnType<typeof loadProject>>['project']['journeys'], project: Awaited<ReturnType<typeof loadProject>>['project']) => {
		const times: number[] = [];
		for (const journey of journeys) {
			const start = performance.now();
			await exportJourney(format, journey, project, EXPORT_FORMATS[format].site ? SITE_EXPORT_OPTIONS : {});
			times.push(performance.now() - start);
		}
		return median(times);
	};
	const samples = (await loadProject(root)).project;
	const synthetic = join(work, 'export');
	await generateProject(synthetic, N);
	const generated = (await loadProject(synthetic)).project;
	const picked = Number(process.env.BENCH_EXPORT_JOURNEYS ?? 30);
	// Warm up each encoder (module loading, font parsing, the JIT) before timing: the site's formats,
	// which take milliseconds, over 20 other journeys as the site writes them (after one, a workbook
	// still took three times its steady time), the pictures once.
	for (const format of formats) {
		const site = EXPORT_FORMATS[format].site;
		for (const journey of site ? generated.journeys.slice(picked, picked + 20) : samples.journeys.slice(0, 1)) await exportJourney(format, journey, site ? generated : samples, site ? SITE_EXPORT_OPTIONS : {});
	}
	console.log(`\nexport: the map pictures and the site's downloads, median ms per journey (samples: all ${samples.journeys.length}; synthetic: ${picked} of ${N}, 8 stages x 5 touchpoints)`);
	console.log(`  ${'format'.padEnd(8)} ${'samples'.padStart(9)} ${'synthetic'.padStart(10)} ${`x ${N} journeys`.padStart(16)}   ${siteBuild ? 'share of the site build' : '(run `npm run bench` for the share of the site build)'}`);
	for (const format of formats) {
		const sample = await perJourney(format, samples.journeys, samples);
		const each = await perJourney(format, generated.journeys.slice(0, picked), generated);
		const total = each * N;
		const share = siteBuild ? `${((total / siteBuild) * 100).toFixed(0).padStart(5)} % ${EXPORT_FORMATS[format].site ? '(on the site)' : '(cjm export only)'}${total / siteBuild > 0.1 ? '  > a tenth' : ''}` : '';
		console.log(`  ${format.padEnd(8)} ${sample.toFixed(1).padStart(7)} ms ${each.toFixed(1).padStart(8)} ms ${(total / 1000).toFixed(1).padStart(12)} s   ${share}`);
	}
}

if (which === 'all' || which === 'history') {
	const project = join(work, 'history');
	rmSync(project, { recursive: true, force: true });
	const files = await generateProject(project, N);
	const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.com' } });
	git('init', '-q');
	git('add', '-A');
	git('commit', '-qm', 'journeys');
	const { project: model } = await loadProject(project);
	const started = performance.now();
	const dates = lastCommitDates(project, ['journeys']);
	const log = performance.now() - started;
	const blameStart = performance.now();
	let touchpoints = 0;
	for (const journey of model.journeys) {
		const text = await readFile(join(project, journey.path), 'utf8');
		touchpoints += Object.keys(touchpointDates(text, journey, lineDates(project, journey.path))).length;
	}
	const blame = performance.now() - blameStart;
	const build = time([join(root, 'bin/cjm.js'), 'build', project, '--out-dir', join(work, 'history-dist')], 1, {}, () => rmSync(join(work, 'history-dist'), { recursive: true, force: true }));
	console.log(`history (${N} journeys in one git commit, ${dates.size} dated files)`);
	console.log(row('last commits: one git log', log, files));
	console.log(row(`per-touchpoint dates: blame (${touchpoints} dated)`, blame, files));
	console.log(row('cjm build (without blame)', build, files));
	const share = blame / build;
	console.log(`  blame adds ${(share * 100).toFixed(0)}% to the build: ${share > 0.1 ? 'over a tenth, so it stays opt-in (`blame: true` in cjm.config.yaml)' : 'under a tenth'}\n`);

	// Metrics: a year of monthly conversions for the first touchpoint of every stage, as an analytics export would have them.
	const runs = Number(process.env.BENCH_RUNS ?? 3);
	const validateArgs = [join(root, 'bin/cjm.js'), 'validate', project, '--format', 'compact'];
	const without = time(validateArgs, runs);
	const rows = ['date,journey,touchpoint,kpi,value'];
	for (const journey of model.journeys) {
		for (const stage of journey.stages) {
			const first = stage.touchpoints[0];
			if (!first) continue;
			for (let month = 1; month <= 12; month++) rows.push(`2026-${String(month).padStart(2, '0')}-01,${journey.id},${first.id},conversion,${(40 + ((month * 7) % 30)).toFixed(1)}%`);
		}
	}
	mkdirSync(join(project, 'metrics'), { recursive: true });
	writeFileSync(join(project, 'metrics/export.csv'), `${rows.join('\n')}\n`);
	const withMetrics = time(validateArgs, runs);
	console.log(`metrics (median of ${runs} runs, ${rows.length - 1} rows)`);
	console.log(row('cjm validate without metrics', without, files));
	console.log(row('cjm validate with metrics/export.csv', withMetrics, files));
	console.log(`  metrics add ${(((withMetrics - without) / without) * 100).toFixed(0)}% to validation (${(((withMetrics - without) / build) * 100).toFixed(1)}% of the build)\n`);
}
