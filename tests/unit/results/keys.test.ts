import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '$lib/crypto/bytes';
import { WrongPassphrase } from '$lib/crypto/passphrase';
import { ResultsDatabase } from '$lib/results/db';
import { readKeys } from '$lib/results/keys';
import {
	changePassphrase,
	createTrainerKey,
	unlockTrainerKey,
	type UnlockedKey
} from '$lib/results/trainer-keys';

const opened: ResultsDatabase[] = [];
let count = 0;

function database(): ResultsDatabase {
	const db = new ResultsDatabase(`keys-${++count}`);
	opened.push(db);
	return db;
}

afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await new Promise((done) => {
			indexedDB.deleteDatabase(db.name).onsuccess = done;
		});
	}
});

const now = new Date('2025-03-03T08:42:00Z');
const PASSPHRASE = 'orbit lantern mosaic velvet';
// Fewer rounds than the app's 600,000, so that the test is quick; the wrapping is the same.
const ROUNDS = 1_000;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Everything the database holds, as text: what someone with the device could read. */
async function dump(db: ResultsDatabase): Promise<string> {
	const tables = await Promise.all(db.tables.map((table) => table.toArray()));
	return JSON.stringify(tables, (_, value: unknown) =>
		value instanceof Uint8Array ? hex(value) : value
	);
}

async function refused(work: Promise<UnlockedKey>): Promise<unknown> {
	return work.then(
		() => 'opened',
		(error: unknown) => error
	);
}

describe('the trainer key on its device', () => {
	it('is stored only wrapped: the private key is nowhere in the database, in any encoding', async () => {
		const db = database();
		const key = await createTrainerKey(PASSPHRASE, now, db, ROUNDS);
		const text = await dump(db);
		expect(text).not.toContain(toBase64Url(key.privateKey));
		expect(text).not.toContain(hex(key.privateKey));
		expect(text).not.toContain(Buffer.from(key.privateKey).toString('base64'));
		expect(text).not.toContain(PASSPHRASE);
	});

	it('opens with its passphrase only, and after a change only with the new one', async () => {
		const db = database();
		const key = await createTrainerKey(PASSPHRASE, now, db, ROUNDS);
		const { trainer } = await readKeys(db);
		expect(await refused(unlockTrainerKey(trainer!, 'orbit lantern mosaic velvex'))).toBeInstanceOf(
			WrongPassphrase
		);
		expect((await unlockTrainerKey(trainer!, PASSPHRASE)).privateKey).toEqual(key.privateKey);

		await changePassphrase(key, 'canyon thistle harbour', db, ROUNDS);
		const changed = (await readKeys(db)).trainer!;
		expect(await refused(unlockTrainerKey(changed, PASSPHRASE))).toBeInstanceOf(WrongPassphrase);
		expect((await unlockTrainerKey(changed, 'canyon thistle harbour')).privateKey).toEqual(
			key.privateKey
		);
	});
});
