/**
 * Turns zod issues into messages for people: "Unexpected `emotion` 5 in touchpoint `Menu`,
 * expected an integer from -2 to 2". zod's own wording ("Invalid input: expected number,
 * received string") is never shown; the "expected …" phrase comes from each schema's `error`.
 */
import type { z } from 'zod';
import { RULES, type RuleId } from './rules.ts';
import { didYouMean, listOf } from './suggest.ts';
import type { Path, Target } from './yaml-path.ts';

export interface Problem {
	rule: RuleId;
	reason: string;
	path: Path;
	target: Target;
	expected?: string[];
}

type Issue = z.core.$ZodIssue;

/**
 * Messages for the issues of a failed `safeParse`; `schema` supplies known keys for did-you-mean.
 * `reserved` lists the maps with a `__proto__` key (see `reservedKeys`).
 */
export function describeIssues(issues: readonly Issue[], data: unknown, schema: z.ZodType, reserved: Path[] = []): Problem[] {
	const problems = issues.flatMap((issue) => narrow(issue, [])).flatMap((issue) => describe(issue, data, schema));
	// Where the schema lists its keys, `__proto__` is already an unknown key; in free-form maps
	// (`kpis`, `traits`) zod drops it, since assigning it would replace the object's prototype.
	const said = new Set(problems.map((problem) => problem.path.join('\0')));
	for (const map of reserved) {
		const path = [...map, RESERVED_KEY];
		if (said.has(path.join('\0'))) continue;
		problems.push({
			rule: 'invalid-value',
			reason: `Unexpected key \`${RESERVED_KEY}\` in \`${nameOf(map)}\`${context(path, data)}, expected another name: JavaScript tools drop this one, so it would vanish from every page and export`,
			path,
			target: 'key',
		});
	}
	return problems;
}

export const RESERVED_KEY = '__proto__';

/** The paths of the maps in `data` that have a `__proto__` key of their own. */
export function reservedKeys(data: unknown, path: PropertyKey[] = [], found: Path[] = []): Path[] {
	if (data === null || typeof data !== 'object') return found;
	if (Array.isArray(data)) {
		data.forEach((item, index) => reservedKeys(item, [...path, index], found));
		return found;
	}
	if (Object.hasOwn(data, RESERVED_KEY)) found.push(path);
	for (const [key, value] of Object.entries(data)) reservedKeys(value, [...path, key], found);
	return found;
}

/**
 * zod reports a failed union as one `invalid_union` issue with each branch's issues. When the
 * value has the type of exactly one branch (a list where "a string or a list" is allowed), that
 * branch's issues say what is really wrong; otherwise the union's own phrase does.
 */
function narrow(issue: Issue, prefix: PropertyKey[]): Issue[] {
	const path = [...prefix, ...issue.path];
	if (issue.code !== 'invalid_union') return [{ ...issue, path }];
	const matching = issue.errors.filter((branch) => !wrongType(branch));
	if (matching.length === 0) return [{ ...issue, path }];
	const branch = matching[0];
	// A branch failing at its root (a string that does not match a pattern) is best said with the union's phrase.
	if (branch.every((inner) => inner.path.length === 0)) return [{ ...branch[0], path, message: issue.message }];
	return branch.flatMap((inner) => narrow(inner, path));
}

/** Whether a union branch failed on the type of the value itself (also when it is a union whose every branch did). */
function wrongType(branch: readonly Issue[]): boolean {
	return branch.some(
		(inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || (inner.code === 'invalid_union' && inner.errors.every(wrongType)))
	);
}

