/**
 * Data written by every schema version ever shipped must open with today's code, with
 * nothing lost. Each fixture is the database as that version laid it out on disk, built
 * here with the bare IndexedDB API so that today's code cannot shape it.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '$lib/crypto/bytes';
import { keyId } from '$lib/crypto/fingerprint';
import { generateKeyPair, recipient } from '$lib/crypto/hpke';
import {
	REMOVED_TRAINER_ROWS,
	ResultsDatabase,
	schemaVersions,
	type AttemptRecord
} from '$lib/results/db';
import { deleteRecords, sealedByKey } from '$lib/results/archive';
import { readKeys, sealingKeyOf } from '$lib/results/keys';
import { unlockTrainerKey } from '$lib/results/trainer-keys';
import { Recorder } from '$lib/results/recorder';
import { openAttempt } from '$lib/results/unseal';

interface StoreLayout {
	keyPath: string | string[];
	autoIncrement: boolean;
	indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

interface Fixture {
	version: number;
	idbVersion: number;
	stores: Record<string, StoreLayout>;
	records: Record<string, Record<string, unknown>[]>;
}

const fixturePath = (version: number) => `tests/fixtures/results/v${version}.json`;
const readFixture = (version: number) =>
	JSON.parse(readFileSync(fixturePath(version), 'utf8')) as Fixture;

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** Lays the fixture's database out exactly as its version did, and fills it. */
async function writeOldDatabase(name: string, fixture: Fixture): Promise<void> {
	const open = indexedDB.open(name, fixture.idbVersion);
	open.onupgradeneeded = () => {
		for (const [storeName, layout] of Object.entries(fixture.stores)) {
			const store = open.result.createObjectStore(storeName, {
				keyPath: layout.keyPath,
				autoIncrement: layout.autoIncrement
			});
			for (const index of layout.indexes) {
				store.createIndex(index.name, index.keyPath, {
					unique: index.unique,
					multiEntry: index.multiEntry
				});
			}
		}
	};
	const db = await request(open);
	const transaction = db.transaction(Object.keys(fixture.records), 'readwrite');
	for (const [storeName, records] of Object.entries(fixture.records)) {
		for (const record of records) transaction.objectStore(storeName).add(record);
	}
	await new Promise((done) => (transaction.oncomplete = done));
	db.close();
}

const byUuid = (a: { uuid?: unknown }, b: { uuid?: unknown }) =>
	String(a.uuid).localeCompare(String(b.uuid));

/** Rows an upgrade removes on purpose: version 3 deletes version 2's PIN and its lockout. */
const removedOnPurpose = (storeName: string, record: Record<string, unknown>) =>
	storeName === 'trainer' && (REMOVED_TRAINER_ROWS as readonly unknown[]).includes(record.key);

