/**
 * Planning a merge of checked exports into the results a device holds, without writing:
 * records are matched by uuid (answers by attempt and question). A record already stored
 * with the same content is skipped; one stored with other content is a conflict and the
 * stored one stays. When the files of one import disagree about a record, none of their
 * versions is taken, so the result never depends on the order the files were picked in.
 * An answer is taken only with an attempt that is stored or taken, and not while its
 * attempt is in conflict (its score would no longer match its answers).
 */
import type { AnswerRecord, AttemptRecord, SessionRecord } from './db';
import type { ResultsExport } from './export-format';

export type RecordKind = 'attempt' | 'answer' | 'session';

export interface Conflict {
	kind: RecordKind;
	/** The uuid; for an answer, `attemptUuid/questionId`. */
	key: string;
	reason: 'differs-from-stored' | 'files-disagree' | 'attempt-in-conflict';
	files: string[];
}

export interface Counts {
	attempts: number;
	answers: number;
	sessions: number;
}

export interface MergePlan {
	add: { attempts: AttemptRecord[]; answers: AnswerRecord[]; sessions: SessionRecord[] };
	present: Counts;
	conflicts: Conflict[];
}

export interface IncomingFile {
	name: string;
	data: ResultsExport;
}

interface Candidate<T> {
	record: T;
	files: string[];
	disagree: boolean;
}

export interface Gathered {
	attempts: Map<string, Candidate<AttemptRecord>>;
	answers: Map<string, Candidate<AnswerRecord>>;
	sessions: Map<string, Candidate<SessionRecord>>;
}

export interface Stored {
	attempts: ReadonlyMap<string, AttemptRecord>;
	answers: ReadonlyMap<string, AnswerRecord>;
	sessions: ReadonlyMap<string, SessionRecord>;
}

export const answerKey = (answer: Pick<AnswerRecord, 'attemptUuid' | 'questionId'>) =>
	`${answer.attemptUuid}/${answer.questionId}`;

/** The record as text with its keys in one order, so equal records compare equal. */
function canonical(record: object): string {
	return JSON.stringify(record, Object.keys(record).sort());
}

export function sameRecord(a: object, b: object): boolean {
	return canonical(a) === canonical(b);
}

function gatherKind<T extends object>(
	into: Map<string, Candidate<T>>,
	records: readonly T[],
	keyOf: (record: T) => string,
	file: string
): void {
	for (const record of records) {
		const key = keyOf(record);
		const seen = into.get(key);
		if (!seen) {
			into.set(key, { record, files: [file], disagree: false });
			continue;
		}
		if (!seen.files.includes(file)) seen.files.push(file);
		if (!seen.disagree && !sameRecord(seen.record, record)) seen.disagree = true;
	}
}

/** Every record of every file, once per key, noting where files disagree. */
export function gather(files: readonly IncomingFile[]): Gathered {
	const gathered: Gathered = { attempts: new Map(), answers: new Map(), sessions: new Map() };
	for (const { name, data } of files) {
		gatherKind(gathered.attempts, data.attempts, (attempt) => attempt.uuid, name);
		gatherKind(gathered.answers, data.answers, answerKey, name);
		gatherKind(gathered.sessions, data.sessions, (session) => session.uuid, name);
	}
	return gathered;
}

function sortedFiles(files: string[]): string[] {
	return [...files].sort();
}

export function planMerge(gathered: Gathered, stored: Stored): MergePlan {
	const plan: MergePlan = {
		add: { attempts: [], answers: [], sessions: [] },
		present: { attempts: 0, answers: 0, sessions: 0 },
		conflicts: []
	};
	const conflict = (kind: RecordKind, key: string, reason: Conflict['reason'], files: string[]) =>
		plan.conflicts.push({ kind, key, reason, files: sortedFiles(files) });

	const attemptsInConflict = new Set<string>();
	const attemptsKept = new Set<string>(stored.attempts.keys());
	for (const [uuid, candidate] of gathered.attempts) {
		const existing = stored.attempts.get(uuid);
		if (candidate.disagree) {
			attemptsInConflict.add(uuid);
			conflict('attempt', uuid, 'files-disagree', candidate.files);
		} else if (!existing) {
			plan.add.attempts.push(candidate.record);
			attemptsKept.add(uuid);
		} else if (sameRecord(existing, candidate.record)) {
			plan.present.attempts += 1;
		} else {
			attemptsInConflict.add(uuid);
			conflict('attempt', uuid, 'differs-from-stored', candidate.files);
		}
	}

	for (const [key, candidate] of gathered.answers) {
		const existing = stored.answers.get(key);
		const { attemptUuid } = candidate.record;
		if (candidate.disagree) {
			conflict('answer', key, 'files-disagree', candidate.files);
		} else if (existing) {
			if (sameRecord(existing, candidate.record)) plan.present.answers += 1;
			else conflict('answer', key, 'differs-from-stored', candidate.files);
		} else if (attemptsInConflict.has(attemptUuid) || !attemptsKept.has(attemptUuid)) {
			conflict('answer', key, 'attempt-in-conflict', candidate.files);
		} else {
			plan.add.answers.push(candidate.record);
		}
	}

	for (const [uuid, candidate] of gathered.sessions) {
		const existing = stored.sessions.get(uuid);
		if (candidate.disagree) conflict('session', uuid, 'files-disagree', candidate.files);
		else if (!existing) plan.add.sessions.push(candidate.record);
		else if (sameRecord(existing, candidate.record)) plan.present.sessions += 1;
		else conflict('session', uuid, 'differs-from-stored', candidate.files);
	}
	return plan;
}
