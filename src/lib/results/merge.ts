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
 * Whether two copies of an attempt say the same thing, whatever order their answers came in
 * (a reload's parts can be joined in another order).
 */
export function sameAttempt(a: Attempt, b: Attempt): boolean {
	if (
		a.uuid !== b.uuid ||
		a.deviceId !== b.deviceId ||
		a.quizId !== b.quizId ||
		a.quizVersion !== b.quizVersion ||
		a.purpose !== b.purpose ||
		a.classLabel !== b.classLabel ||
		a.locale !== b.locale ||
		a.startedAt !== b.startedAt ||
		a.finishedAt !== b.finishedAt ||
		a.status !== b.status ||
		a.score !== b.score ||
		a.maxScore !== b.maxScore ||
		a.seed !== b.seed ||
		a.pairingCode !== b.pairingCode ||
		a.source !== b.source ||
		a.answers.length !== b.answers.length
	) {
		return false;
	}
	const theirs = new Map(b.answers.map((answer) => [answer.questionId, answer]));
	return a.answers.every((answer) => {
		const other = theirs.get(answer.questionId);
		return (
			other !== undefined &&
			other.correct === answer.correct &&
			other.ms === answer.ms &&
			other.given.length === answer.given.length &&
			other.given.every((key, index) => key === answer.given[index])
		);
	});
}

export function sameSession(a: SessionRecord, b: SessionRecord): boolean {
	return (
		a.uuid === b.uuid &&
		a.deviceId === b.deviceId &&
		a.date === b.date &&
		a.classLabel === b.classLabel &&
		a.lessonId === b.lessonId &&
		a.students === b.students &&
		a.girls === b.girls &&
		a.boys === b.boys &&
		a.recordedAt === b.recordedAt
	);
}

interface Candidate<T> {
	record: T;
	/** The file the record is taken from: the first by name, whatever order files came in. */
	file: string;
	files: string[];
	disagree: boolean;
}

/**
 * Gathers every record of every file, once per key, noting where files disagree.
 */
function gather<T>(
	into: Map<string, Candidate<T>>,
	records: readonly T[],
	keyOf: (record: T) => string,
	same: (a: T, b: T) => boolean,
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
		if (!same(seen.record, record)) {
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
	const sameIncoming = (a: IncomingAttempt<Stored>, b: IncomingAttempt<Stored>) =>
		sameAttempt(a.attempt, b.attempt);
	for (const file of files) {
		gather(attempts, file.attempts, (incoming) => incoming.attempt.uuid, sameIncoming, file.name);
		gather(sessions, file.sessions, (session) => session.uuid, sameSession, file.name);
	}
	const result: MergePlan<Stored> = {
		add: { attempts: [], sessions: [] },
		present: { attempts: 0, sessions: 0 },
		conflicts: []
	};
	result.present.attempts = plan(
		attempts,
		holding.attempts,
		(held, incoming) => sameAttempt(held, incoming.attempt),
		'attempt',
		result.add.attempts,
		result.conflicts
	);
	result.present.sessions = plan(
		sessions,
		holding.sessions,
		sameSession,
		'session',
		result.add.sessions,
		result.conflicts
	);
	return result;
}
