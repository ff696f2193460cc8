/**
 * Planning a merge of checked, decrypted files into the results the trainer's device holds,
 * without writing: attempts and session log entries are matched by uuid. One already stored
 * with the same content is skipped; one stored with other content is a conflict and the
 * stored one stays (nothing can add answers to a stored attempt: an attempt is written
 * whole, once). When the files of one import disagree about a record, none of their
 * versions is taken, so the result never depends on the order the files were picked in.
 * Attempts are compared by what they say, decrypted: the same attempt sealed twice is two
 * different ciphertexts.
 */
import type { Attempt } from './attempt';
import type { SessionRecord } from './db';

export type RecordKind = 'attempt' | 'session';

export interface Conflict {
	kind: RecordKind;
	/** The uuid. */
	key: string;
	reason: 'differs-from-stored' | 'files-disagree';
	files: string[];
}

export interface Counts {
	attempts: number;
	sessions: number;
}

/** An attempt of an incoming file, decrypted, with what is to be stored for it (sealed). */
export interface IncomingAttempt<Stored = unknown> {
	attempt: Attempt;
	sealed: Stored;
}

export interface IncomingFile<Stored = unknown> {
	name: string;
	attempts: readonly IncomingAttempt<Stored>[];
	sessions: readonly SessionRecord[];
}

export interface MergePlan<Stored = unknown> {
	add: { attempts: IncomingAttempt<Stored>[]; sessions: SessionRecord[] };
	present: Counts;
	conflicts: Conflict[];
}

/** What the device holds already, decrypted: only the uuids an import meets are needed. */
export interface Holding {
	attempts: ReadonlyMap<string, Attempt>;
	sessions: ReadonlyMap<string, SessionRecord>;
}

/**
 * An attempt as text with its fields and answers in one order, so that two copies of one
 * attempt compare equal whatever order their parts or keys came in.
 */
export function attemptContent(attempt: Attempt): string {
	const answers = [...attempt.answers]
		.sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0))
		.map((answer) => [answer.questionId, answer.given, answer.correct, answer.ms]);
	return JSON.stringify([
		attempt.uuid,
		attempt.deviceId,
		attempt.quizId,
		attempt.quizVersion,
		attempt.purpose,
		attempt.classLabel,
		attempt.locale,
		attempt.startedAt,
		attempt.finishedAt,
		attempt.status,
		attempt.score,
		attempt.maxScore,
		attempt.seed,
		attempt.pairingCode,
		attempt.source,
		answers
	]);
}

export function sessionContent(session: SessionRecord): string {
	return JSON.stringify([
		session.uuid,
		session.deviceId,
		session.date,
		session.classLabel,
		session.lessonId,
		session.students,
		session.girls,
		session.boys,
		session.recordedAt
	]);
}

interface Candidate<T> {
	record: T;
	/** The file the record is taken from: the first by name, whatever order files came in. */
	file: string;
	files: string[];
	disagree: boolean;
}

/**
 * Gathers every record of every file, once per key. Contents are compared only where a
 * key comes again, so a district's import of new attempts, each seen once, costs a map
 * entry per attempt and no text.
 */
function gather<T>(
	into: Map<string, Candidate<T>>,
	records: readonly T[],
	keyOf: (record: T) => string,
	contentOf: (record: T) => string,
	file: string
): void {
	for (const record of records) {
		const key = keyOf(record);
		const seen = into.get(key);
		if (!seen) {
			into.set(key, { record, file, files: [file], disagree: false });
			continue;
		}
		if (!seen.files.includes(file)) seen.files.push(file);
		if (seen.disagree) continue;
		if (contentOf(seen.record) !== contentOf(record)) {
			seen.disagree = true;
		} else if (file < seen.file) {
			seen.record = record;
			seen.file = file;
		}
	}
}

/** Sorts candidates into new, present and in conflict; returns how many are present. */
function plan<T, Held>(
	candidates: ReadonlyMap<string, Candidate<T>>,
	stored: ReadonlyMap<string, Held>,
	same: (held: Held, record: T) => boolean,
	kind: RecordKind,
	add: T[],
	conflicts: Conflict[]
): number {
	let present = 0;
	for (const [key, candidate] of candidates) {
		const held = stored.get(key);
		const files = [...candidate.files].sort();
		if (candidate.disagree) conflicts.push({ kind, key, reason: 'files-disagree', files });
		else if (held === undefined) add.push(candidate.record);
		else if (same(held, candidate.record)) present += 1;
		else conflicts.push({ kind, key, reason: 'differs-from-stored', files });
	}
	return present;
}

export function planMerge<Stored>(
	files: readonly IncomingFile<Stored>[],
	holding: Holding
): MergePlan<Stored> {
	const attempts = new Map<string, Candidate<IncomingAttempt<Stored>>>();
	const sessions = new Map<string, Candidate<SessionRecord>>();
	const incomingContent = (incoming: IncomingAttempt<Stored>) => attemptContent(incoming.attempt);
	for (const file of files) {
		gather(
			attempts,
			file.attempts,
			(incoming) => incoming.attempt.uuid,
			incomingContent,
			file.name
		);
		gather(sessions, file.sessions, (session) => session.uuid, sessionContent, file.name);
	}
	const result: MergePlan<Stored> = {
		add: { attempts: [], sessions: [] },
		present: { attempts: 0, sessions: 0 },
		conflicts: []
	};
	result.present.attempts = plan(
		attempts,
		holding.attempts,
		(held, incoming) => attemptContent(held) === attemptContent(incoming.attempt),
		'attempt',
		result.add.attempts,
		result.conflicts
	);
	result.present.sessions = plan(
		sessions,
		holding.sessions,
		(held, session) => sessionContent(held) === sessionContent(session),
		'session',
		result.add.sessions,
		result.conflicts
	);
	return result;
}
