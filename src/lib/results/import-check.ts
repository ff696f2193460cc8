/**
 * Checking the files of an import before anything of them is decrypted or written, cheapest
 * check first: how many files and bytes were picked; each file's size (refused unread); a
 * lexical scan of its text that refuses nesting deeper than the format has and absurd
 * numbers of objects, arrays or values before JSON.parse is given them; the envelope
 * (format, version, and for version 2 the trainer key it is sealed to); then the records
 * one by one, stopping at the first flaw, which is named with its path and reason.
 * Everything here is pure and works on strings and plain objects: it runs the same in a
 * Worker (results-worker.ts), and `checkExportSteps` lets a caller on the page give the
 * browser a turn between chunks of records.
 */
import { normalizePairingCode } from '$lib/quiz/pairing';
import type { Attempt, AttemptAnswer } from './attempt';
import type { SessionRecord } from './db';
import {
	EXPORT_FORMAT,
	EXPORT_VERSION,
	LEGACY_VERSION,
	legacyAnswerShape,
	legacyAttemptShape,
	legacyEnvelope,
	sealedAttemptShape,
	sealedEnvelope,
	sealedPartShape,
	sessionShape,
	sessionsPartShape,
	type LegacyAnswer,
	type LegacyAttempt,
	type SealedAttempt,
	type SealedPart,
	type SessionsPart
} from './export-format';
import { normalizeClassLabel } from '$lib/quiz/class-label';
import { pathText, type Flaw, type Shape } from './shape';

/** One file: 100,000 answers in clear took about 12 MB; twenty is room with nothing absurd. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Files in one import: a district's tablets, with room; a pick of 200 is a mistake. */
export const MAX_IMPORT_FILES = 50;
/** Bytes in one import, all files together. */
export const MAX_IMPORT_TOTAL_BYTES = 100 * 1024 * 1024;
/** Attempts and session log entries in one import, all files together. */
export const MAX_IMPORT_RECORDS = 100_000;
/**
 * Nesting the format needs: file → attempts → attempt → parts → part (version 2), and
 * file → answers → answer → given (version 1).
 */
export const MAX_DEPTH = 5;
/** Objects and arrays in one file: a full 20 MB version 1 file has about 350,000. */
export const MAX_STRUCTURES = 400_000;
/** Values (commas, plus one) in one file: a full 20 MB version 1 file has about 1.3 million. */
export const MAX_VALUES = 2_000_000;

export type RefusalCode =
	/** The pick: more files than MAX_IMPORT_FILES (detail: how many). */
	| 'too-many-files'
	/** The pick: more bytes than MAX_IMPORT_TOTAL_BYTES (detail: how many). */
	| 'too-much-data'
	/** The checked files hold more than MAX_IMPORT_RECORDS records (detail: how many). */
	| 'too-many-records'
	/** One file over MAX_IMPORT_BYTES (detail: its size). */
	| 'too-large'
	| 'empty'
	| 'unreadable'
	| 'not-json'
	| 'truncated'
	/** Nested deeper than the format (detail: the depth limit). */
	| 'too-deep'
	/** More objects, arrays or values than any real export (detail: the limit). */
	| 'too-many-values'
	/** Not a results export (detail: the format it names, if any). */
	| 'wrong-format'
	/** A version this app does not know (detail: the version found). */
	| 'wrong-version'
	/** Sealed to another trainer's key (detail: that key's id). */
	| 'other-key'
	/** A field breaks the format (path and reason). */
	| 'invalid'
	/** A record twice in one file (path of the second). */
	| 'duplicate'
	/** A version 1 answer whose attempt is not in the file (path). */
	| 'orphan-answer'
	/** A record that contradicts itself (path). */
	| 'inconsistent';

export interface Refusal {
	code: RefusalCode;
	/** Where in the file, such as `attempts[3].parts[0].enc`. */
	path?: string;
	/** What is wrong there, in a few technical words ("unknown key", "too long"). */
	reason?: string;
	/** What was found: a format name, a version, a key id, a size or a count. */
	detail?: string;
}

/** A version 2 file, checked: its attempts are still sealed. */
export interface SealedFile {
	version: 2;
	device: string;
	exportedAt: string;
	keyId: string;
	attempts: SealedAttempt[];
	sessions: SealedPart | null;
}

