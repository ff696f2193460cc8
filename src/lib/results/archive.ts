/**
 * The results a device holds, as files: the sealed export a station (or the trainer's own
 * device) saves for the trainer, and the writes of a merge. Checking files, opening them
 * and planning a merge happen elsewhere (import-check.ts, seal.ts, merge.ts); this module
 * only reads and writes the database. A merge is one transaction: all of it, or none.
 */
import {
	resultsDb,
	type ResultsDatabase,
	type SealedAttemptRecord,
	type SealedPart,
	type SessionRecord
} from './db';
import { toMinute } from './ids';
import { Recorder } from './recorder';
import { sealSessions, type SealingKey } from './seal';

export const EXPORT_FORMAT = 'safe-migration-classroom-results';
export const SEALED_VERSION = 2;

/** The export file of version 2: every attempt sealed; only counts can be read without the key. */
export interface SealedExport {
	format: typeof EXPORT_FORMAT;
	version: typeof SEALED_VERSION;
	device: string;
	exportedAt: string;
	keyId: string;
	attempts: { uuid: string; parts: SealedPart[] }[];
	sessions: SealedPart | null;
}

/** Sealed attempts held here, by the key they are sealed to. */
export async function sealedByKey(
	db: ResultsDatabase = resultsDb()
): Promise<Map<string, SealedAttemptRecord[]>> {
	const byKey = new Map<string, SealedAttemptRecord[]>();
	await db.sealed.each((record) => {
		const list = byKey.get(record.keyId) ?? [];
		list.push(record);
		byKey.set(record.keyId, list);
	});
	return byKey;
}

/**
 * The export for the trainer holding `key`: the attempts sealed to it, and this device's
 * session log sealed to it too. Attempts sealed to another key (a key replaced since) are
 * left for an export of their own (`sealedExportFor`).
 */
export async function buildSealedExport(
	key: SealingKey,
	now: Date,
	db: ResultsDatabase = resultsDb()
): Promise<SealedExport> {
	const device = await new Recorder(db).deviceId();
	const [records, sessions] = await db.transaction('r', db.sealed, db.sessions, () =>
		Promise.all([db.sealed.where('keyId').equals(key.keyId).toArray(), db.sessions.toArray()])
	);
	return {
		format: EXPORT_FORMAT,
		version: SEALED_VERSION,
		device,
		exportedAt: now.toISOString(),
		keyId: key.keyId,
		attempts: records.map(({ uuid, parts }) => ({ uuid, parts })),
		sessions: sessions.length > 0 ? await sealSessions(key, device, sessions) : null
	};
}

/**
 * The attempts sealed to a key this device no longer holds (replaced by the teacher): they
 * can only go to that key's trainer, in a file of their own, without the session log.
 */
export async function buildOrphanExport(
	keyId: string,
	now: Date,
	db: ResultsDatabase = resultsDb()
): Promise<SealedExport> {
	const device = await new Recorder(db).deviceId();
	const records = await db.sealed.where('keyId').equals(keyId).toArray();
	return {
		format: EXPORT_FORMAT,
		version: SEALED_VERSION,
		device,
		exportedAt: now.toISOString(),
		keyId,
		attempts: records.map(({ uuid, parts }) => ({ uuid, parts })),
		sessions: null
	};
}

/** Sealed records present already, among `uuids`. */
export async function storedSealed(
	uuids: readonly string[],
	db: ResultsDatabase = resultsDb()
): Promise<Map<string, SealedAttemptRecord>> {
	const found = await db.sealed.bulkGet([...uuids]);
	return new Map(
		found.filter((record) => record !== undefined).map((record) => [record.uuid, record])
	);
}

/**
 * Writes a merge in one transaction, with bulk writes: new sealed attempts and new
 * session log entries. Records present are never overwritten (bulkAdd refuses them, and
 * the whole merge with them): the merge plan has left them out already.
 */
export async function writeMerge(
	attempts: readonly SealedAttemptRecord[],
	sessions: readonly SessionRecord[],
	db: ResultsDatabase = resultsDb()
): Promise<void> {
	await db.transaction('rw', db.sealed, db.sessions, async () => {
		await db.sealed.bulkAdd([...attempts]);
		await db.sessions.bulkAdd([...sessions]);
	});
}

/** Deletes sealed attempts and session log entries (a class's, or everything). */
export async function deleteRecords(
	attempts: readonly string[],
	sessions: readonly string[],
	db: ResultsDatabase = resultsDb()
): Promise<void> {
	await db.transaction('rw', db.sealed, db.sessions, async () => {
		await db.sealed.bulkDelete([...attempts]);
		await db.sessions.bulkDelete([...sessions]);
	});
}

export async function lastExport(db: ResultsDatabase = resultsDb()): Promise<string | null> {
	const record = await db.trainer.get('last-export');
	return record?.key === 'last-export' && 'at' in record ? record.at : null;
}

export async function markExported(now: Date, db: ResultsDatabase = resultsDb()): Promise<string> {
	const at = toMinute(now);
	await db.trainer.put({ key: 'last-export', at });
	return at;
}
