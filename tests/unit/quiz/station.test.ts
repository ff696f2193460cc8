import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appUpdate } from '$lib/pwa/update.svelte';
import { ResultsDatabase } from '$lib/results/db';
import { Recorder } from '$lib/results/recorder';
import { Station } from '$lib/quiz/station.svelte';
import { quiz } from './questions';

let count = 0;
const opened: ResultsDatabase[] = [];
const stations: Station[] = [];

function database(name = `station-${++count}`): ResultsDatabase {
	const db = new ResultsDatabase(name);
	opened.push(db);
	return db;
}

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	for (const made of stations.splice(0)) made.dispose();
	for (const db of opened.splice(0)) db.close();
});

/** A station set up for class 8B, past the storage check, on its Start screen. */
async function station(db = database(), which = quiz): Promise<Station> {
	const made = new Station(which, new Recorder(db));
	stations.push(made);
	await made.init();
	made.saveSetup('Grade 8B', 3);
	return made;
}

/** The first option as shown, or the order as shown: a complete answer to the current question. */
function anyAnswer(made: Station): string[] {
	const screen = made.screen;
	if (screen.kind !== 'question') throw new Error(`not on a question but on ${screen.kind}`);
	const question = made.quiz.questions[screen.index]!;
	const order = made.order(question);
	return question.type === 'order' ? order : [order[0]!];
}

async function settled(made: Station): Promise<void> {
	await vi.waitFor(() => expect(made.saving).toBe(0));
}

describe('a quiz station', () => {
	it('opens on its setup until a class label is given, then on Start', async () => {
		const made = new Station(quiz, new Recorder(database()));
		stations.push(made);
		await made.init();
		expect(made.screen.kind).toBe('setup');
		made.saveSetup('   ', 3);
		expect(made.screen.kind).toBe('setup');
		made.saveSetup('  Grade\n8B ', 5);
		expect(made.screen.kind).toBe('start');
		expect(made.settings).toEqual({ classLabel: 'Grade 8B', idleMinutes: 5 });
	});

	it('shows the feedback at once, without waiting for the answer to be saved', async () => {
		const made = await station();
		made.begin();
		await made.startAttempt(null);
		made.answer(anyAnswer(made));
		expect(made.screen.kind).toBe('feedback');
		expect(made.saving).toBe(1);
		await settled(made);
	});

	it('refuses an incomplete answer and stays on the question', async () => {
		const made = await station();
		await made.startAttempt(null);
		made.answer([]);
		made.answer(['not-an-option']);
		expect(made.screen).toEqual({ kind: 'question', index: 0 });
	});

	it('keeps the new-version prompt hidden from Start until the student is done', async () => {
		appUpdate.offer(async () => {});
		const made = await station();
		expect(appUpdate.prompt).toBe(true);
		await made.startAttempt(null);
		expect(appUpdate.prompt).toBe(false);
		while (made.screen.kind !== 'end') {
			made.answer(anyAnswer(made));
			made.next();
		}
		expect(appUpdate.prompt).toBe(false);
		made.done();
		expect(appUpdate.prompt).toBe(true);
		expect(made.screen.kind).toBe('start');
		appUpdate.dismiss();
	});

	it('ends at the score with every answer saved and the attempt finished', async () => {
		const db = database();
		const made = await station(db);
		await made.startAttempt('K-07-2');
		while (made.screen.kind !== 'end') {
			made.answer(anyAnswer(made));
			made.next();
		}
		expect(made.screen.result.maxScore).toBe(4);
		await settled(made);
		const [attempt] = await db.attempts.toArray();
		expect(attempt).toMatchObject({
			status: 'finished',
			pairingCode: 'K-07-2',
			classLabel: 'Grade 8B'
		});
		expect(attempt!.score).toBe(made.screen.result.score);
		expect(await db.answers.count()).toBe(4);
	});

	it('says so when an answer cannot be saved, and keeps what was saved before', async () => {
		const db = database();
		const made = await station(db);
		await made.startAttempt(null);
		made.answer(anyAnswer(made));
		await settled(made);
		made.next();
		vi.spyOn(db.answers, 'add').mockRejectedValue(
			new DOMException('no room', 'QuotaExceededError')
		);
		made.answer(anyAnswer(made));
		expect(made.screen.kind).toBe('feedback');
		await vi.waitFor(() => expect(made.notice).toEqual({ kind: 'save-failed', failure: 'full' }));
		vi.restoreAllMocks();
		expect(await db.answers.count()).toBe(1);
	});

	it('goes back to Start after the idle minutes, closing the attempt as unfinished', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const db = database();
		const made = await station(db);
		await made.startAttempt(null);
		made.answer(anyAnswer(made));
		vi.advanceTimersByTime(2 * 60_000);
		made.touch();
		vi.advanceTimersByTime(2 * 60_000);
		expect(made.screen.kind).toBe('feedback');
		vi.advanceTimersByTime(60_000);
		expect(made.screen.kind).toBe('start');
		expect(made.answered.size).toBe(0);
		await settled(made);
		expect(await db.attempts.toArray()).toEqual([
			expect.objectContaining({ status: 'unfinished', finishedAt: expect.any(String) })
		]);
	});

	it('records nothing when a student leaves before the quiz starts', async () => {
		const db = database();
		const made = await station(db);
		made.begin();
		expect(made.screen.kind).toBe('pairing');
		made.leave();
		expect(made.screen.kind).toBe('start');
		expect(await db.attempts.count()).toBe(0);
	});

	it('offers to resume an open attempt after a reload, at the first unanswered question', async () => {
		const db = database();
		const before = await station(db);
		await before.startAttempt(null);
		before.answer(anyAnswer(before));
		await settled(before);
		before.dispose();

		const after = new Station(quiz, new Recorder(database(db.name)));
		stations.push(after);
		await after.init();
		expect(after.screen).toMatchObject({ kind: 'resume', answered: 1, resumable: true });
		await after.resume();
		expect(after.screen).toEqual({ kind: 'question', index: 1 });
		expect(after.order(quiz.questions[1]!)).toEqual(before.order(quiz.questions[1]!));
	});

	it('only lets an attempt started on other wording be closed, keeping its answers', async () => {
		const db = database();
		const before = await station(db);
		await before.startAttempt(null);
		before.answer(anyAnswer(before));
		await settled(before);

		const changed = { ...quiz, version: 'another12345' };
		const after = new Station(changed, new Recorder(database(db.name)));
		stations.push(after);
		await after.init();
		expect(after.screen).toMatchObject({ kind: 'resume', resumable: false });
		await after.resume();
		expect(after.screen.kind).toBe('resume');
		await after.closeOpenAttempt();
		expect(after.screen.kind).toBe('setup'); // a new device: no class label saved here
		expect(await db.attempts.toArray()).toEqual([
			expect.objectContaining({ status: 'unfinished' })
		]);
		expect(await db.answers.count()).toBe(1);
	});
});
