import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPair, recipient, type KeyPair } from '$lib/crypto/hpke';
import { keyId } from '$lib/crypto/fingerprint';
import { ResultsDatabase, storageFailure } from '$lib/results/db';
import { UUID } from '$lib/results/ids';
import { Recorder, type NewAttempt } from '$lib/results/recorder';
import { RecordingError } from '$lib/results/recording-error';
import type { SealingKey } from '$lib/results/seal';
import { openAttempt } from '$lib/results/unseal';
import { checkStorage, requestPersistence } from '$lib/results/storage';

const opened: ResultsDatabase[] = [];
let count = 0;

/** A database of its own for each test; `name` to open a second connection to it. */
function database(name = `recorder-${++count}`): ResultsDatabase {
	const db = new ResultsDatabase(name);
	opened.push(db);
	return db;
}

afterEach(async () => {
	vi.restoreAllMocks();
	const names = new Set(opened.map((db) => db.name));
	for (const db of opened.splice(0)) db.close();
	for (const name of names) {
		await new Promise((done) => {
			indexedDB.deleteDatabase(name).onsuccess = done;
		});
	}
});

const now = () => new Date('2025-03-03T08:42:37.123Z');

const newAttempt: NewAttempt = {
	quizId: 'before-the-sessions',
	quizVersion: '3fa2c1d09e8b',
	purpose: 'pre',
	classLabel: 'Grade 8B',
	locale: 'en',
	maxScore: 3,
	seed: 12345,
	pairingCode: 'K-07-2'
};

const answer = (questionId: string, correct = true) => ({
	questionId,
	given: ['a'],
	correct,
	ms: 5000
});

async function trainer(): Promise<{ pair: KeyPair; key: SealingKey }> {
	const pair = await generateKeyPair();
	return { pair, key: { publicKey: pair.publicKey, keyId: await keyId(pair.publicKey) } };
}

async function rejection(promise: Promise<unknown>): Promise<RecordingError> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason
	);
	expect(error).toBeInstanceOf(RecordingError);
	return error as RecordingError;
}

/** Everything the database holds, as text: what a student with devtools could read. */
async function dump(db: ResultsDatabase): Promise<string> {
	const tables = await Promise.all(db.tables.map((table) => table.toArray()));
	return JSON.stringify(tables);
}

describe('the device id', () => {
	it('is a random UUID made once and kept, even when two tabs ask at once', async () => {
		const db = database();
		const ids = await Promise.all([
			new Recorder(db).deviceId(),
			new Recorder(database(db.name)).deviceId()
		]);
		expect(ids[0]).toMatch(UUID);
		expect(ids[1]).toBe(ids[0]);
		expect(await new Recorder(db).deviceId()).toBe(ids[0]);
		expect(await db.device.count()).toBe(1);
	});
});

