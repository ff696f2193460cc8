import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPair, recipient } from '$lib/crypto/hpke';
import { appUpdate } from '$lib/pwa/update.svelte';
import { ResultsDatabase } from '$lib/results/db';
import { installStationKey } from '$lib/results/keys';
import { Recorder } from '$lib/results/recorder';
import { openAttempt } from '$lib/results/unseal';
import { Station } from '$lib/quiz/station.svelte';
import type { Quiz } from '$lib/quiz/types';
import { quiz } from './questions';

let count = 0;
const opened: ResultsDatabase[] = [];
const stations: Station[] = [];

/** The browser's per-tab storage and how the page was loaded, as the station reads them. */
let session: Map<string, string>;
let navigation: 'navigate' | 'reload' | 'back_forward';

beforeEach(() => {
	session = new Map();
	navigation = 'navigate';
	vi.stubGlobal('sessionStorage', {
		getItem: (key: string) => session.get(key) ?? null,
		setItem: (key: string, value: string) => void session.set(key, value),
		removeItem: (key: string) => void session.delete(key)
	});
	vi.spyOn(performance, 'getEntriesByType').mockImplementation(
		() => [{ type: navigation }] as unknown as PerformanceEntryList
	);
});

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
	for (const made of stations.splice(0)) made.dispose();
	for (const db of opened.splice(0)) db.close();
});

function database(name = `station-${++count}`): ResultsDatabase {
	const db = new ResultsDatabase(name);
	opened.push(db);
	return db;
}

/** A station with the trainer's key installed, set up for class 8B, on its Start screen. */
async function station(
	db = database(),
	which: Quiz = quiz
): Promise<{ made: Station; privateKey: Uint8Array }> {
	const { publicKey, privateKey } = await generateKeyPair();
	await db.open();
	await installStationKey(publicKey, new Date(), db);
	const made = new Station(which, new Recorder(db));
	stations.push(made);
	await made.init();
	made.saveSetup('Grade 8B', 3);
	return { made, privateKey };
}

/** The first option as shown, or the order as shown: a complete answer to the current question. */
function anyAnswer(made: Station): string[] {
	const screen = made.screen;
	if (screen.kind !== 'question') throw new Error(`not on a question but on ${screen.kind}`);
	const question = made.quiz.questions[screen.index]!;
	const order = made.order(question);
	return question.type === 'order' ? order : [order[0]!];
}

async function startAssessment(made: Station, code: string | null = null): Promise<void> {
	made.begin();
	expect(made.screen.kind).toBe('pairing');
	await made.startAttempt(code);
}

