/**
 * What the workflows promise, beyond what actionlint can know: the pull-request check validates
 * with annotations, builds, uploads the site, diffs and posts one sticky comment, and fails when
 * validation failed; the default branch deploys to Pages; tokens are least-privilege; no
 * untrusted input is expanded into a script. The sticky-comment script itself is run here against
 * a fake GitHub API.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { indexOf, loadWorkflow, repo, step, type Job } from './helpers.ts';

const marker = '<!-- cjm-diff -->';
const review = loadWorkflow('journeys.yml');
const pages = loadWorkflow('pages.yml');
const all = { 'journeys.yml': review, 'pages.yml': pages };

function job(name: string, workflow = review): Job {
	const found = workflow.jobs[name];
	if (!found) throw new Error(`No job ${name}`);
	return found;
}

function permissionsOf(value: Job['permissions']) {
	if (typeof value === 'string') throw new Error(`permissions: ${value} is not least-privilege`);
	return value;
}

describe('pull requests (journeys.yml)', () => {
	const check = job('check');
	const comment = job('comment');

	test('runs on pull requests that touch content, the site or the workflow', () => {
		expect(Object.keys(review.on)).toEqual(['pull_request']);
		const { paths } = review.on.pull_request as { paths: string[] };
		expect(paths).toEqual(
			expect.arrayContaining(['journeys/**', 'personas/**', 'src/**', 'package.json', 'package-lock.json', 'astro.config.mjs', '.github/workflows/journeys.yml'])
		);
	});

	test('tokens: read-only where pull-request code runs, comment rights only in the comment job', () => {
		expect(review.permissions).toEqual({ contents: 'read' });
		expect(permissionsOf(check.permissions)).toEqual({ contents: 'read' });
		expect(permissionsOf(comment.permissions)).toEqual({ 'pull-requests': 'write' });
		// The comment job runs none of the pull request's code: no checkout, no npm.
		expect(comment.steps.some((each) => each.run || each.uses?.startsWith('actions/checkout@') || each.uses?.startsWith('actions/setup-node@'))).toBe(false);
	});

	test('one run per pull request at a time, newer pushes cancel older runs', () => {
		expect(review.concurrency).toEqual({ group: 'journeys-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
	});

	test('checks out the whole history for cjm diff, without leaving the token in .git', () => {
		const checkout = check.steps[indexOf(check, 'actions/checkout')];
		expect(checkout?.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
	});

	test('Node 24 with the npm cache, npm install (not npm ci)', () => {
		expect(check.steps[indexOf(check, 'actions/setup-node')]?.with).toEqual({ 'node-version': 24, cache: 'npm' });
		expect(step(check, 'install').run).toMatch(/^npm install\b/);
		const runs = Object.values(all).flatMap((workflow) => Object.values(workflow.jobs).flatMap((each) => each.steps.map((one) => one.run ?? '')));
		for (const run of runs) expect(run).not.toMatch(/npm ci\b/);
	});

	test('the steps come in order: install, validate, build, upload the site, diff, keep the report, fail on validation', () => {
		const order = [
			indexOf(check, 'actions/checkout'),
			indexOf(check, 'actions/setup-node'),
			indexOf(check, /^npm install/),
			indexOf(check, /^npx cjm validate --format github$/),
			indexOf(check, /^npm run build$/),
			check.steps.findIndex((each) => each.uses?.startsWith('actions/upload-artifact@') && each.with?.path === 'dist/'),
			indexOf(check, /npx cjm diff "origin\/\$BASE_REF" --format markdown > cjm-diff\.md/),
			check.steps.findIndex((each) => each.uses?.startsWith('actions/upload-artifact@') && each.with?.path === 'cjm-diff.md'),
			check.steps.length - 1,
		];
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(new Set(order).size).toBe(order.length);
	});

	test('validation failures annotate, let the job go on to build and diff, and fail it at the end', () => {
		const validate = step(check, 'validate');
		expect(validate['continue-on-error']).toBe(true);
		// cjm build refuses invalid content, so it only runs after a clean validation.
		expect(step(check, 'build').if).toBe("steps.validate.outcome == 'success'");
		expect(step(check, 'diff').if).toContain('!cancelled()');
		const last = check.steps.at(-1);
		expect(last?.if).toBe("${{ !cancelled() && steps.validate.outcome == 'failure' }}");
		expect(last?.run).toMatch(/exit 1\s*$/);
		expect(last?.['continue-on-error']).toBeUndefined();
		// Only validation is allowed to fail quietly.
		expect(check.steps.filter((each) => each['continue-on-error']).map((each) => each.id)).toEqual(['validate']);
	});

	test('uploads the built site as an artifact', () => {
		const upload = check.steps.find((each) => each.uses?.startsWith('actions/upload-artifact@') && each.with?.path === 'dist/');
		expect(upload?.if).toBe("steps.build.outcome == 'success'");
		expect(upload?.with?.['if-no-files-found']).toBe('error');
	});

	test('diffs against the base branch, passed through the environment rather than into the script', () => {
		const diff = step(check, 'diff');
		expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
		expect(diff.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
		expect(check.outputs).toEqual({ report: '${{ steps.diff.outputs.report }}' });
	});

	test('comments after the check, even a failed one, and not on pull requests from forks', () => {
		expect(comment.needs).toBe('check');
		expect(comment.if).toContain('!cancelled()');
		expect(comment.if).toContain("needs.check.outputs.report == 'true'");
		expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
		expect(comment.steps[0]?.uses).toMatch(/^actions\/download-artifact@v\d+$/);
		expect(comment.steps[0]?.with).toEqual({ name: 'cjm-diff' });
		const script = comment.steps[1];
		expect(script?.uses).toMatch(/^actions\/github-script@v\d+$/);
		expect(script?.env).toEqual({ REPORT: 'cjm-diff.md' });
		expect(String(script?.with?.script)).toContain(marker);
	});
});

describe('GitHub Pages (pages.yml)', () => {
	const build = job('build', pages);
	const deploy = job('deploy', pages);

	test('runs on pushes to the default branch and by hand, never on pull requests', () => {
		expect(pages.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
	});

	test('one deployment at a time, never cut off', () => {
		expect(pages.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
	});

	test('tokens: read to build; pages and id-token only to deploy', () => {
		expect(pages.permissions).toEqual({ contents: 'read' });
		expect(permissionsOf(build.permissions)).toEqual({ contents: 'read' });
		expect(permissionsOf(deploy.permissions)).toEqual({ pages: 'write', 'id-token': 'write' });
	});

	test('builds with the Pages address and path from configure-pages', () => {
		const configure = step(build, 'pages');
		expect(configure.uses).toMatch(/^actions\/configure-pages@v\d+$/);
		const buildStep = build.steps[indexOf(build, /^npm run build$/)];
		expect(buildStep?.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.base_url }}', BASE_PATH: "${{ steps.pages.outputs.base_path || '/' }}" });
		expect(indexOf(build, 'actions/configure-pages')).toBeLessThan(indexOf(build, /^npm run build$/));
		expect(build.steps.at(-1)?.uses).toMatch(/^actions\/upload-pages-artifact@v\d+$/);
		expect(build.steps.at(-1)?.with).toEqual({ path: 'dist/' });
	});

	test('deploys to the github-pages environment', () => {
		expect(deploy.needs).toBe('build');
		expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
		expect(deploy.steps).toEqual([{ id: 'deployment', uses: expect.stringMatching(/^actions\/deploy-pages@v\d+$/) }]);
	});
});

describe('every workflow', () => {
	const steps = Object.entries(all).flatMap(([file, workflow]) =>
		Object.entries(workflow.jobs).flatMap(([jobId, each]) => each.steps.map((one) => ({ where: `${file} ${jobId}`, ...one })))
	);

	test('uses only GitHub\'s own actions, pinned to a major version', () => {
		const uses = steps.flatMap((each) => (each.uses ? [each.uses] : []));
		expect(uses.length).toBeGreaterThan(0);
		for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
	});

	test('expands no expression inside a script: values reach scripts through env', () => {
		// ${{ }} in a script is pasted in before the shell or JavaScript parses it, so a pull
		// request title, branch name or file content could run as code.
		for (const each of steps) {
			expect(each.run ?? '', each.where).not.toContain('${{');
			expect(String(each.with?.script ?? ''), each.where).not.toContain('${{');
		}
	});

	test('never mentions untrusted pull request fields in a script', () => {
		const untrusted = /github\.event\.pull_request\.(title|body|head\.ref|head\.label)|github\.head_ref|github\.event\.(comment|review|issue)\b/;
		for (const each of steps) {
			expect(each.run ?? '', each.where).not.toMatch(untrusted);
			expect(String(each.with?.script ?? ''), each.where).not.toMatch(untrusted);
		}
	});

	test('runs cjm commands and npm scripts that exist, with the options it passes', () => {
		const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
		const runs = steps.flatMap((each) => (each.run ? each.run.split('\n') : []));
		for (const line of runs) {
			const npmRun = /^npm run (\S+)/.exec(line);
			if (npmRun) expect(scripts, line).toHaveProperty([npmRun[1] as string]);
			const cjm = /^npx cjm (\w+)(.*)$/.exec(line);
			if (!cjm) continue;
			const help = spawnSync(process.execPath, ['bin/cjm.js', cjm[1] as string, '--help'], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
			expect(help.status, `${line}\n${help.stderr}`).toBe(0);
			for (const [, option, value] of (cjm[2] as string).matchAll(/(--[a-z-]+)(?: ([a-z]+))?/g)) {
				expect(help.stdout, line).toContain(option);
				if (value) expect(help.stdout, line).toContain(`"${value}"`);
			}
		}
	});
});

describe('the sticky comment script', () => {
	const source = String(job('comment').steps.find((each) => each.uses?.startsWith('actions/github-script@'))?.with?.script);
	const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
	const folder = mkdtempSync(join(tmpdir(), 'cjm-sticky-'));

	interface Comment {
		id: number;
		body: string;
		user: { login: string; type: string };
		html_url: string;
	}

	/** Runs the script as actions/github-script does, against a fake API holding these comments. */
	async function run(report: string, comments: Comment[], failWith?: number) {
		const path = join(folder, 'cjm-diff.md');
		writeFileSync(path, report);
		const calls: { method: string; args: Record<string, unknown> }[] = [];
		const warnings: string[] = [];
		const api = (method: string, result: (args: Record<string, unknown>) => unknown) => async (args: Record<string, unknown>) => {
			calls.push({ method, args });
			if (failWith) throw Object.assign(new Error('Resource not accessible by integration'), { status: failWith });
			return { data: result(args) };
		};
		const rest = {
			issues: {
				listComments: api('listComments', () => comments),
				updateComment: api('updateComment', (args) => ({ ...args, html_url: 'https://example.test/updated' })),
				createComment: api('createComment', (args) => ({ ...args, html_url: 'https://example.test/created' })),
			},
		};
		const github = {
			rest,
			paginate: async (method: (args: Record<string, unknown>) => Promise<{ data: unknown }>, args: Record<string, unknown>) => (await method(args)).data,
		};
		const context = { repo: { owner: 'acme', repo: 'journeys' }, issue: { number: 42 } };
		const core = { info: () => {}, warning: (text: string) => warnings.push(text) };
		const script = new AsyncFunction('github', 'context', 'core', 'require', 'process', source);
		await script(github, context, core, createRequire(import.meta.url), { env: { REPORT: path } });
		return { calls: calls.filter((call) => call.method !== 'listComments'), warnings };
	}

	const bot = { login: 'github-actions[bot]', type: 'Bot' };
	const person = { login: 'eva', type: 'User' };
	const report = `${marker}\n**2 journeys changed**\n`;

	test('creates the comment on the pull request when there is none', async () => {
		const { calls } = await run(report, [{ id: 1, body: 'Looks good', user: person, html_url: '' }]);
		expect(calls).toEqual([{ method: 'createComment', args: { owner: 'acme', repo: 'journeys', issue_number: 42, body: report } }]);
	});

	test('updates its own comment rather than adding another', async () => {
		const { calls } = await run(report, [
			{ id: 1, body: 'Looks good', user: person, html_url: '' },
			{ id: 2, body: `${marker}\nold report`, user: bot, html_url: '' },
		]);
		expect(calls).toEqual([{ method: 'updateComment', args: { owner: 'acme', repo: 'journeys', comment_id: 2, body: report } }]);
	});

	test('leaves alone a person\'s comment that quotes the marker', async () => {
		const { calls } = await run(report, [{ id: 3, body: `${marker}\nquoted`, user: person, html_url: '' }]);
		expect(calls.map((call) => call.method)).toEqual(['createComment']);
	});

	test('adds the marker when the report lacks it, so the next run finds the comment', async () => {
		const { calls } = await run('No journey changes.\n', []);
		expect(calls[0]?.args.body).toBe(`${marker}\nNo journey changes.\n`);
	});

	test('cuts a report over GitHub\'s 65,536-character limit and says so', async () => {
		const { calls } = await run(`${marker}\n${'x'.repeat(70_000)}`, []);
		const body = String(calls[0]?.args.body);
		expect(body.length).toBeLessThanOrEqual(65_536);
		expect(body.startsWith(marker)).toBe(true);
		expect(body).toContain('job summary');
	});

	test('posts nothing for an empty report', async () => {
		const { calls, warnings } = await run('\n', []);
		expect(calls).toEqual([]);
		expect(warnings).toHaveLength(1);
	});

	test('a read-only token warns instead of failing the check', async () => {
		const { warnings } = await run(report, [], 403);
		expect(warnings).toEqual([expect.stringContaining('HTTP 403')]);
	});

	test('other API errors fail the step', async () => {
		await expect(run(report, [], 500)).rejects.toThrow('Resource not accessible');
	});
});
