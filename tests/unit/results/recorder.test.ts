import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResultsDatabase, storageFailure } from '$lib/results/db';
import { UUID } from '$lib/results/ids';
import { Recorder, RecordingError, type NewAttempt } from '$lib/results/recorder';
import { checkStorage, requestPersistence } from '$lib/results/storage';

const opened: ResultsDatabase[] = [];
let count = 0;

/** A database of its own for each test; `name` to open a second connection to it. */
function database(name = `results-${++count}`): ResultsDatabase {
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

const answer = (attemptUuid: string, questionId: string, correct = true) => ({
	attemptUuid,
	questionId,
	given: ['a'],
	correct,
	ms: 5000
});

async function rejection(promise: Promise<unknown>): Promise<RecordingError> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason
	);
	expect(error).toBeInstanceOf(RecordingError);
	return error as RecordingError;
}

describe('the device id', () => {
	it('is a random UUID made once and kept', async () => {
		const db = database();
		const first = await new Recorder(db).deviceId();
		expect(first).toMatch(UUID);
		expect(await new Recorder(db).deviceId()).toBe(first);
		expect(await new Recorder(database(db.name)).deviceId()).toBe(first);
	});

	it('is made once even when two tabs ask at the same moment', async () => {
		const db = database();
		const ids = await Promise.all([
			new Recorder(db).deviceId(),
			new Recorder(database(db.name)).deviceId()
		]);
		expect(ids[0]).toBe(ids[1]);
		expect(await db.device.count()).toBe(1);
	});
});

describe('recording an attempt', () => {
	it('starts an open attempt with its quiz, version, class label, seed and times to the minute', async () => {
		const db = database();
		const recorder = new Recorder(db, now);
		const attempt = await recorder.startAttempt(newAttempt);
		expect(attempt.uuid).toMatch(UUID);
		expect(await db.attempts.get(attempt.uuid)).toEqual({
			...newAttempt,
			uuid: attempt.uuid,
			deviceId: await recorder.deviceId(),
			startedAt: '2025-03-03T08:42:00.000Z',
			finishedAt: null,
			status: 'unfinished',
			score: 0
		});
	});

	it('saves each answer whole, with the running score', async () => {
		const db = database();
		const recorder = new Recorder(db, now);
		const { uuid } = await recorder.startAttempt(newAttempt);
		await recorder.recordAnswer({ ...answer(uuid, 'passport'), given: ['c', 'a'], ms: 8123 });
		const updated = await recorder.recordAnswer(answer(uuid, 'hotline', false));
		expect(updated.score).toBe(1);
		expect(await recorder.answersOf(uuid)).toEqual([
			{ attemptUuid: uuid, questionId: 'hotline', given: ['a'], correct: false, ms: 5000 },
			{ attemptUuid: uuid, questionId: 'passport', given: ['c', 'a'], correct: true, ms: 8123 }
		]);
		expect((await db.attempts.get(uuid))!.score).toBe(1);
	});

	it('refuses a second answer to the same question and keeps the first', async () => {
		const db = database();
		const recorder = new Recorder(db, now);
		const { uuid } = await recorder.startAttempt(newAttempt);
		await recorder.recordAnswer(answer(uuid, 'passport', true));
		const error = await rejection(
			recorder.recordAnswer({ ...answer(uuid, 'passport', false), given: ['b'] })
		);
		expect(error.failure).toBe('duplicate');
		expect(await recorder.answersOf(uuid)).toEqual([answer(uuid, 'passport', true)]);
		expect((await db.attempts.get(uuid))!.score).toBe(1);
	});

	it('lets two tabs answer the same question at once without duplicating or losing it', async () => {
		const db = database();
		const first = new Recorder(db, now);
		const second = new Recorder(database(db.name), now);
		const { uuid } = await first.startAttempt(newAttempt);
		const results = await Promise.allSettled([
			first.recordAnswer({ ...answer(uuid, 'passport'), given: ['a'] }),
			second.recordAnswer({ ...answer(uuid, 'passport'), given: ['b'] }),
			second.recordAnswer(answer(uuid, 'hotline'))
		]);
		expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		const saved = await first.answersOf(uuid);
		expect(saved.map((row) => [row.questionId, row.given])).toEqual([
			['hotline', ['a']],
			['passport', ['a']]
		]);
		expect((await db.attempts.get(uuid))!.score).toBe(2);
	});

	it('refuses answers to an attempt that is over, or that does not exist', async () => {
		const recorder = new Recorder(database(), now);
		const { uuid } = await recorder.startAttempt(newAttempt);
		await recorder.endAttempt(uuid);
		expect((await rejection(recorder.recordAnswer(answer(uuid, 'passport')))).failure).toBe(
			'closed'
		);
		expect(
			(await rejection(recorder.recordAnswer(answer('no-such-attempt', 'passport')))).failure
		).toBe('closed');
		expect(await recorder.answersOf(uuid)).toEqual([]);
	});

	it('ends an attempt as finished when every question has an answer', async () => {
		const recorder = new Recorder(database(), now);
		const { uuid } = await recorder.startAttempt(newAttempt);
		for (const id of ['passport', 'hotline', 'order'])
			await recorder.recordAnswer(answer(uuid, id, id !== 'order'));
		expect(await recorder.endAttempt(uuid)).toMatchObject({
			status: 'finished',
			score: 2,
			maxScore: 3,
			finishedAt: '2025-03-03T08:42:00.000Z'
		});
	});

	it('ends an attempt as unfinished when the student left early, keeping what was answered', async () => {
		const recorder = new Recorder(database(), now);
		const { uuid } = await recorder.startAttempt(newAttempt);
		await recorder.recordAnswer(answer(uuid, 'passport'));
		expect(await recorder.endAttempt(uuid)).toMatchObject({ status: 'unfinished', score: 1 });
		expect(await recorder.answersOf(uuid)).toHaveLength(1);
	});

	it('changes nothing when an attempt already over is ended again (say, from another tab)', async () => {
		const db = database();
		const recorder = new Recorder(db, now);
		const { uuid } = await recorder.startAttempt(newAttempt);
		const ended = await recorder.endAttempt(uuid);
		const later = new Recorder(database(db.name), () => new Date('2025-03-03T09:30:00Z'));
		expect(await later.endAttempt(uuid)).toEqual(ended);
		expect(await later.endAttempt('no-such-attempt')).toBeUndefined();
	});

	it('finds the open attempt of a quiz after a reload, and not one that is over', async () => {
		const db = database();
		const recorder = new Recorder(db, now);
		const over = await recorder.startAttempt(newAttempt);
		await recorder.endAttempt(over.uuid);
		await recorder.startAttempt({ ...newAttempt, quizId: 'another-quiz' });
		expect(await recorder.openAttempt(newAttempt.quizId)).toBeUndefined();
		const open = await recorder.startAttempt(newAttempt);
		const reloaded = new Recorder(database(db.name), now);
		expect(await reloaded.openAttempt(newAttempt.quizId)).toEqual(open);
	});
});