describe('a sealed attempt', () => {
	it('holds nothing readable but its uuid and key id, and opens with the private key', async () => {
		const db = database();
		const { pair, key } = await trainer();
		const recorder = new Recorder(db, now);
		const writer = await recorder.start(key, newAttempt);
		await writer.recordAnswer(answer('passport', true));
		await writer.recordAnswer(answer('hotline', false));
		await writer.recordAnswer(answer('contract', true));
		expect(await writer.end()).toEqual({
			finishedAt: '2025-03-03T08:42:00.000Z',
			status: 'finished'
		});

		const text = await dump(db);
		for (const secret of ['Grade 8B', 'K-07-2', 'passport', 'hotline', 'before-the-sessions']) {
			expect(text, secret).not.toContain(secret);
		}
		expect(await db.progress.count()).toBe(0);

		const record = (await db.sealed.get(writer.uuid))!;
		expect(record.keyId).toBe(key.keyId);
		const opened = await openAttempt(await recipient(pair.privateKey), record);
		expect(opened).toMatchObject({
			ok: true,
			attempt: {
				uuid: writer.uuid,
				classLabel: 'Grade 8B',
				pairingCode: 'K-07-2',
				startedAt: '2025-03-03T08:42:00.000Z',
				status: 'finished',
				score: 2,
				maxScore: 3,
				source: 'tablet',
				answers: [answer('passport', true), answer('hotline', false), answer('contract', true)]
			}
		});
	});

	it('cannot have a part moved into another attempt: each part opens only under its own id', async () => {
		const db = database();
		const { pair, key } = await trainer();
		const recorder = new Recorder(db, now);
		const first = await recorder.start(key, newAttempt);
		await first.recordAnswer(answer('passport', true));
		const second = await recorder.start(key, { ...newAttempt, pairingCode: 'S-01-0' });
		const victim = (await db.sealed.get(second.uuid))!;
		const moved = { ...victim, parts: [(await db.sealed.get(first.uuid))!.parts[0]!] };
		const trainerKey = await recipient(pair.privateKey);
		expect(await openAttempt(trainerKey, moved)).toEqual({ ok: false, problem: 'undecryptable' });
		expect(await openAttempt(trainerKey, victim)).toMatchObject({ ok: true });
	});

	it('is refused by another trainer key', async () => {
		const db = database();
		const { key } = await trainer();
		const other = await trainer();
		const writer = await new Recorder(db, now).start(key, newAttempt);
		const record = (await db.sealed.get(writer.uuid))!;
		expect(await openAttempt(await recipient(other.pair.privateKey), record)).toEqual({
			ok: false,
			problem: 'undecryptable'
		});
	});

	it('keeps in clear, while open, which questions have an answer but never the answers', async () => {
		const db = database();
		const { key } = await trainer();
		const writer = await new Recorder(db, now).start(key, newAttempt);
		await writer.recordAnswer({ ...answer('passport'), given: ['c', 'b'] });
		const open = (await db.progress.get(writer.uuid))!;
		expect(open.answered).toEqual(['passport']);
		expect(JSON.stringify(open)).not.toContain('Grade 8B');
		expect(JSON.stringify(open)).not.toMatch(/"given"|"correct"/);
	});

	it('records a question once, whichever tab saves it first', async () => {
		const db = database();
		const { pair, key } = await trainer();
		const first = await new Recorder(db, now).start(key, newAttempt);
		const second = await new Recorder(database(db.name), now).resume(key, first.uuid);
		await second.recordAnswer(answer('passport', false));
		expect((await rejection(first.recordAnswer(answer('passport', true)))).failure).toBe(
			'duplicate'
		);
		await first.recordAnswer(answer('hotline', true));
		await first.end();
		const opened = await openAttempt(
			await recipient(pair.privateKey),
			(await db.sealed.get(first.uuid))!
		);
		expect(opened.ok && opened.attempt.answers.map((given) => given.questionId)).toEqual([
			'hotline',
			'passport'
		]);
		expect(opened.ok && opened.attempt.status).toBe('unfinished');
	});

	it('refuses an answer once the attempt was closed elsewhere, and ends only once', async () => {
		const db = database();
		const { key } = await trainer();
		const recorder = new Recorder(db, now);
		const writer = await recorder.start(key, newAttempt);
		expect(await recorder.close(key, writer.uuid)).toMatchObject({ status: 'unfinished' });
		expect((await rejection(writer.recordAnswer(answer('passport')))).failure).toBe('closed');
		expect(await writer.end()).toBeUndefined();
		expect(await recorder.close(key, writer.uuid)).toBeUndefined();
		expect(await recorder.openAttempts()).toEqual([]);
	});

	it('carries on after a reload in a part of its own, and the trainer reads both parts as one', async () => {
		const db = database();
		const { pair, key } = await trainer();
		const before = await new Recorder(db, now).start(key, newAttempt);
		await before.recordAnswer(answer('passport', true));
		// The page reloads: a new page knows only which questions have an answer.
		const [open] = await new Recorder(db, now).openAttempts('before-the-sessions');
		expect(open).toMatchObject({ uuid: before.uuid, answered: ['passport'], seed: 12345 });
		const after = await new Recorder(db, now).resume(key, before.uuid);
		expect(after.answered).toEqual(['passport']);
		await after.recordAnswer(answer('hotline', true));
		await after.recordAnswer(answer('contract', false));
		await after.end();
		const record = (await db.sealed.get(before.uuid))!;
		expect(record.parts).toHaveLength(2);
		const opened = await openAttempt(await recipient(pair.privateKey), record);
		expect(opened).toMatchObject({ ok: true, attempt: { status: 'finished', score: 2 } });
	});

	it('cannot be carried on under another key', async () => {
		const db = database();
		const { key } = await trainer();
		const other = await trainer();
		const writer = await new Recorder(db, now).start(key, newAttempt);
		expect((await rejection(new Recorder(db, now).resume(other.key, writer.uuid))).failure).toBe(
			'closed'
		);
	});

	it('says plainly when the browser cannot store anything', async () => {
		const db = database();
		const { key } = await trainer();
		vi.spyOn(db.sealed, 'add').mockRejectedValue(
			Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
		);
		expect((await rejection(new Recorder(db, now).start(key, newAttempt))).failure).toBe('full');
		expect(await db.progress.count()).toBe(0);
	});
});

