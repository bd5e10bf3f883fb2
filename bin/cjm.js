#!/usr/bin/env node
// Entry point of the `cjm` command. The CLI is TypeScript that Node runs directly (type stripping,
// Node >= 22.18); npm scripts and npx put the project's own Node 24 first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
	console.error(
		`cjm: Node ${process.versions.node} is too old, Node >= 22.18 is needed.\n` +
			'Run it through npm (`npx cjm …` or `npm run validate`) to use the Node 24 that `npm install` brings.'
	);
	process.exit(2);
}
// Cache compiled code (our TypeScript after type stripping, and every dependency) between runs:
// loading the modules is a large part of a short command. Silently off where it cannot be used.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
// A reader that stops early (`cjm validate | head`) closes the pipe: stop quietly, as other commands do.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error) => {
		if (error.code !== 'EPIPE') throw error;
		process.exit(process.exitCode ?? 0);
	});
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
