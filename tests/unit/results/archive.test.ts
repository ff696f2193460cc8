import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
	buildSealedExport,
	deleteRecords,
	MERGED_ROW,
	sealedByKey,
	writeMerge
} from '$lib/results/archive';
import { ResultsDatabase, type SealedAttemptRecord, type SessionRecord } from '$lib/results/db';
import { randomUuid } from '$lib/results/ids';

let count = 0;
const database = () => new ResultsDatabase(`archive-${++count}`);

/** Sealed records as a file brings them: what the parts say does not matter here. */
function sealedRecords(howMany: number, keyId = 'AAAA-BBBB-CCCC'): SealedAttemptRecord[] {
	return Array.from({ length: howMany }, (_, index) => ({
		uuid: randomUuid(),
		keyId,
		parts: [{ enc: `enc-${index}`, ct: `ct-${index}` }]
	}));
}

const session: SessionRecord = {
	uuid: randomUuid(),
	deviceId: randomUuid(),
	date: '2025-03-10',
	classLabel: 'Grade 8B',
	lessonId: 'welcome-pre-quiz',
	students: 30,
	girls: null,
	boys: null,
	recordedAt: '2025-03-10T03:00:00.000Z'
};

const byUuid = (records: readonly SealedAttemptRecord[]) =>
	[...records].sort((a, b) => a.uuid.localeCompare(b.uuid));

const key = { keyId: 'AAAA-BBBB-CCCC', publicKey: new Uint8Array(32).fill(9) };

describe('the attempts a merge writes', () => {
	it('are kept many to a row, and read back one each, parts untouched', async () => {
		const db = database();
		const incoming = [...sealedRecords(2 * MERGED_ROW + 50), ...sealedRecords(3, 'DDDD-EEEE-FFFF')];
		await writeMerge(incoming, [session], db);
		const rows = await db.merged.toArray();
		expect(rows.map((row) => row.attempts.length).sort((a, b) => a - b)).toEqual([
			3,
			50,
			MERGED_ROW,
			MERGED_ROW
		]);
		expect(rows.every((row) => row.attempts.every((attempt) => !('keyId' in attempt)))).toBe(true);
		const held = await sealedByKey(db);
		expect(byUuid(held.get('AAAA-BBBB-CCCC')!)).toEqual(
			byUuid(incoming.slice(0, 2 * MERGED_ROW + 50))
		);
		expect(byUuid(held.get('DDDD-EEEE-FFFF')!)).toEqual(byUuid(incoming.slice(-3)));
		expect(await db.sessions.toArray()).toEqual([session]);
	});

	it('are refused all together when a session log entry is held already', async () => {
		const db = database();
		await writeMerge([], [session], db);
		await expect(writeMerge(sealedRecords(10), [session], db)).rejects.toThrow();
		expect(await db.merged.count()).toBe(0);
	});

	it('go out in the export with the station’s own, each attempt once', async () => {
		const db = database();
		const own = sealedRecords(2);
		await db.sealed.bulkAdd(own);
		const merged = sealedRecords(MERGED_ROW + 1);
		// One attempt held twice: recorded here in clear by an earlier version, then merged.
		await writeMerge([...merged, own[0]!], [], db);
		const file = await buildSealedExport(key, new Date('2025-04-01T00:00:00Z'), db);
		const uuids = file.attempts.map((attempt) => attempt.uuid);
		expect(new Set(uuids).size).toBe(uuids.length);
		expect(uuids.sort()).toEqual([...own, ...merged].map((record) => record.uuid).sort());
	});

	it('can be deleted a few at a time, wherever they are held', async () => {
		const db = database();
		const own = sealedRecords(3);
		await db.sealed.bulkAdd(own);
		const merged = sealedRecords(MERGED_ROW + 2);
		await writeMerge(merged, [session], db);
		// A class: one of the station's, two in the first row, the whole of the second row.
		const gone = [own[1]!, merged[0]!, merged[7]!, ...merged.slice(MERGED_ROW)];
		await deleteRecords(
			gone.map((record) => record.uuid),
			[session.uuid],
			db
		);
		const left = (await sealedByKey(db)).get('AAAA-BBBB-CCCC')!.map((record) => record.uuid);
		const kept = [...own, ...merged].filter((record) => !gone.includes(record)).map((r) => r.uuid);
		expect(left.sort()).toEqual(kept.sort());
		expect(await db.merged.count()).toBe(1);
		expect(await db.sessions.count()).toBe(0);
	});
});