/** A version 1 file, checked and read as today's attempts (pairing codes language-free). */
export interface PlainFile {
	version: 1;
	device: string;
	exportedAt: string;
	attempts: Attempt[];
	sessions: SessionRecord[];
}

export type CheckedFile = SealedFile | PlainFile;

export type ImportCheck = { ok: true; file: CheckedFile } | { ok: false; refusal: Refusal };

export interface CheckOptions {
	/** The id of the trainer's key: a version 2 file sealed to another is refused. */
	keyId?: string;
	/** Records checked between two yields of `checkExportSteps`. */
	chunk?: number;
}

type Refused = { ok: false; refusal: Refusal };

const refuse = (code: RefusalCode, more: Omit<Refusal, 'code'> = {}): Refused => ({
	ok: false,
	refusal: { code, ...more }
});

// The checks of the pick, before any file is read.

export interface PickedFile {
	name: string;
	size: number;
}

/** Refuses a pick of too many files or bytes as a whole, before any of them is read. */
export function checkSelection(files: readonly PickedFile[]): Refusal | undefined {
	if (files.length > MAX_IMPORT_FILES) {
		return { code: 'too-many-files', detail: String(files.length) };
	}
	let bytes = 0;
	for (const file of files) bytes += file.size;
	if (bytes > MAX_IMPORT_TOTAL_BYTES) return { code: 'too-much-data', detail: String(bytes) };
	return undefined;
}

/** Refuses the checked files of one import as a whole when they hold too many records. */
export function checkImportTotals(files: readonly CheckedFile[]): Refusal | undefined {
	let records = 0;
	for (const file of files) {
		records += file.attempts.length;
		if (file.version === 1) records += file.sessions.length;
	}
	return records > MAX_IMPORT_RECORDS
		? { code: 'too-many-records', detail: String(records) }
		: undefined;
}

// The lexical scan.

export interface ScanLimits {
	depth: number;
	structures: number;
	values: number;
}

const LIMITS: ScanLimits = { depth: MAX_DEPTH, structures: MAX_STRUCTURES, values: MAX_VALUES };

export type Scan =
	{ ok: true; whole: boolean } | { ok: false; code: 'too-deep' | 'too-many-values'; limit: number };

/**
 * One pass over the text, as JSON's grammar splits it, stopping as soon as a limit is
 * passed: 100,000 nested arrays are refused at the sixth, 19 MB of `{}` after 400,000 of
 * them. Strings are skipped whole (indexOf to the closing quote), so a sealed file, mostly
 * ciphertext, is crossed in a few milliseconds. `whole` is false when the text ends inside
 * a string or an object: a file cut short.
 */
export function scanJson(text: string, limits: ScanLimits = LIMITS): Scan {
	let depth = 0;
	let structures = 0;
	let values = 1;
	const length = text.length;
	for (let index = 0; index < length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x22) {
			let end = text.indexOf('"', index + 1);
			while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
			if (end === -1) return { ok: true, whole: false };
			index = end;
		} else if (code === 0x7b || code === 0x5b) {
			if (++depth > limits.depth) return { ok: false, code: 'too-deep', limit: limits.depth };
			if (++structures > limits.structures) {
				return { ok: false, code: 'too-many-values', limit: limits.structures };
			}
		} else if (code === 0x7d || code === 0x5d) {
			depth -= 1;
		} else if (code === 0x2c && ++values > limits.values) {
			return { ok: false, code: 'too-many-values', limit: limits.values };
		}
	}
	return { ok: true, whole: depth <= 0 };
}

/** Whether the quote at `index` is escaped: an odd run of backslashes before it. */
function escaped(text: string, index: number): boolean {
	let backslashes = 0;
	while (text.charCodeAt(index - 1 - backslashes) === 0x5c) backslashes += 1;
	return backslashes % 2 === 1;
}

// The records.

function invalid(prefix: string, flaw: Flaw): Refused {
	return refuse('invalid', {
		path: pathText([prefix, ...flaw.path]),
		reason: flaw.reason
	});
}

