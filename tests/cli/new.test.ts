/**
 * `cjm new` as a user runs it: the real bin/cjm.js in a child process without a terminal, in a
 * temporary copy of the sample project; what it writes is checked with the real core validator.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { type Journey, loadProject } from '../../src/core/index.ts';
import { TEMPLATES } from '../../src/cli/new-templates.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const templates = join(repo, 'src/cli/templates');
const STACK = /^\s+at /m;

const temps: string[] = [];
afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the sample project (journeys/ and personas/) in a temporary folder. */
function sampleCopy(): string {
	const dir = mkdtempSync(join(tmpdir(), 'cjm-new-'));
	temps.push(dir);
	for (const folder of ['journeys', 'personas']) cpSync(join(repo, folder), join(dir, folder), { recursive: true });
	return dir;
}

function cjm(cwd: string, ...args: string[]) {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	delete env.CJM_DEBUG;
	// No terminal: stdin is a pipe that is closed at once, so a command that waited for an answer would fail the timeout.
	const result = spawnSync(process.execPath, [join(repo, 'bin/cjm.js'), 'new', ...args], { cwd, encoding: 'utf8', env, input: '', timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every message of the project's file at `path` (relative to the root), as `line:column rule`. */
async function messagesOf(root: string, path: string): Promise<string[]> {
	const { files } = await loadProject(root, { displayRoot: '.' });
	const file = files.find((each) => each.path === path);
	if (!file) throw new Error(`${path} was not loaded`);
	return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`);
}

async function journeyOf(root: string, id: string): Promise<Journey> {
	const journey = (await loadProject(root)).project.journeys.find((each) => each.id === id);
	if (!journey) throw new Error(`no journey ${id}`);
	return journey;
}

describe('the templates', () => {
	test('each template, as written in src/cli/templates, validates with no message at all', async () => {
		const root = mkdtempSync(join(tmpdir(), 'cjm-templates-'));
		temps.push(root);
		mkdirSync(join(root, 'journeys'));
		mkdirSync(join(root, 'personas'));
		for (const name of TEMPLATES) cpSync(join(templates, `${name}.md`), join(root, 'journeys', `${name}.md`));
		// The persona ids the templates name, each a copy of the persona template.
		for (const id of ['customer', 'buyer', 'user']) cpSync(join(templates, 'persona.md'), join(root, 'personas', `${id}.md`));
		const { files } = await loadProject(root, { displayRoot: '.' });
		expect(files.map((file) => file.path).sort()).toEqual([...TEMPLATES.map((name) => `journeys/${name}.md`), 'personas/buyer.md', 'personas/customer.md', 'personas/user.md'].sort());
		for (const file of files) expect({ file: file.path, messages: file.messages.map(String) }).toEqual({ file: file.path, messages: [] });
	});

	test('every template file in the folder is one `--template` offers (and the persona template)', () => {
		expect(readdirSync(templates).sort()).toEqual([...TEMPLATES, 'persona'].map((name) => `${name}.md`).sort());
	});
});

describe('cjm new journey', () => {
	const root = sampleCopy();

	test.each(TEMPLATES.filter((name) => name !== 'b2b'))('--template %s writes a journey that validates, and says what it wrote', async (template) => {
		const run = cjm(root, 'journey', `made/${template}`, '--template', template, '--persona', 'marco-rossi');
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(`✔ wrote journeys/made/${template}.md\n`);
		expect(run.stdout).toContain('`npm run dev`');
		expect(run.stdout).toContain('`cjm validate`');
		expect(await messagesOf(root, `journeys/made/${template}.md`)).toEqual([]);
		const journey = await journeyOf(root, `made/${template}`);
		expect(journey.personas).toEqual(['marco-rossi']);
		expect(journey.title).toBe(template.charAt(0).toUpperCase() + template.slice(1).replaceAll('-', ' '));
		// The comments that say what to fill in are still there.
		expect(readFileSync(join(root, 'journeys/made', `${template}.md`), 'utf8')).toMatch(/^# .+\n/m);
	});

	test('--template b2b with two personas gives each touchpoint one of them', async () => {
		const run = cjm(root, 'journey', 'journeys/made/purchase.md', '--template', 'b2b', '--persona', 'b2b/it-buyer', '--persona', 'b2b/team-lead');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('✔ wrote journeys/made/purchase.md\n');
		expect(await messagesOf(root, 'journeys/made/purchase.md')).toEqual([]);
		const journey = await journeyOf(root, 'made/purchase');
		expect(journey.personas).toEqual(['b2b/it-buyer', 'b2b/team-lead']);
		const owners = new Set(journey.stages.flatMap((stage) => stage.touchpoints.map((touchpoint) => touchpoint.persona)));
		expect(owners).toEqual(new Set(['b2b/it-buyer', 'b2b/team-lead']));
	});

	test('--template b2b with one persona is a usage error (exit 2), and writes nothing', () => {
		const run = cjm(root, 'journey', 'made/lonely-b2b', '--template', 'b2b', '--persona', 'b2b/it-buyer');
		expect(run.status).toBe(2);
		expect(run.stderr).toBe('cjm: the b2b template is for 2 personas: give --persona 2 times (one for each role, such as a buyer and a user)\n');
		expect(readdirSync(join(root, 'journeys/made'))).not.toContain('lonely-b2b.md');
	});

	test('an existing path is an error (exit 1), and the file is left as it was', () => {
		const path = join(root, 'journeys/online-store/signup-current.md');
		const before = readFileSync(path, 'utf8');
		const run = cjm(root, 'journey', 'online-store/signup-current', '--persona', 'marco-rossi');
		expect(run.status).toBe(1);
		expect(run.stderr).toBe('cjm: journeys/online-store/signup-current.md already exists; cjm new never overwrites a file: choose another path, or delete it first\n');
		expect(readFileSync(path, 'utf8')).toBe(before);
	});

	test('a persona that does not exist is an error (exit 1) with a did-you-mean', () => {
		const run = cjm(root, 'journey', 'made/typo', '--persona', 'marco-rosi');
		expect(run.status).toBe(1);
		expect(run.stderr).toBe('cjm: No persona `marco-rosi` in personas/; did you mean `marco-rossi`? Create it with `cjm new persona marco-rosi`.\n');
	});

	test('without --persona it says which personas there are (exit 2)', () => {
		const run = cjm(root, 'journey', 'made/whose');
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^cjm: say whose journey it is with --persona <id> \(personas here: .*marco-rossi.*\)\n$/);
	});

	test('an id that cannot be a URL is a usage error', () => {
		const run = cjm(root, 'journey', 'made/new journey', '--persona', 'marco-rossi');
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('cannot be an id: space');
	});
});

describe('cjm new journey --from', () => {
	const root = sampleCopy();
	const run = cjm(root, 'journey', 'online-store/signup-next', '--from', 'online-store/signup-current');

	test('writes a future state of the online-store sign-up whose stage and touchpoint ids all match its baseline', async () => {
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('✔ wrote journeys/online-store/signup-next.md\n');
		expect(await messagesOf(root, 'journeys/online-store/signup-next.md')).toEqual([]);
		const [baseline, future] = await Promise.all([journeyOf(root, 'online-store/signup-current'), journeyOf(root, 'online-store/signup-next')]);
		expect(future.state).toBe('future');
		expect(future.baseline).toBe('online-store/signup-current');
		expect(future.status).toBe('hypothesis');
		expect(future.title).toBe('Buying a rain jacket: sign-up with e-mail confirmation (future)');
		const ids = (journey: Journey) => journey.stages.map((stage) => [stage.id, stage.touchpoints.map((touchpoint) => touchpoint.id)]);
		expect(ids(future)).toEqual(ids(baseline));
		expect(future.stages.flatMap((stage) => stage.touchpoints).length).toBe(baseline.stages.flatMap((stage) => stage.touchpoints).length);
	});

	test('writes every derived id out, so renaming a step keeps it', () => {
		const text = readFileSync(join(root, 'journeys/online-store/signup-next.md'), 'utf8');
		expect(text).toContain('      - name: Tapping a search ad\n        id: tapping-a-search-ad\n');
		expect(text).toContain('  - name: Deciding to buy\n    id: deciding-to-buy\n');
		expect(text).not.toMatch(/^updated:/m);
	});

	test('keeps the comments of the source', () => {
		const source = join(root, 'journeys/online-store/commented.md');
		const original = readFileSync(join(root, 'journeys/online-store/signup-current.md'), 'utf8');
		writeFileSync(source, original.replace('owner: Growth team\n', 'owner: Growth team # until the reorganisation\n').replace('stages:\n', '# Stages follow the funnel report.\nstages:\n'));
		const copy = cjm(root, 'journey', 'online-store/commented-next', '--from', 'journeys/online-store/commented.md');
		expect(copy.status).toBe(0);
		const text = readFileSync(join(root, 'journeys/online-store/commented-next.md'), 'utf8');
		expect(text).toContain('owner: Growth team # until the reorganisation\n');
		expect(text).toContain('# Stages follow the funnel report.\nstages:\n');
		// The Markdown body comes along unchanged.
		expect(text.slice(text.indexOf('\n---\n'))).toBe(original.slice(original.indexOf('\n---\n')));
	});

	test('a future state as the source is an error (exit 1)', () => {
		const again = cjm(root, 'journey', 'online-store/signup-later', '--from', 'online-store/signup-future');
		expect(again.status).toBe(1);
		expect(again.stderr).toBe('cjm: `online-store/signup-future` is a future state already; --from takes a current-state journey\n');
	});

	test('an unknown source is an error (exit 1) with a did-you-mean', () => {
		const missing = cjm(root, 'journey', 'online-store/x', '--from', 'online-store/signup-curent');
		expect(missing.status).toBe(1);
		expect(missing.stderr).toBe('cjm: No journey `online-store/signup-curent` in journeys/; did you mean `online-store/signup-current`?\n');
	});
});

describe('cjm new persona', () => {
	const root = sampleCopy();

	test('writes a persona that validates (only unused until a journey names it)', async () => {
		const run = cjm(root, 'persona', 'shop/first-time-buyer', '--name', 'Jo Park');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('✔ wrote personas/shop/first-time-buyer.md\n');
		expect((await messagesOf(root, 'personas/shop/first-time-buyer.md')).map((message) => message.replace(/^\d+:\d+ /, '').split(':')[0])).toEqual(['unused-persona']);
		const persona = (await loadProject(root)).project.personas.find((each) => each.id === 'shop/first-time-buyer');
		expect(persona?.name).toBe('Jo Park');
		// The new persona is then usable at once.
		expect(cjm(root, 'journey', 'shop/first-order', '--persona', 'shop/first-time-buyer').status).toBe(0);
		expect(await messagesOf(root, 'personas/shop/first-time-buyer.md')).toEqual([]);
	});

	test('an existing persona is never overwritten (exit 1)', () => {
		const before = readFileSync(join(root, 'personas/marco-rossi.md'), 'utf8');
		const run = cjm(root, 'persona', 'marco-rossi');
		expect(run.status).toBe(1);
		expect(readFileSync(join(root, 'personas/marco-rossi.md'), 'utf8')).toBe(before);
	});
});

describe('without a terminal', () => {
	const root = sampleCopy();

	test('`cjm new` alone never waits: exit 2 with its usage', () => {
		const run = cjm(root);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('cjm: new needs to know what to create: a journey or a persona');
		expect(run.stderr).toContain('Usage: cjm new');
		expect(run.stderr).toMatch(/journey \[options\] \[path\]/);
		expect(run.stderr).not.toMatch(STACK);
	});

	test('`cjm new journey` without a path: exit 2 with its usage', () => {
		const run = cjm(root, 'journey', '--persona', 'marco-rossi');
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('cjm: new journey needs a path, such as journeys/checkout.md');
		expect(run.stderr).toContain('--template <name>');
		expect(run.stderr).not.toMatch(STACK);
	});

	test('an unknown template is a usage error listing the templates', () => {
		const run = cjm(root, 'journey', 'made/x', '--template', 'swimlane', '--persona', 'marco-rossi');
		expect(run.status).toBe(2);
		expect(run.stderr).toContain(`Allowed choices are ${TEMPLATES.join(', ')}.`);
	});
});
