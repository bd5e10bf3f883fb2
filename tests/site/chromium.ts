/**
 * Which Chromium the browser tests drive, chosen in one place so that `npm install && npm test`
 * needs nothing installed by hand:
 * - Debian's `/usr/bin/chromium` where it is installed (CI installs it: the common path);
 * - else the headless Chromium that the `@sparticuz/chromium` devDependency brings;
 * - `CJM_TEST_CHROMIUM=npm` forces the npm one, `CJM_TEST_CHROMIUM=/path/to/chromium` any binary.
 * No test tool downloads anything.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** The flags every Chromium gets: headless, and nothing that phones home. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** A Chromium to launch: plain data, so a global setup can hand it to the test workers. */
export interface ChromiumChoice {
	source: 'system' | 'npm' | 'CJM_TEST_CHROMIUM';
	executablePath: string;
	/** Added to the browser's environment. */
	env: Record<string, string>;
}

export async function chooseChromium(wanted = process.env.CJM_TEST_CHROMIUM): Promise<ChromiumChoice> {
	if (wanted === 'npm') return npmChromium();
	if (wanted) {
		if (!existsSync(wanted)) throw new Error(`CJM_TEST_CHROMIUM=${wanted}: no such file. Give the path of a Chromium binary, or "npm" for the one npm installed.`);
		return { source: 'CJM_TEST_CHROMIUM', executablePath: wanted, env: {} };
	}
	if (existsSync(SYSTEM_CHROMIUM)) return { source: 'system', executablePath: SYSTEM_CHROMIUM, env: {} };
	return npmChromium();
}

export function launchChromium(choice: ChromiumChoice): Promise<Browser> {
	// Not the package's own `args`: they are made for AWS Lambda (`--single-process` crashes the
	// browser when a test closes one context and opens the next; `--disable-web-security`).
	return chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...choice.env } });
}

const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
const packageDir = join(dirname(entry), '..');
/** The version of @sparticuz/chromium, whose major is Chromium's. */
export const NPM_CHROMIUM_VERSION = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const cacheDir = join(fileURLToPath(new URL('../../node_modules/.cache/cjm', import.meta.url)), `chromium-${NPM_CHROMIUM_VERSION}`);

/**
 * The npm Chromium, unpacked once into node_modules/.cache/cjm/chromium-VERSION (about 2 s; the
 * package would use /tmp/chromium whatever its version, and reuse a half-written one). Its own NSS
 * libraries and its font come along, so it runs where no Chromium and no font were ever installed.
 */
export async function npmChromium(): Promise<ChromiumChoice> {
	if (!existsSync(join(cacheDir, 'fonts.conf'))) unpack();
	return {
		source: 'npm',
		executablePath: join(cacheDir, 'chromium'),
		env: {
			LD_LIBRARY_PATH: [join(cacheDir, 'al2023/lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
			FONTCONFIG_FILE: join(cacheDir, 'fonts.conf'),
		},
	};
}

function unpack(): void {
	const partial = `${cacheDir}.${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	// The package unpacks into os.tmpdir(), so a child process with its own TMPDIR aims it at ours.
	const script = `const { default: chromium, inflate } = await import(${JSON.stringify(pathToFileURL(entry).href)});
		await chromium.executablePath();
		await inflate(${JSON.stringify(join(packageDir, 'bin/al2023.tar.br'))});`;
	execFileSync(process.execPath, ['--input-type=module', '--eval', script], { env: { ...process.env, TMPDIR: partial }, stdio: 'inherit' });
	// The system's fonts where there are any, and the package's Open Sans in any case: with no font
	// at all, text would take no room and every layout check would be meaningless.
	writeFileSync(
		join(partial, 'fonts.conf'),
		`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
	<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
	<dir>${join(cacheDir, 'fonts')}</dir>
	<cachedir>${join(cacheDir, 'fonts-cache')}</cachedir>
</fontconfig>
`
	);
	try {
		renameSync(partial, cacheDir);
	} catch (error) {
		// Another test process finished first: use its copy.
		rmSync(partial, { recursive: true, force: true });
		if (!existsSync(join(cacheDir, 'fonts.conf'))) throw error;
	}
}