/** Reasons for zod's issue codes, in the words the record checks use. */
function issueReason(issue: { code: string; keys?: string[] }): string {
	switch (issue.code) {
		case 'unrecognized_keys':
			return 'unknown key';
		case 'invalid_type':
			return 'wrong type';
		case 'invalid_value':
			return 'not an allowed value';
		case 'invalid_format':
			return 'not in the expected form';
		case 'too_big':
			return 'too long';
		case 'too_small':
			return 'too short';
		default:
			return 'invalid';
	}
}

/** The envelope, checked by zod: a handful of fields, so a handful of issues at most. */
function checkEnvelope(parsed: Record<string, unknown>, version: 1 | 2): ImportCheck | undefined {
	const result = (version === 2 ? sealedEnvelope : legacyEnvelope).safeParse(parsed);
	if (result.success) return undefined;
	const issue = result.error.issues[0]!;
	const keys = (issue as { keys?: string[] }).keys;
	const path = keys?.length ? [...issue.path, keys[0]!] : issue.path;
	return refuse('invalid', {
		path: pathText(path as (string | number)[]) || undefined,
		reason: issueReason(issue)
	});
}

/**
 * Checks a text step by step: it yields after the scan, after JSON.parse and after every
 * `chunk` records, and returns the result. Nothing here writes anything.
 */
export function* checkExportSteps(
	text: string,
	options: CheckOptions = {}
): Generator<void, ImportCheck, void> {
	const chunk = options.chunk ?? 2000;
	// A byte order mark, as some editors add when a file is saved again, is not an error.
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') return refuse('empty');
	const scan = scanJson(body);
	if (!scan.ok) return refuse(scan.code, { detail: String(scan.limit) });
	yield;
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return refuse(scan.whole ? 'not-json' : 'truncated');
	}
	yield;
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return refuse('wrong-format');
	}
	const envelope = parsed as Record<string, unknown>;
	const { format, version } = envelope;
	if (format !== EXPORT_FORMAT) {
		return refuse('wrong-format', {
			detail: typeof format === 'string' ? format.slice(0, 60) : undefined
		});
	}
	if (version !== EXPORT_VERSION && version !== LEGACY_VERSION) {
		return refuse('wrong-version', { detail: String(version).slice(0, 20) });
	}
	const flawed = checkEnvelope(envelope, version);
	if (flawed) return flawed;
	if (version === EXPORT_VERSION) return yield* checkSealed(envelope, options, chunk);
	return yield* checkPlain(envelope, chunk);
}

function* checkList<T>(
	name: string,
	values: readonly unknown[],
	shape: Shape<T>,
	chunk: number
): Generator<void, ImportCheck | undefined, void> {
	for (let index = 0; index < values.length; index++) {
		const flaw = shape.check(values[index]);
		if (flaw) return invalid(`${name}[${index}]`, flaw);
		if ((index + 1) % chunk === 0) yield;
	}
	return undefined;
}

function* checkSealed(
	envelope: Record<string, unknown>,
	options: CheckOptions,
	chunk: number
): Generator<void, ImportCheck, void> {
	const keyId = envelope.keyId as string;
	if (options.keyId !== undefined && keyId !== options.keyId) {
		return refuse('other-key', { detail: keyId });
	}
	const attempts = envelope.attempts as unknown[];
	const flawed = yield* checkList('attempts', attempts, sealedAttemptShape, chunk);
	if (flawed) return flawed;
	const sessions = envelope.sessions;
	if (sessions !== null) {
		const flaw = sealedPartShape.check(sessions);
		if (flaw) return invalid('sessions', flaw);
	}
	const seen = new Set<string>();
	for (const [index, attempt] of (attempts as SealedAttempt[]).entries()) {
		if (seen.has(attempt.uuid)) return refuse('duplicate', { path: `attempts[${index}]` });
		seen.add(attempt.uuid);
	}
	return {
		ok: true,
		file: {
			version: 2,
			device: envelope.device as string,
			exportedAt: envelope.exportedAt as string,
			keyId,
			attempts: attempts as SealedAttempt[],
			sessions: sessions as SealedPart | null
		}
	};
}