describe('a pre or post quiz station', () => {
	it('keeps Start shut until the trainer key and the class label are there', async () => {
		const db = database();
		const bare = new Station(quiz, new Recorder(db));
		stations.push(bare);
		bare.saveSetup('', 3);
		await bare.init();
		expect(bare.screen.kind).toBe('start');
		expect(bare.blocker).toBe('no-key');
		bare.begin();
		expect(bare.screen.kind).toBe('start');

		await installStationKey((await generateKeyPair()).publicKey, new Date(), db);
		await bare.keysChanged();
		expect(bare.blocker).toBe('no-class');
		bare.saveSetup('  Grade\n8B ', 5);
		expect(bare.blocker).toBeNull();
		expect(bare.settings).toEqual({ classLabel: 'Grade 8B', idleMinutes: 5 });
	});

	it('refuses a class label with a text-direction mark or over 40 characters, and keeps 40 Khmer clusters whole', async () => {
		const { made } = await station();
		expect(made.saveSetup('Grade\u202e 8A', 5)).toBe('hidden-characters');
		expect(made.saveSetup('Grade\u0007 8A', 5)).toBe('hidden-characters');
		expect(made.saveSetup('x'.repeat(41), 5)).toBe('too-long');
		expect(made.saveSetup(' \u200b ', 5)).toBe('empty');
		expect(made.settings).toEqual({ classLabel: 'Grade 8B', idleMinutes: 3 });
		const khmer = 'ថ្នាក់'.repeat(20); // 40 clusters, 120 UTF-16 units
		expect(made.saveSetup(khmer, 5)).toBeUndefined();
		expect(made.settings).toEqual({ classLabel: khmer, idleMinutes: 5 });
	});

	it('shows no right answer: the next question appears only once the answer is saved', async () => {
		const db = database();
		const { made } = await station(db);
		await startAssessment(made);
		const pending = made.answer(anyAnswer(made));
		expect(made.saving).toBe(true);
		expect(made.screen).toEqual({ kind: 'question', index: 0 });
		await pending;
		expect(made.screen).toEqual({ kind: 'question', index: 1 });
		expect((await db.progress.toArray())[0]!.answered).toEqual([quiz.questions[0]!.id]);
	});

	it('ends on a thank-you without a score, only once the attempt is saved as finished', async () => {
		const db = database();
		const { made, privateKey } = await station(db);
		await startAssessment(made, 'K-07-2');
		while (made.screen.kind === 'question') await made.answer(anyAnswer(made));
		expect(made.screen).toEqual({ kind: 'thanks', messages: null });
		expect(await db.progress.count()).toBe(0);
		const [record] = await db.sealed.toArray();
		const opened = await openAttempt(await recipient(privateKey), record!);
		expect(opened).toMatchObject({
			ok: true,
			attempt: { status: 'finished', pairingCode: 'K-07-2', classLabel: 'Grade 8B' }
		});
		expect(opened.ok && opened.attempt.answers).toHaveLength(4);
	});

	it('shows the key messages at the end of the post quiz', async () => {
		const { made } = await station(database(), { ...quiz, purpose: 'post' });
		await startAssessment(made);
		while (made.screen.kind === 'question') await made.answer(anyAnswer(made));
		expect(made.screen).toEqual({ kind: 'thanks', messages: quiz.messages });
	});

	it('ignores a second answer while the first is being saved (a double tap)', async () => {
		const db = database();
		const { made } = await station(db);
		await startAssessment(made);
		const given = anyAnswer(made);
		const first = made.answer(given);
		await made.answer(given);
		await first;
		expect((await db.progress.toArray())[0]!.answered).toHaveLength(1);
	});

	it('says so when an answer cannot be saved, stays on the question, and keeps what was saved', async () => {
		const db = database();
		const { made } = await station(db);
		await startAssessment(made);
		await made.answer(anyAnswer(made));
		vi.spyOn(db.sealed, 'put').mockRejectedValue(new DOMException('no room', 'QuotaExceededError'));
		await made.answer(anyAnswer(made));
		expect(made.screen).toEqual({ kind: 'question', index: 1 });
		expect(made.notice).toEqual({ kind: 'save-failed', failure: 'full' });
		vi.restoreAllMocks();
		expect((await db.progress.toArray())[0]!.answered).toHaveLength(1);
	});

	it('keeps the new-version prompt hidden from Start until the student is done', async () => {
		appUpdate.offer(async () => {});
		const { made } = await station();
		expect(appUpdate.prompt).toBe(true);
		await startAssessment(made);
		expect(appUpdate.prompt).toBe(false);
		while (made.screen.kind === 'question') await made.answer(anyAnswer(made));
		expect(appUpdate.prompt).toBe(false);
		made.done();
		expect(appUpdate.prompt).toBe(true);
		appUpdate.dismiss();
	});

	it('asks once before Leave, then closes the attempt as unfinished', async () => {
		const db = database();
		const { made } = await station(db);
		await startAssessment(made);
		await made.answer(anyAnswer(made));
		made.askLeave();
		expect(made.confirmingLeave).toBe(true);
		made.cancelLeave();
		expect(made.screen.kind).toBe('question');
		made.askLeave();
		made.leave();
		expect(made.screen.kind).toBe('start');
		await vi.waitFor(async () => expect(await db.progress.count()).toBe(0));
	});

	it('goes back to Start after the idle minutes, closing the attempt', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const db = database();
		const { made } = await station(db);
		await startAssessment(made);
		vi.advanceTimersByTime(2 * 60_000);
		made.touch();
		vi.advanceTimersByTime(2 * 60_000);
		expect(made.screen.kind).toBe('question');
		vi.advanceTimersByTime(60_000);
		expect(made.screen.kind).toBe('start');
		vi.useRealTimers();
		await vi.waitFor(async () => expect(await db.progress.count()).toBe(0));
	});

	it('carries the student’s own reload on at the next question, with the same option order', async () => {
		const db = database();
		const { made: before } = await station(db);
		await startAssessment(before);
		await before.answer(anyAnswer(before));
		const order = before.order(quiz.questions[1]!);
		before.dispose();

		navigation = 'reload';
		const after = new Station(quiz, new Recorder(database(db.name)));
		stations.push(after);
		await after.init();
		expect(after.screen).toEqual({ kind: 'question', index: 1 });
		expect(after.interrupted).toEqual([]);
		expect(after.order(quiz.questions[1]!)).toEqual(order);
	});

	it('offers an attempt left by Back or a closed tab to the teacher only, never to the next student', async () => {
		const db = database();
		const { made: first, privateKey } = await station(db);
		await startAssessment(first);
		await first.answer(anyAnswer(first));
		first.hide(true); // Back: the page goes into the back-forward cache
		expect(first.screen.kind).toBe('start');

		const next = new Station(quiz, new Recorder(database(db.name)));
		stations.push(next);
		await next.init();
		next.saveSetup('Grade 8B', 3);
		expect(next.screen.kind).toBe('start');
		expect(next.interrupted).toHaveLength(1);
		next.begin();
		expect(next.screen.kind).toBe('pairing'); // a new attempt, not the old one
		next.leave();

		next.openTeacher();
		expect(next.screen.kind).toBe('teacher');
		await next.closeInterrupted(next.interrupted[0]!.uuid);
		expect(next.interrupted).toEqual([]);
		const [record] = await db.sealed.toArray();
		const opened = await openAttempt(await recipient(privateKey), record!);
		expect(opened).toMatchObject({
			ok: true,
			attempt: { status: 'unfinished', score: expect.any(Number) }
		});
		expect(opened.ok && opened.attempt.answers).toHaveLength(1);
	});

	it('lets the teacher resume an interrupted attempt where it stopped', async () => {
		const db = database();
		const { made: first } = await station(db);
		await startAssessment(first);
		await first.answer(anyAnswer(first));
		first.dispose();

		const later = new Station(quiz, new Recorder(database(db.name)));
		stations.push(later);
		await later.init();
		later.openTeacher();
		await later.resume(later.interrupted[0]!.uuid);
		expect(later.screen).toEqual({ kind: 'question', index: 1 });
	});

	it('only lets an attempt at other wording be closed, not resumed', async () => {
		const db = database();
		const { made: first } = await station(db);
		await startAssessment(first);
		first.dispose();
		const changed = new Station(
			{ ...quiz, version: 'another12345' },
			new Recorder(database(db.name))
		);
		stations.push(changed);
		await changed.init();
		changed.openTeacher();
		expect(changed.resumable(changed.interrupted[0]!)).toBe(false);
		await changed.resume(changed.interrupted[0]!.uuid);
		expect(changed.screen.kind).toBe('teacher');
	});
});

