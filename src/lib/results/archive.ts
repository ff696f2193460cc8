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
import { answerKey, gather, planMerge, type IncomingFile, type MergePlan } from './merge';

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

/** Plans and writes a merge in one transaction; the plan says what was done. */
export async function mergeExports(
	files: readonly IncomingFile[],
	db: ResultsDatabase = resultsDb()
): Promise<MergePlan> {
	const gathered = gather(files);
	return db.transaction('rw', db.attempts, db.answers, db.sessions, async () => {
		const attemptKeys = [...gathered.attempts.keys()];
		const answerKeys = [...gathered.answers.values()].map(
			({ record }) => [record.attemptUuid, record.questionId] as [string, string]
		);
		const sessionKeys = [...gathered.sessions.keys()];
		const [attempts, answers, sessions] = await Promise.all([
			db.attempts.bulkGet(attemptKeys),
			db.answers.bulkGet(answerKeys),
			db.sessions.bulkGet(sessionKeys)
		]);
		const present = <T>(records: (T | undefined)[], keyOf: (record: T) => string) =>
			new Map(
				records.filter((record) => record !== undefined).map((record) => [keyOf(record), record])
			);
		const plan = planMerge(gathered, {
			attempts: present(attempts, (attempt) => attempt.uuid),
			answers: present(answers, answerKey),
			sessions: present(sessions, (session) => session.uuid)
		});
		await db.attempts.bulkAdd(plan.add.attempts);
		await db.answers.bulkAdd(plan.add.answers);
		await db.sessions.bulkAdd(plan.add.sessions);
		return plan;
	});
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
