/**
 * What the trainer does with the results a device holds: read them all, export them,
 * merge other devices' exports in (one transaction: all of a merge is written, or none of
 * it), and delete a class's results or everything. Checking the files and planning the
 * merge are pure (import-check.ts, merge.ts); this module only reads and writes.
 */
import {
	resultsDb,
	type AnswerRecord,
	type AttemptRecord,
	type ResultsDatabase,
	type SessionRecord
} from './db';
import { EXPORT_FORMAT, EXPORT_VERSION, type ResultsExport } from './export-format';
import { toMinute } from './ids';
import { Recorder } from './recorder';
import {
	answerKey,
	gather,
	planMerge,
	type Gathered,
	type IncomingFile,
	type MergePlan,
	type Stored
} from './merge';

export interface Holdings {
	deviceId: string;
	attempts: AttemptRecord[];
	answers: AnswerRecord[];
	sessions: SessionRecord[];
}

export async function readHoldings(db: ResultsDatabase = resultsDb()): Promise<Holdings> {
	const deviceId = await new Recorder(db).deviceId();
	return db.transaction('r', db.attempts, db.answers, db.sessions, async () => {
		const [attempts, answers, sessions] = await Promise.all([
			db.attempts.toArray(),
			db.answers.toArray(),
			db.sessions.toArray()
		]);
		return { deviceId, attempts, answers, sessions };
	});
}

/** The JSON export of everything this device holds, its own records and those merged in. */
export function buildExport(holdings: Holdings, now: Date): ResultsExport {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		device: holdings.deviceId,
		exportedAt: now.toISOString(),
		attempts: holdings.attempts,
		answers: holdings.answers,
		sessions: holdings.sessions
	};
}

/**
 * The stored records an import could meet, read in few requests: IndexedDB answers one
 * request at a time, and a request per incoming answer is 100,000 requests for a district's
 * results, ten seconds and more on a school laptop. Stored attempts and sessions are known
 * from their keys (one request each); answers are only ever stored with their attempt (the
 * recorder, a merge and a delete all keep it so), so only the answers of attempts already
 * stored are read, a request per attempt.
 */
async function storedCounterparts(gathered: Gathered, db: ResultsDatabase): Promise<Stored> {
	const [attemptKeys, sessionKeys] = await Promise.all([
		db.attempts.toCollection().primaryKeys(),
		db.sessions.toCollection().primaryKeys()
	]);
	const storedAttempts = new Set(attemptKeys);
	const storedSessions = new Set(sessionKeys);
	const answered = new Set([...gathered.answers.values()].map(({ record }) => record.attemptUuid));
	const [attempts, answers, sessions] = await Promise.all([
		db.attempts.bulkGet([...gathered.attempts.keys()].filter((uuid) => storedAttempts.has(uuid))),
		Promise.all(
			[...answered]
				.filter((uuid) => storedAttempts.has(uuid))
				.map((uuid) => db.answers.where('attemptUuid').equals(uuid).toArray())
		),
		db.sessions.bulkGet([...gathered.sessions.keys()].filter((uuid) => storedSessions.has(uuid)))
	]);
	const byKey = <T>(records: (T | undefined)[], keyOf: (record: T) => string) =>
		new Map(
			records.filter((record) => record !== undefined).map((record) => [keyOf(record), record])
		);
	return {
		attempts: byKey(attempts, (attempt) => attempt.uuid),
		answers: byKey(answers.flat(), answerKey),
		sessions: byKey(sessions, (session) => session.uuid)
	};
}

/** Plans and writes a merge in one transaction; the plan says what was done. */
export async function mergeExports(
	files: readonly IncomingFile[],
	db: ResultsDatabase = resultsDb()
): Promise<MergePlan> {
	const gathered = gather(files);
	let writing = 0;
	const plan = await db.transaction('rw', db.attempts, db.answers, db.sessions, async () => {
		const plan = planMerge(gathered, await storedCounterparts(gathered, db));
		writing = performance.now();
		await db.attempts.bulkAdd(plan.add.attempts);
		await db.answers.bulkAdd(plan.add.answers);
		await db.sessions.bulkAdd(plan.add.sessions);
		return plan;
	});
	// The writing alone, up to the commit on disk: the benchmark tells it from the checks.
	performance.measure('smc:merge-write', { start: writing });
	return plan;
}

export type DeleteScope = { classLabel: string } | 'all';

/** Deletes the attempts, answers and session log of one class, or of every class. */
export async function deleteResults(
	scope: DeleteScope,
	db: ResultsDatabase = resultsDb()
): Promise<{ attempts: number; sessions: number }> {
	return db.transaction('rw', db.attempts, db.answers, db.sessions, async () => {
		if (scope === 'all') {
			const counts = { attempts: await db.attempts.count(), sessions: await db.sessions.count() };
			await Promise.all([db.attempts.clear(), db.answers.clear(), db.sessions.clear()]);
			return counts;
		}
		const uuids = (await db.attempts
			.where('classLabel')
			.equals(scope.classLabel)
			.primaryKeys()) as string[];
		await db.answers.where('attemptUuid').anyOf(uuids).delete();
		await db.attempts.bulkDelete(uuids);
		const sessions = await db.sessions.where('classLabel').equals(scope.classLabel).delete();
		return { attempts: uuids.length, sessions };
	});
}

/** Forgotten PIN: every result, the session log and the PIN go; the device id stays. */
export async function eraseAll(db: ResultsDatabase = resultsDb()): Promise<void> {
	await db.transaction('rw', db.attempts, db.answers, db.sessions, db.trainer, async () => {
		await Promise.all([
			db.attempts.clear(),
			db.answers.clear(),
			db.sessions.clear(),
			db.trainer.clear()
		]);
	});
}

export async function lastExport(db: ResultsDatabase = resultsDb()): Promise<string | null> {
	const record = await db.trainer.get('last-export');
	return record?.key === 'last-export' ? record.at : null;
}

export async function markExported(now: Date, db: ResultsDatabase = resultsDb()): Promise<string> {
	const at = toMinute(now);
	await db.trainer.put({ key: 'last-export', at });
	return at;
}
