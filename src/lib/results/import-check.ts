/**
 * Checking a JSON export from another device before anything of it is written: its size
 * (a file over the limit is refused from its size alone, unread), that it is JSON and
 * whole, its format name and version, no key that could reach an object's prototype,
 * every field against the schema, and that it agrees with itself (no record twice, every
 * answer's attempt present). A file that fails any check is refused with the reason.
 */
import { EXPORT_FORMAT, EXPORT_VERSION, exportSchema, type ResultsExport } from './export-format';

/** 100,000 answers take about 12 MB; twenty is room for more with nothing unreasonable. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type RefusalCode =
	| 'too-large'
	| 'empty'
	| 'unreadable'
	| 'not-json'
	| 'truncated'
	| 'wrong-format'
	| 'wrong-version'
	| 'forbidden-key'
	| 'invalid'
	| 'duplicate'
	| 'orphan-answer'
	| 'inconsistent';

export interface Refusal {
	code: RefusalCode;
	/** Where in the file, such as `attempts[3].classLabel`, or what was found. */
	detail?: string;
}

export type ImportCheck = { ok: true; data: ResultsExport } | { ok: false; refusal: Refusal };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function pathOf(parts: readonly PropertyKey[]): string {
	return parts
		.map((part, index) =>
			typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

/** The first key anywhere in the parsed value that could reach a prototype, with its path. */
function forbiddenKey(root: unknown): string | undefined {
	const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
	while (stack.length > 0) {
		const { value, path } = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		if (Array.isArray(value)) {
			for (let index = value.length - 1; index >= 0; index--) {
				const item: unknown = value[index];
				if (item !== null && typeof item === 'object')
					stack.push({ value: item, path: [...path, index] });
			}
			continue;
		}
		// Own keys only: JSON.parse makes "__proto__" an ordinary own property.
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key)) return pathOf([...path, key]);
			const item = (value as Record<string, unknown>)[key];
			if (item !== null && typeof item === 'object')
				stack.push({ value: item, path: [...path, key] });
		}
	}
	return undefined;
}

function looksTruncated(text: string): boolean {
	const trimmed = text.trim();
	return trimmed.startsWith('{') && !trimmed.endsWith('}');
}

/** Checks the text of one file; nothing here writes anything. */
export function checkExportText(text: string): ImportCheck {
	const refuse = (code: RefusalCode, detail?: string): ImportCheck => ({
		ok: false,
		refusal: detail === undefined ? { code } : { code, detail }
	});
	if (text.trim() === '') return refuse('empty');
	let parsed: unknown;
	try {
		// A byte order mark, as some editors add when a file is saved again, is not an error.
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return refuse(looksTruncated(text) ? 'truncated' : 'not-json');
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return refuse('wrong-format');
	}
	const forbidden = forbiddenKey(parsed);
	if (forbidden !== undefined) return refuse('forbidden-key', forbidden);
	const { format, version } = parsed as { format?: unknown; version?: unknown };
	if (format !== EXPORT_FORMAT) {
		return refuse('wrong-format', typeof format === 'string' ? format.slice(0, 60) : undefined);
	}
	if (version !== EXPORT_VERSION) return refuse('wrong-version', String(version).slice(0, 20));

	const result = exportSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return refuse('invalid', pathOf(issue.path) || undefined);
	}
	const data = result.data as ResultsExport;
	const consistency = checkConsistency(data);
	return consistency ? { ok: false, refusal: consistency } : { ok: true, data };
}

/** What the schema cannot say: each record once, answers with their attempt, sane counts. */
function checkConsistency(data: ResultsExport): Refusal | undefined {
	const attempts = new Set<string>();
	for (const [index, attempt] of data.attempts.entries()) {
		if (attempts.has(attempt.uuid)) return { code: 'duplicate', detail: `attempts[${index}]` };
		attempts.add(attempt.uuid);
		if (attempt.score > attempt.maxScore) {
			return { code: 'inconsistent', detail: `attempts[${index}].score` };
		}
		if (attempt.finishedAt === null && attempt.status === 'finished') {
			return { code: 'inconsistent', detail: `attempts[${index}].finishedAt` };
		}
	}
	const answers = new Set<string>();
	for (const [index, answer] of data.answers.entries()) {
		const key = `${answer.attemptUuid}/${answer.questionId}`;
		if (answers.has(key)) return { code: 'duplicate', detail: `answers[${index}]` };
		answers.add(key);
		if (!attempts.has(answer.attemptUuid)) {
			return { code: 'orphan-answer', detail: `answers[${index}].attemptUuid` };
		}
	}
	const sessions = new Set<string>();
	for (const [index, session] of data.sessions.entries()) {
		if (sessions.has(session.uuid)) return { code: 'duplicate', detail: `sessions[${index}]` };
		sessions.add(session.uuid);
		if ((session.girls ?? 0) + (session.boys ?? 0) > session.students) {
			return { code: 'inconsistent', detail: `sessions[${index}].students` };
		}
	}
	return undefined;
}

/** A file the trainer picked: checked by its size first, and read only if that is fine. */
export async function checkExportFile(file: Pick<File, 'size' | 'text'>): Promise<ImportCheck> {
	if (file.size > MAX_IMPORT_BYTES) {
		return { ok: false, refusal: { code: 'too-large', detail: String(file.size) } };
	}
	let text: string;
	try {
		text = await file.text();
	} catch {
		return { ok: false, refusal: { code: 'unreadable' } };
	}
	return checkExportText(text);
}
