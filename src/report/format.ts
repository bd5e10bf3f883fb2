/** Output formats for validation results: for people (stylish, compact), machines (json) and GitHub (workflow commands). Pure: VFiles in, text out. */
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';

export const FORMATS = ['stylish', 'compact', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const severity = (message: VFileMessage) => (message.fatal ? 'error' : 'warning');

export function format(files: VFile[], kind: Format, options: { color?: boolean } = {}): string {
	switch (kind) {
		case 'stylish':
			return guardCommands(stylish(files.map(printable), options.color));
		case 'compact':
			return guardCommands(lines(files, (file, m) => `${printableText(file.path)}:${m.line ?? 1}:${m.column ?? 1}: ${severity(m)} ${printableText(m.reason)} [${m.ruleId}]`));
		case 'json':
			return `${JSON.stringify(files.map(toJson), null, 2)}\n`;
		case 'github':
			return lines(files, github);
	}
}

const NAMED_CONTROLS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Content reaches the terminal through messages (names, keys and values are quoted in them) and
 * file names. A newline in a touchpoint name must not start a line of its own, where
 * `::error file=…` would be a GitHub workflow command, and an escape sequence must not drive the
 * terminal: control characters and line separators are shown escaped, as `\n` or `\u001b`.
 */
export function printableText(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => NAMED_CONTROLS[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of `file` whose path and messages (with their causes) are printable. */
function printable(file: VFile): VFile {
	const copy = new VFile({ path: printableText(file.path) });
	const clone = (m: VFileMessage): VFileMessage => {
		const cause = m.cause instanceof VFileMessage ? clone(m.cause) : undefined;
		const message = new VFileMessage(printableText(m.reason), { place: m.place, ruleId: m.ruleId, source: m.source ?? undefined, cause });
		message.fatal = m.fatal;
		message.file = copy.path;
		if (m.note) message.note = printableText(m.note);
		return message;
	};
	copy.messages = file.messages.map(clone);
	return copy;
}

/** Our own text never starts a line with `::`; should a folder name do so, it is not a workflow command either. */
const guardCommands = (text: string) => text.replace(/^::/gm, '\\::');

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
		['file', printableText(file.path)],
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
	// Line breaks are escaped by the command syntax itself; other controls (ESC, the C1 CSI) would still reach the log viewer.
	return `::${severity(m)} ${list}::${printableText(escapeData(m.reason))}`;
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
const escapeData = (value: string) => value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (value: string) => escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