function* checkPlain(
	envelope: Record<string, unknown>,
	chunk: number
): Generator<void, ImportCheck, void> {
	const attempts = envelope.attempts as unknown[];
	const answers = envelope.answers as unknown[];
	const flawed =
		(yield* checkList('attempts', attempts, legacyAttemptShape, chunk)) ??
		(yield* checkList('answers', answers, legacyAnswerShape, chunk));
	if (flawed) return flawed;
	const sessions = checkSessions(envelope.sessions as unknown[], 'sessions');
	if (!sessions.ok) return sessions;

	const byUuid = new Map<string, Attempt>();
	for (const [index, record] of (attempts as LegacyAttempt[]).entries()) {
		if (byUuid.has(record.uuid)) return refuse('duplicate', { path: `attempts[${index}]` });
		if (record.score > record.maxScore) {
			return refuse('inconsistent', { path: `attempts[${index}].score` });
		}
		if (record.finishedAt === null && record.status === 'finished') {
			return refuse('inconsistent', { path: `attempts[${index}].finishedAt` });
		}
		byUuid.set(record.uuid, fromLegacy(record));
	}
	const answered = new Set<string>();
	for (const [index, answer] of (answers as LegacyAnswer[]).entries()) {
		const attempt = byUuid.get(answer.attemptUuid);
		if (!attempt) return refuse('orphan-answer', { path: `answers[${index}].attemptUuid` });
		const key = `${answer.attemptUuid}/${answer.questionId}`;
		if (answered.has(key)) return refuse('duplicate', { path: `answers[${index}]` });
		answered.add(key);
		const { questionId, given, correct, ms } = answer;
		attempt.answers.push({ questionId, given, correct, ms } satisfies AttemptAnswer);
	}
	return {
		ok: true,
		file: {
			version: 1,
			device: envelope.device as string,
			exportedAt: envelope.exportedAt as string,
			attempts: [...byUuid.values()],
			sessions: sessions.sessions
		}
	};
}

/** A version 1 attempt as today's: taken on a tablet, its pairing code language-free. */
function fromLegacy(record: LegacyAttempt): Attempt {
	return {
		...record,
		pairingCode: record.pairingCode === null ? null : normalizePairingCode(record.pairingCode),
		source: 'tablet',
		answers: []
	};
}

export type SessionsCheck =
	{ ok: true; sessions: SessionRecord[] } | { ok: false; refusal: Refusal };

/**
 * Session log entries, from a version 1 file or from a version 2 file's decrypted sessions
 * part (`checkSessionsPart`): each checked, none twice, counts that add up, class labels
 * normalised as the station normalises them.
 */
export function checkSessions(values: readonly unknown[], name: string): SessionsCheck {
	const seen = new Set<string>();
	const sessions: SessionRecord[] = [];
	for (let index = 0; index < values.length; index++) {
		const flaw = sessionShape.check(values[index]);
		if (flaw) return invalid(`${name}[${index}]`, flaw);
		const session = values[index] as SessionRecord;
		if (seen.has(session.uuid)) return refuse('duplicate', { path: `${name}[${index}]` });
		seen.add(session.uuid);
		if ((session.girls ?? 0) + (session.boys ?? 0) > session.students) {
			return refuse('inconsistent', { path: `${name}[${index}].students` });
		}
		const classLabel = normalizeClassLabel(session.classLabel);
		if (classLabel === '') {
			return refuse('invalid', {
				path: `${name}[${index}].classLabel`,
				reason: 'nothing visible'
			});
		}
		sessions.push({ ...session, classLabel });
	}
	return { ok: true, sessions };
}

/** The decrypted session log of a version 2 file (its sessions part). */
export function checkSessionsPart(value: unknown): SessionsCheck {
	const flaw = sessionsPartShape.check(value);
	if (flaw) return invalid('sessions', flaw);
	return checkSessions((value as SessionsPart).sessions, 'sessions.sessions');
}

/** Checks the text of one file; nothing here writes anything. */
export function checkExportText(text: string, options: CheckOptions = {}): ImportCheck {
	const steps = checkExportSteps(text, options);
	let step = steps.next();
	while (!step.done) step = steps.next();
	return step.value;
}

/** A file the trainer picked: checked by its size first, and read only if that is fine. */
export async function checkExportFile(
	file: Pick<File, 'size' | 'text'>,
	options: CheckOptions = {}
): Promise<ImportCheck> {
	if (file.size > MAX_IMPORT_BYTES) return refuse('too-large', { detail: String(file.size) });
	let text: string;
	try {
		text = await file.text();
	} catch {
		return refuse('unreadable');
	}
	return checkExportText(text, options);
}