function describe(issue: Issue, data: unknown, schema: z.ZodType): Problem[] {
	const where = context(issue.path, data);
	if (issue.code === 'unrecognized_keys') {
		const known = keysAt(schema, issue.path);
		return issue.keys.map((key) => {
			const where = context([...issue.path, key], data);
			const suggestion = didYouMean(key, known);
			const advice = suggestion ? `did you mean \`${suggestion}\`?` : `expected one of ${listOf(known)}`;
			return {
				rule: 'unknown-key',
				// A `null` or `""` key becomes the empty string in the data: name it, `` reads as a typo.
				reason: `Unexpected ${key === '' ? 'empty key (`null` or `""`)' : `key \`${key}\``}${where}, ${advice}`,
				path: [...issue.path, key],
				target: 'key',
				expected: suggestion ? [suggestion] : known,
			};
		});
	}
	const name = nameOf(issue.path);
	const value = valueAt(data, issue.path);
	if (value === undefined) {
		return [{ rule: 'missing-key', reason: `Missing required \`${name}\`${where}`, path: issue.path, target: 'value' }];
	}
	const rule: RuleId =
		issue.code === 'custom' && typeof issue.params?.rule === 'string' && Object.hasOwn(RULES, issue.params.rule)
			? (issue.params.rule as RuleId)
			: issue.code === 'too_big' || issue.code === 'too_small'
			? 'out-of-range'
			: issue.code === 'invalid_value' || issue.code === 'invalid_format'
				? 'invalid-value'
				: 'wrong-type';
	return [{ rule, reason: `Unexpected \`${name}\` ${show(value)}${where}, expected ${issue.message}`, path: issue.path, target: 'value' }];
}

/** `stages[2].touchpoints[0].emotion` → `emotion`; list items keep their index: `next[1]`. */
function nameOf(path: Path): string {
	const last = path.at(-1);
	if (typeof last !== 'number') return String(last ?? 'frontmatter');
	return `${String(path.at(-2) ?? '')}[${last}]`;
}

/** " in touchpoint `Menu` of stage `Ordering`", from the names in the data, when the path is inside one. */
function context(path: Path, data: unknown): string {
	if (path[0] !== 'stages' || typeof path[1] !== 'number' || path.length <= 2) return '';
	const stage = label(valueAt(data, path.slice(0, 2)), `stage ${path[1] + 1}`, 'stage');
	if (path[2] !== 'touchpoints' || typeof path[3] !== 'number' || path.length <= 4) return ` in ${stage}`;
	const touchpoint = label(valueAt(data, path.slice(0, 4)), `touchpoint ${path[3] + 1}`, 'touchpoint');
	return ` in ${touchpoint} of ${stage}`;
}

function label(value: unknown, fallback: string, kind: string): string {
	const name = value && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
	return typeof name === 'string' && name.trim() !== '' ? `${kind} \`${name}\`` : fallback;
}

function valueAt(data: unknown, path: Path): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[segment];
	}
	return value;
}

/** How a value reads in a message: scalars as written, containers by kind. */
export function show(value: unknown): string {
	if (value === null) return 'empty value';
	if (Array.isArray(value)) return value.length === 0 ? 'empty list' : 'list';
	if (typeof value === 'object') return 'map';
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	return String(value);
}

/** The keys the schema accepts for the object at `path` (walking through lists, unions, optionals and transforms). */
function keysAt(schema: z.ZodType, path: Path): string[] {
	const found = new Set<string>();
	const visit = (node: z.core.$ZodType, rest: Path): void => {
		const def = node._zod.def as z.core.$ZodTypeDef & Record<string, any>;
		switch (def.type) {
			case 'object':
				if (rest.length === 0) for (const key of Object.keys(def.shape)) found.add(key);
				else if (typeof rest[0] === 'string' && def.shape[rest[0]]) visit(def.shape[rest[0]], rest.slice(1));
				return;
			case 'array':
				if (typeof rest[0] === 'number') visit(def.element, rest.slice(1));
				return;
			case 'record':
				if (rest.length > 0) visit(def.valueType, rest.slice(1));
				return;
			case 'union':
				for (const option of def.options) visit(option, rest);
				return;
			case 'optional':
			case 'nullable':
			case 'default':
			case 'readonly':
				visit(def.innerType, rest);
				return;
			case 'pipe':
				visit(def.in, rest);
				return;
		}
	};
	visit(schema, path);
	return [...found];
}
