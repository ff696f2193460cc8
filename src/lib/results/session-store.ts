/**
 * The session log kept on this device (session-log.ts checks what the teacher typed), in a
 * module of its own so that the log's page is drawn before the database code arrives.
 */
import { normalizeClassLabel } from '$lib/quiz/class-label';
import { resultsDb, type ResultsDatabase, type SessionRecord } from './db';
import { randomUuid, toMinute } from './ids';
import { Recorder } from './recorder';
import type { SessionInput } from './session-log';

export async function logSession(
	input: SessionInput,
	now: Date,
	db: ResultsDatabase = resultsDb()
): Promise<SessionRecord> {
	const record: SessionRecord = {
		uuid: randomUuid(),
		deviceId: await new Recorder(db).deviceId(),
		date: input.date,
		classLabel: normalizeClassLabel(input.classLabel),
		lessonId: input.lessonId,
		students: input.students!,
		girls: input.girls,
		boys: input.boys,
		recordedAt: toMinute(now)
	};
	await db.sessions.add(record);
	return record;
}

/** The sessions logged (or merged in) on this device, latest first. */
export async function listSessions(db: ResultsDatabase = resultsDb()): Promise<SessionRecord[]> {
	const sessions = await db.sessions.orderBy('date').reverse().toArray();
	return sessions;
}
