/**
 * Data written by every schema version ever shipped must open with today's code, with
 * nothing lost. Each fixture is the database as that version laid it out on disk, built
 * here with the bare IndexedDB API so that today's code cannot shape it.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ResultsDatabase, schemaVersions } from '$lib/results/db';
import { Recorder } from '$lib/results/recorder';

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
				expect(await table.count(), storeName).toBe(records.length);
				for (const record of records) {
					const layout = fixture.stores[storeName]!;
					const key = Array.isArray(layout.keyPath)
						? layout.keyPath.map((part) => record[part])
						: record[layout.keyPath];
					expect(await table.get(key as string), storeName).toEqual(record);
				}
			}
			expect((await db.attempts.toArray()).sort(byUuid)).toEqual(
				[...fixture.records.attempts!].sort(byUuid)
			);

			// The station carries on where the old version stopped: same device, same open attempt.
			const recorder = new Recorder(db);
			expect(await recorder.deviceId()).toBe(fixture.records.device![0]!.id);
			const open = fixture.records.attempts!.find((attempt) => attempt.finishedAt === null)!;
			expect((await recorder.openAttempt(open.quizId as string))?.uuid).toBe(open.uuid);
			await recorder.recordAnswer({
				attemptUuid: open.uuid as string,
				questionId: 'a-new-question',
				given: ['a'],
				correct: true,
				ms: 1000
			});
			expect(await recorder.answersOf(open.uuid as string)).toHaveLength(1);
			db.close();
		});
	}
});
