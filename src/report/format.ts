/** Output formats for validation results: for people (stylish, compact), machines (json) and GitHub (workflow commands). Pure: VFiles in, text out. */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';

export const FORMATS = ['stylish', 'compact', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const severity = (message: VFileMessage) => (message.fatal ? 'error' : 'warning');

export function format(files: VFile[], kind: Format, options: { color?: boolean } = {}): string {
	switch (kind) {
		case 'stylish':
			return stylish(files, options.color);
		case 'compact':
			return lines(files, (file, m) => `${file.path}:${m.line ?? 1}:${m.column ?? 1}: ${severity(m)} ${m.reason} [${m.ruleId}]`);
		case 'json':
			return `${JSON.stringify(files.map(toJson), null, 2)}\n`;
		case 'github':
			return lines(files, github);
	}
}

function stylish(files: VFile[], color = false): string {
	const count = files.reduce((sum, file) => sum + file.messages.length, 0);
	if (count === 0) return `✔ ${files.length} ${files.length === 1 ? 'file' : 'files'} checked, no problems found\n`;
	return `${reporter(files, { quiet: true, color })}\n`;
}

function lines(files: VFile[], line: (file: VFile, message: VFileMessage) => string): string {
	const out = files.flatMap((file) => file.messages.map((message) => line(file, message)));
	return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function toJson(file: VFile) {
	return {
		path: file.path,
		errorCount: file.messages.filter((m) => m.fatal).length,
		warningCount: file.messages.filter((m) => !m.fatal).length,
		messages: file.messages.map((m) => ({
			line: m.line ?? 1,
			column: m.column ?? 1,
			endLine: m.place && 'end' in m.place ? m.place.end.line : undefined,
			endColumn: m.place && 'end' in m.place ? m.place.end.column : undefined,
			severity: severity(m),
			rule: m.ruleId,
			message: m.reason,
			...(m.expected ? { expected: m.expected } : {}),
			...(m.note ? { note: m.note } : {}),
		})),
	};
}

/** A GitHub Actions workflow command, so the problem shows inline on the pull request’s diff. */
function github(file: VFile, m: VFileMessage): string {
	const properties: Array<[string, string | number | undefined]> = [
		['file', file.path],
		['line', m.line ?? 1],
		['col', m.column ?? 1],
		['endLine', m.place && 'end' in m.place ? m.place.end.line : undefined],
		['endColumn', m.place && 'end' in m.place ? m.place.end.column : undefined],
		['title', `cjm ${m.ruleId}`],
	];
	const list = properties
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
		.join(',');
	return `::${severity(m)} ${list}::${escapeData(m.reason)}`;
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
const escapeData = (value: string) => value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (value: string) => escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
