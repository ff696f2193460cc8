/**
 * The results a device holds, as files: the sealed export a station (or the trainer's own
 * device) saves for the trainer, and the writes of a merge. Checking files, opening them
 * and planning a merge happen elsewhere (import-check.ts, unseal.ts, merge.ts); this module
 * only reads and writes the database. A merge is one transaction: all of it, or none.
 * Attempts are held in two tables (db.ts): `sealed`, a row each, as stations record them,
 * and `merged`, many to a row, as the trainer's imports bring them; everything here reads
 * both as one list.
 */
import {
	resultsDb,
	type MergedRecord,
	type ResultsDatabase,
	type SealedAttemptRecord,
	type SealedPart,
	type SessionRecord
} from './db';
import { randomUuid, toMinute } from './ids';
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

/** Attempts merged in a row: a row holds this many at most (a fifth of a megabyte or so). */
export const MERGED_ROW = 200;

/** Every sealed attempt held here, of both tables, a record each. */
async function eachSealed(
	db: ResultsDatabase,
	visit: (record: SealedAttemptRecord) => void
): Promise<void> {
	await db.transaction('r', db.sealed, db.merged, async () => {
		await db.sealed.each(visit);
		await db.merged.each(({ keyId, attempts }) => {
			for (const { uuid, parts } of attempts) visit({ uuid, keyId, parts });
		});
	});
}

/** Sealed attempts held here, by the key they are sealed to. */
export async function sealedByKey(
	db: ResultsDatabase = resultsDb()
): Promise<Map<string, SealedAttemptRecord[]>> {
	const byKey = new Map<string, SealedAttemptRecord[]>();
	await eachSealed(db, (record) => {
		const list = byKey.get(record.keyId) ?? [];
		list.push(record);
		byKey.set(record.keyId, list);
	});
	return byKey;
}

/** The attempts held sealed to `keyId`, each uuid once, as an export lists them. */
async function sealedTo(
	keyId: string,
	db: ResultsDatabase
): Promise<{ uuid: string; parts: SealedPart[] }[]> {
	const [records, merged] = await Promise.all([
		db.sealed.where('keyId').equals(keyId).toArray(),
		db.merged.where('keyId').equals(keyId).toArray()
	]);
	const byUuid = new Map<string, SealedPart[]>();
	for (const { uuid, parts } of [...records, ...merged.flatMap((row) => row.attempts)]) {
		if (!byUuid.has(uuid)) byUuid.set(uuid, parts);
	}
	return [...byUuid].map(([uuid, parts]) => ({ uuid, parts }));
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
	const [attempts, sessions] = await db.transaction('r', db.sealed, db.merged, db.sessions, () =>
		Promise.all([sealedTo(key.keyId, db), db.sessions.toArray()])
	);
	return {
		format: EXPORT_FORMAT,
		version: SEALED_VERSION,
		device,
		exportedAt: now.toISOString(),
		keyId: key.keyId,
		attempts,
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
	const attempts = await db.transaction('r', db.sealed, db.merged, () => sealedTo(keyId, db));
	return {
		format: EXPORT_FORMAT,
		version: SEALED_VERSION,
		device,
		exportedAt: now.toISOString(),
		keyId,
		attempts,
		sessions: null
	};
}

/**
 * Writes a merge in one transaction: the new attempts, as they came sealed, many to a row of
 * `merged`, and the new session log entries. The merge plan has left out every record held
 * already; a session log entry held already refuses the whole merge (bulkAdd).
 */
export async function writeMerge(
	attempts: readonly SealedAttemptRecord[],
	sessions: readonly SessionRecord[],
	db: ResultsDatabase = resultsDb()
): Promise<void> {
	const rows: MergedRecord[] = [];
	const open = new Map<string, MergedRecord>();
	for (const { uuid, keyId, parts } of attempts) {
		let row = open.get(keyId);
		if (!row || row.attempts.length === MERGED_ROW) {
			row = { id: randomUuid(), keyId, attempts: [] };
			open.set(keyId, row);
			rows.push(row);
		}
		row.attempts.push({ uuid, parts });
	}
	await db.transaction('rw', db.merged, db.sessions, async () => {
		await db.merged.bulkAdd(rows);
		await db.sessions.bulkAdd([...sessions]);
	});
}

/** Deletes attempts (from either table) and session log entries: a class's, or everything. */
export async function deleteRecords(
	attempts: readonly string[],
	sessions: readonly string[],
	db: ResultsDatabase = resultsDb()
): Promise<void> {
	const gone = new Set(attempts);
	await db.transaction('rw', db.sealed, db.merged, db.sessions, async () => {
		await db.sealed.bulkDelete([...attempts]);
		const rows = await db.merged.toArray();
		for (const row of rows) {
			const kept = row.attempts.filter((attempt) => !gone.has(attempt.uuid));
			if (kept.length === row.attempts.length) continue;
			if (kept.length === 0) await db.merged.delete(row.id);
			else await db.merged.put({ ...row, attempts: kept });
		}
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
