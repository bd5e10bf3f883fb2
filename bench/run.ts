/**
 * `npm run bench`: how fast `cjm validate` is on 1000 synthetic journeys, against a baseline
 * measured in the same run (read the files and parse their YAML, nothing else). Wall-clock
 * times of whole processes, median of several runs; the ratio is what to watch.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generateProject } from './generate.ts';

const root = new URL('..', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const N = Number(process.env.BENCH_JOURNEYS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function time(args: string[]): number {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		times.push(performance.now() - start);
	}
	return median(times);
}

const project = join(work, 'validate');
const files = await generateProject(project, N);
console.log(`cjm validate: ${N} journeys (8 stages x 5 touchpoints) + ${files - N} personas, median of ${RUNS} runs, Node ${process.versions.node}\n`);

const baseline = time([join(root, 'bench/baseline-yaml.ts'), project]);
const validate = time([join(root, 'bin/cjm.js'), 'validate', project, '--format', 'compact']);

const row = (name: string, ms: number) =>
	`${name.padEnd(34)} ${(ms / 1000).toFixed(3).padStart(7)} s ${Math.round((files / ms) * 1000).toString().padStart(7)} files/s`;
console.log(row('baseline: read + yaml.parse', baseline));
console.log(row('cjm validate', validate));
console.log(`\nratio cjm validate / baseline: ${(validate / baseline).toFixed(2)}x (target: ${N} journeys in under 1 s: ${validate < 1000 ? 'met' : 'NOT met'})`);
