import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { keyId } from '$lib/crypto/fingerprint';
import { generateKeyPair, recipient } from '$lib/crypto/hpke';
import { PAPER_SEED, parseSheet, sheetAnswers } from '$lib/quiz/paper';
import { ResultsDatabase } from '$lib/results/db';
import { Recorder, type NewAttempt } from '$lib/results/recorder';
import { RecordingError } from '$lib/results/recording-error';
import { openAttempt } from '$lib/results/unseal';
import { quiz } from '../quiz/questions';

const opened: ResultsDatabase[] = [];
let count = 0;

function database(): ResultsDatabase {
	const db = new ResultsDatabase(`paper-${++count}`);
	opened.push(db);
	return db;
}

afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

const sheet: NewAttempt = {
	quizId: quiz.id,
	quizVersion: quiz.version,
	purpose: 'pre',
	classLabel: 'Grade 8B',
	locale: 'en',
	maxScore: quiz.questions.length,
	seed: PAPER_SEED,
	pairingCode: 'K-07-2',
	source: 'paper'
};

async function trainer() {
	const pair = await generateKeyPair();
	return { pair, key: { publicKey: pair.publicKey, keyId: await keyId(pair.publicKey) } };
}

describe('recording a paper sheet', () => {
	const now = () => new Date('2026-03-03T02:20:31.456Z');

	it('saves one sealed record the trainer opens as a finished paper attempt, nothing in progress', async () => {
		const db = database();
		const { pair, key } = await trainer();
		const given = parseSheet(quiz, 'c a ac abcd').given;
		const { uuid, end } = await new Recorder(db, now).recordWhole(
			key,
			sheet,
			sheetAnswers(quiz, given)
		);
		expect(end).toEqual({ finishedAt: '2026-03-03T02:20:00.000Z', status: 'finished' });
		expect(await db.progress.count()).toBe(0);
		const record = (await db.sealed.get(uuid))!;
		expect(record.parts).toHaveLength(1);
		const result = await openAttempt(await recipient(pair.privateKey), record);
		if (!result.ok) throw new Error(result.problem);
		expect(result.attempt).toMatchObject({
			source: 'paper',
			status: 'finished',
			startedAt: '2026-03-03T02:20:00.000Z',
			pairingCode: 'K-07-2',
			classLabel: 'Grade 8B',
			maxScore: 4,
			score: sheetAnswers(quiz, given).filter((answer) => answer.correct).length
		});
		expect(result.attempt.answers.every((answer) => answer.ms === 0)).toBe(true);
	});

	it('marks a sheet with a blank unfinished, as a tablet attempt with a question unanswered', async () => {
		const db = database();
		const { pair, key } = await trainer();
		const answers = sheetAnswers(quiz, parseSheet(quiz, 'c - ac abcd').given);
		const { uuid, end } = await new Recorder(db, now).recordWhole(key, sheet, answers);
		expect(end.status).toBe('unfinished');
		const result = await openAttempt(
			await recipient(pair.privateKey),
			(await db.sealed.get(uuid))!
		);
		expect(result.ok && result.attempt.answers).toHaveLength(3);
	});

	it('keeps nothing of a sheet whose write fails', async () => {
		const db = database();
		const { key } = await trainer();
		const recorder = new Recorder(db, now);
		await recorder.open();
		db.sealed.hook('creating', () => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const error = await recorder.recordWhole(key, sheet, []).catch((reason: unknown) => reason);
		expect(error).toBeInstanceOf(RecordingError);
		expect((error as RecordingError).failure).toBe('full');
		expect(await db.sealed.count()).toBe(0);
	});
});