describe('a practice quiz station', () => {
	const practice: Quiz = { ...quiz, purpose: 'practice', pair: null, lesson: 'documents' };

	it('needs no key, shows feedback at once, ends with the score, and records nothing', async () => {
		const db = database();
		const made = new Station(practice, new Recorder(db));
		stations.push(made);
		await made.init();
		expect(made.blocker).toBeNull();
		made.begin();
		while (made.screen.kind !== 'end') {
			await made.answer(anyAnswer(made));
			expect(made.screen.kind).toBe('feedback');
			made.next();
		}
		expect(made.screen.result.maxScore).toBe(4);
		made.done();
		expect(session.size).toBe(0);
		await db.open();
		expect(await db.sealed.count()).toBe(0);
	});

	it('carries on after the student’s own reload, but not when the page is opened again', async () => {
		const first = new Station(practice, new Recorder(database()));
		stations.push(first);
		await first.init();
		first.begin();
		await first.answer(anyAnswer(first));
		first.next();
		first.dispose();

		navigation = 'reload';
		const reloaded = new Station(practice, new Recorder(database()));
		stations.push(reloaded);
		await reloaded.init();
		expect(reloaded.screen).toEqual({ kind: 'question', index: 1 });
		reloaded.dispose();

		navigation = 'navigate';
		const reopened = new Station(practice, new Recorder(database()));
		stations.push(reopened);
		await reopened.init();
		expect(reopened.screen.kind).toBe('start');
		expect(session.size).toBe(0);
	});
});
