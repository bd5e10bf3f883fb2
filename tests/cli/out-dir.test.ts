/**
 * Where `cjm build` may write the site. Astro deletes everything in its output folder first, so a
 * folder that is or holds the content, the working folder or the tool, one inside the content's
 * folders, one with a git repository or with files no build wrote, is refused; a new, an empty or
 * an earlier build's folder is taken. The command refuses before it reads or writes a file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { outDirProblem } from '../../src/cli/out-dir.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cjm-out-dir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'project');
const tool = join(work, 'tool');
for (const dir of [join(content, 'journeys'), join(tool, 'src'), join(work, 'empty'), join(work, 'notes'), join(work, 'gh-pages/.git'), join(work, 'earlier/_astro')]) mkdirSync(dir, { recursive: true });
writeFileSync(join(work, 'notes/todo.txt'), 'mine');
writeFileSync(join(tool, 'src/cli.ts'), '');
writeFileSync(join(work, 'earlier/index.html'), '<!doctype html>');
writeFileSync(join(work, 'a-file'), 'mine');
symlinkSync(content, join(work, 'link-to-project'));
const folders = { content, cwd: content, tool };
const problem = (dir: string) => outDirProblem(join(work, dir), dir, folders);

test('a folder that is or holds the content, the working folder or the tool is refused', () => {
	expect(problem('project')).toBe("the site's folder project is the content folder, and a build first deletes everything in its folder: choose another with --out-dir, such as dist/");
	expect(problem('.')).toMatch(/^the site's folder \. holds the content folder \(.+project\)/);
	expect(problem('link-to-project')).toMatch(/is the content folder/);
	expect(outDirProblem(join(work, 'notes'), 'notes', { ...folders, cwd: join(work, 'notes/deeper') })).toMatch(/holds the working folder/);
	expect(problem('tool')).toMatch(/is the folder of cjm itself/);
});

test('a folder inside the content folders, with a git repository, with files no build wrote, or a file is refused', () => {
	expect(problem('project/journeys/site')).toMatch(/is inside journeys\/, which the build reads/);
	expect(problem('project/assets/site')).toMatch(/is inside assets\/, which the build reads/);
	expect(problem('project/metrics')).toMatch(/is inside metrics\/, which the build reads/);
	expect(problem('tool/src')).toMatch(/holds files no site build wrote \(cli\.ts\)/);
	expect(problem('gh-pages')).toMatch(/holds a git repository \(\.git\)/);
	expect(problem('notes')).toMatch(/holds files no site build wrote \(todo\.txt\)/);
	expect(problem('a-file')).toMatch(/is a file/);
});

test('a new folder, an empty one and an earlier build are taken', () => {
	for (const dir of ['new', 'empty', 'earlier', 'project-site', 'tool/dist']) expect(problem(dir)).toBeUndefined();
});

test('cjm build . --out-dir . exits 2 with the reason, and every file stays', () => {
	const project = join(work, 'samples');
	for (const dir of ['journeys', 'personas']) cpSync(join(repo, dir), join(project, dir), { recursive: true });
	const before = readdirSync(project, { recursive: true }).sort();
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	delete env.CJM_OUT_DIR;
	const result = spawnSync(process.execPath, [join(repo, 'bin/cjm.js'), 'build', '.', '--out-dir', '.'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 });
	expect(result.status).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.stderr).toBe("cjm: the site's folder . is the content folder, and a build first deletes everything in its folder: choose another with --out-dir, such as dist/\n");
	expect(readdirSync(project, { recursive: true }).sort()).toEqual(before);
});