describe('results saved by every earlier version of the app', () => {
	it('have a fixture for each schema version', () => {
		for (const { version } of schemaVersions)
			expect(existsSync(fixturePath(version)), `v${version}`).toBe(true);
	});

	for (const { version } of schemaVersions) {
		it(`open from version ${version} with today’s code, every record intact`, async () => {
			const fixture = readFixture(version);
			const name = `schema-v${version}`;
			await writeOldDatabase(name, fixture);

			const db = new ResultsDatabase(name);
			await db.open();
			expect(db.verno).toBe(schemaVersions.at(-1)!.version);
			// Every record of every store, whatever version added it, comes back as it was.
			for (const [storeName, records] of Object.entries(fixture.records)) {
				const table = db.table(storeName);
				const kept = records.filter((record) => !removedOnPurpose(storeName, record));
				expect(await table.count(), storeName).toBe(kept.length);
				for (const record of kept) {
					const layout = fixture.stores[storeName]!;
					const key = Array.isArray(layout.keyPath)
						? layout.keyPath.map((part) => record[part])
						: record[layout.keyPath];
					expect(await table.get(key as string), storeName).toEqual(record);
				}
			}
			if (version < 3) {
				expect(await db.trainer.get('pin')).toBeUndefined();
				expect(await db.trainer.get('lockout')).toBeUndefined();
			}

			// The attempts it kept in clear are sealed once a key is installed, answers and all,
			// and the trainer reads the same scores the old version recorded.
			const pair = await generateKeyPair();
			const key = { publicKey: pair.publicKey, keyId: await keyId(pair.publicKey) };
			const recorder = new Recorder(db);
			const clear = ((fixture.records.attempts ?? []) as { uuid: string }[]).sort(byUuid);
			expect(await recorder.sealLegacy(key)).toBe(clear.length);
			expect(await db.attempts.count()).toBe(0);
			const trainer = await recipient(pair.privateKey);
			for (const old of clear as unknown as AttemptRecord[]) {
				const opened = await openAttempt(trainer, (await db.sealed.get(old.uuid))!);
				expect(opened.ok, old.uuid).toBe(true);
				if (!opened.ok) continue;
				expect(opened.attempt).toMatchObject({
					classLabel: old.classLabel,
					quizId: old.quizId,
					startedAt: old.startedAt,
					pairingCode: old.pairingCode
				});
				if (old.finishedAt) {
					expect(opened.attempt.score).toBe(old.score);
					expect(opened.attempt.status).toBe(old.status);
				}
			}

			// The station carries on where the old version stopped: same device id.
			expect(await recorder.deviceId()).toBe(fixture.records.device![0]!.id);
			db.close();
		});
	}

	it('reads what version 3 sealed with the trainer key of its fixture, and resumes its open attempt', async () => {
		const fixture = readFixture(3) as Fixture & {
			testKeys: { privateKey: string; passphrase: string };
		};
		await writeOldDatabase('schema-v3-sealed', fixture);
		const db = new ResultsDatabase('schema-v3-sealed');
		await db.open();
		const keys = await readKeys(db);
		const unlocked = await unlockTrainerKey(keys.trainer!, fixture.testKeys.passphrase);
		expect(toBase64Url(unlocked.privateKey)).toBe(fixture.testKeys.privateKey);
		for (const record of await db.sealed.toArray()) {
			const opened = await openAttempt(unlocked.recipient, record);
			expect(opened.ok, record.uuid).toBe(true);
		}
		const [open] = await new Recorder(db).openAttempts();
		const key = sealingKeyOf(keys)!;
		const writer = await new Recorder(db).resume(key, open!.uuid);
		await writer.recordAnswer({
			questionId: 'a-new-question',
			given: ['a'],
			correct: true,
			ms: 900
		});
		await writer.end();
		const joined = await openAttempt(unlocked.recipient, (await db.sealed.get(open!.uuid))!);
		expect(joined.ok && joined.attempt.answers.map((answer) => answer.questionId)).toContain(
			'a-new-question'
		);
		db.close();
	});

	it('reads the attempts version 4 merged, many to a row, and deletes one of them alone', async () => {
		const fixture = readFixture(4) as Fixture & {
			testKeys: { privateKey: string; passphrase: string };
		};
		await writeOldDatabase('schema-v4-merged', fixture);
		const db = new ResultsDatabase('schema-v4-merged');
		await db.open();
		const keys = await readKeys(db);
		const unlocked = await unlockTrainerKey(keys.trainer!, fixture.testKeys.passphrase);
		const held = (await sealedByKey(db)).get(keys.trainer!.keyId)!;
		// The station's own two rows and the merged row's two attempts, as one list.
		expect(held).toHaveLength(4);
		const opened = await Promise.all(held.map((record) => openAttempt(unlocked.recipient, record)));
		expect(opened.map((result) => result.ok)).toEqual([true, true, true, true]);
		const merged = fixture.records.merged![0]!.attempts as { uuid: string }[];
		await deleteRecords([merged[0]!.uuid], [], db);
		const left = (await sealedByKey(db)).get(keys.trainer!.keyId)!.map(({ uuid }) => uuid);
		expect(left).toHaveLength(3);
		expect(left).toContain(merged[1]!.uuid);
		expect(left).not.toContain(merged[0]!.uuid);
		await deleteRecords([merged[1]!.uuid], [], db);
		expect(await db.merged.count()).toBe(0);
		db.close();
	});
});