describe('storage failures', () => {
	it('names the kind of failure from the error, however deeply Dexie wraps it', () => {
		expect(storageFailure(new DOMException('full', 'QuotaExceededError'))).toBe('full');
		expect(storageFailure({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(
			'full'
		);
		expect(storageFailure({ name: 'OpenFailedError', inner: { name: 'InvalidStateError' } })).toBe(
			'unavailable'
		);
		expect(storageFailure({ name: 'MissingAPIError' })).toBe('unavailable');
		expect(storageFailure({ name: 'ConstraintError' })).toBe('duplicate');
		expect(storageFailure(new Error('something else'))).toBe('other');
		expect(storageFailure(undefined)).toBe('other');
	});

	it('says the database is unavailable when IndexedDB refuses to open (as in private mode)', async () => {
		vi.spyOn(indexedDB, 'open').mockImplementation(() => {
			throw new DOMException('The user denied permission', 'SecurityError');
		});
		expect(await checkStorage(new Recorder(database(), now), undefined)).toEqual({
			ok: false,
			failure: 'unavailable'
		});
	});

	it('says storage is full when almost no space is left, before a student starts', async () => {
		const storage = { estimate: async () => ({ quota: 100_000_000, usage: 99_900_000 }) };
		expect(await checkStorage(new Recorder(database(), now), storage as StorageManager)).toEqual({
			ok: false,
			failure: 'full'
		});
	});

	it('is ready when the database opens and there is room', async () => {
		const storage = { estimate: async () => ({ quota: 100_000_000, usage: 1_000 }) };
		const check = await checkStorage(new Recorder(database(), now), storage as StorageManager);
		expect(check).toEqual({ ok: true, deviceId: expect.stringMatching(UUID) });
	});

	it('keeps the answers already saved when the disk fills up mid-quiz', async () => {
		const db = database();
		const recorder = new Recorder(db, now);
		const { uuid } = await recorder.startAttempt(newAttempt);
		await recorder.recordAnswer(answer(uuid, 'passport'));
		vi.spyOn(db.answers, 'add').mockRejectedValue(
			new DOMException('no room', 'QuotaExceededError')
		);
		expect((await rejection(recorder.recordAnswer(answer(uuid, 'hotline')))).failure).toBe('full');
		vi.restoreAllMocks();
		expect(await recorder.answersOf(uuid)).toEqual([answer(uuid, 'passport')]);
		expect((await db.attempts.get(uuid))!.score).toBe(1);
	});
});

describe('persistent storage', () => {
	it('is asked for, and reports a refusal', async () => {
		const refused = { persisted: async () => false, persist: async () => false };
		expect(await requestPersistence(refused as unknown as StorageManager)).toBe(false);
		const granted = { persisted: async () => false, persist: async () => true };
		expect(await requestPersistence(granted as unknown as StorageManager)).toBe(true);
	});

	it('is not asked for again once granted, and is unknown where it cannot be asked', async () => {
		const persist = vi.fn(async () => true);
		const already = { persisted: async () => true, persist };
		expect(await requestPersistence(already as unknown as StorageManager)).toBe(true);
		expect(persist).not.toHaveBeenCalled();
		expect(await requestPersistence(undefined)).toBeNull();
	});
});