describe('records of an earlier version kept in clear', () => {
	it('are sealed to the key once one is here, with their answers, and the clear copies removed', async () => {
		const db = database();
		const { pair, key } = await trainer();
		await db.open();
		await db.attempts.bulkAdd([
			{
				uuid: '00000000-0000-4000-8000-000000000001',
				deviceId: '5f0c7a5e-3b1d-4c2a-9e8f-0a1b2c3d4e5f',
				...newAttempt,
				startedAt: '2025-03-01T01:00:00.000Z',
				finishedAt: '2025-03-01T01:10:00.000Z',
				status: 'finished',
				score: 1,
				maxScore: 1
			},
			{
				uuid: '00000000-0000-4000-8000-000000000002',
				deviceId: '5f0c7a5e-3b1d-4c2a-9e8f-0a1b2c3d4e5f',
				...newAttempt,
				startedAt: '2025-03-01T02:00:00.000Z',
				finishedAt: null,
				status: 'unfinished',
				score: 0
			}
		]);
		await db.answers.add({
			attemptUuid: '00000000-0000-4000-8000-000000000001',
			questionId: 'passport',
			given: ['b'],
			correct: true,
			ms: 4000
		});
		const recorder = new Recorder(db, now);
		expect(await recorder.legacyCount()).toBe(2);
		expect(await recorder.sealLegacy(key)).toBe(2);
		expect(await db.attempts.count()).toBe(0);
		expect(await db.answers.count()).toBe(0);
		expect(await dump(db)).not.toContain('Grade 8B');
		const open = await recipient(pair.privateKey);
		const first = await openAttempt(
			open,
			(await db.sealed.get('00000000-0000-4000-8000-000000000001'))!
		);
		expect(first).toMatchObject({
			ok: true,
			attempt: { status: 'finished', score: 1, answers: [{ questionId: 'passport', given: ['b'] }] }
		});
		const second = await openAttempt(
			open,
			(await db.sealed.get('00000000-0000-4000-8000-000000000002'))!
		);
		expect(second).toMatchObject({
			ok: true,
			attempt: { status: 'unfinished', finishedAt: '2025-03-03T08:42:00.000Z', answers: [] }
		});
		expect(await recorder.sealLegacy(key)).toBe(0);
	});
});

describe('the check before students start', () => {
	it('passes where storage works, and names what fails where it does not', async () => {
		const db = database();
		expect(await checkStorage(new Recorder(db, now))).toMatchObject({ ok: true });
		const broken = database();
		vi.spyOn(broken, 'open').mockRejectedValue(
			Object.assign(new Error('no'), { name: 'MissingAPIError' })
		);
		expect(await checkStorage(new Recorder(broken, now))).toEqual({
			ok: false,
			failure: 'unavailable'
		});
		expect(storageFailure(Object.assign(new Error(), { name: 'QuotaExceededError' }))).toBe('full');
	});

	it('asks the browser to keep results, and says when it cannot be asked', async () => {
		expect(await requestPersistence(undefined)).toBeNull();
		const storage = { persisted: async () => false, persist: async () => true };
		expect(await requestPersistence(storage as unknown as StorageManager)).toBe(true);
	});
});
