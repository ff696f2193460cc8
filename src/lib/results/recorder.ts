/**
 * Recording attempts and answers as they happen. Each answer is its own transaction,
 * written the moment it is given: what was saved survives a reload, a closed tab or a flat
 * battery, and an answer is stored whole or not at all. An attempt ends "finished" when every
 * question has an answer, otherwise "unfinished" (the student left, or the tablet sat idle).
 */
import type { Locale } from '$lib/content/types';
import type { Purpose } from '$lib/quiz/types';
import {
	resultsDb,
	storageFailure,
	type AnswerRecord,
	type AttemptRecord,
	type ResultsDatabase,
	type StorageFailure
} from './db';
import { randomUuid, toMinute } from './ids';

/** Why a write did not happen: a storage failure, or the attempt was already over. */
export class RecordingError extends Error {
	constructor(
		readonly failure: StorageFailure | 'closed',
		options?: { cause?: unknown }
	) {
		super(`the answer was not recorded (${failure})`, options);
		this.name = 'RecordingError';
	}
}

function asRecordingError(error: unknown): RecordingError {
	return error instanceof RecordingError
		? error
		: new RecordingError(storageFailure(error), { cause: error });
}

export interface NewAttempt {
	quizId: string;
	quizVersion: string;
	purpose: Purpose;
	classLabel: string;
	locale: Locale;
	maxScore: number;
	seed: number;
	pairingCode: string | null;
}

export class Recorder {
	readonly #db: ResultsDatabase;
	readonly #now: () => Date;

	constructor(db: ResultsDatabase = resultsDb(), now: () => Date = () => new Date()) {
		this.#db = db;
		this.#now = now;
	}

	async #run<T>(work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			throw asRecordingError(error);
		}
	}

	/** Opens the database and makes sure this device has its id: the check before a student starts. */
	async open(): Promise<string> {
		return this.#run(async () => {
			await this.#db.open();
			return this.deviceId();
		});
	}

	/** This device's random id, made on first use (once, even with two tabs racing). */
	async deviceId(): Promise<string> {
		return this.#run(() =>
			this.#db.transaction('rw', this.#db.device, async () => {
				const device = await this.#db.device.get('this');
				if (device) return device.id;
				const id = randomUuid();
				await this.#db.device.add({ key: 'this', id, createdAt: toMinute(this.#now()) });
				return id;
			})
		);
	}

	async startAttempt(input: NewAttempt): Promise<AttemptRecord> {
		return this.#run(async () => {
			const attempt: AttemptRecord = {
				uuid: randomUuid(),
				deviceId: await this.deviceId(),
				...input,
				startedAt: toMinute(this.#now()),
				finishedAt: null,
				status: 'unfinished',
				score: 0
			};
			await this.#db.attempts.add(attempt);
			return attempt;
		});
	}

	/**
	 * Saves one answer and the attempt's running score together. Refused, with nothing
	 * written, if that question already has an answer (another tab answered it) or the
	 * attempt is over (closed in another tab, or by the idle reset).
	 */
	async recordAnswer(answer: AnswerRecord): Promise<AttemptRecord> {
		return this.#run(() =>
			this.#db.transaction('rw', this.#db.attempts, this.#db.answers, async () => {
				const attempt = await this.#db.attempts.get(answer.attemptUuid);
				if (!attempt || attempt.finishedAt !== null) throw new RecordingError('closed');
				await this.#db.answers.add({ ...answer, given: [...answer.given] });
				const updated = { ...attempt, score: attempt.score + (answer.correct ? 1 : 0) };
				await this.#db.attempts.put(updated);
				return updated;
			})
		);
	}

	/**
	 * Ends an attempt: "finished" if every question was answered, else "unfinished". The score
	 * is counted from the saved answers. Ending an attempt already over changes nothing.
	 */
	async endAttempt(uuid: string): Promise<AttemptRecord | undefined> {
		return this.#run(() =>
			this.#db.transaction('rw', this.#db.attempts, this.#db.answers, async () => {
				const attempt = await this.#db.attempts.get(uuid);
				if (!attempt || attempt.finishedAt !== null) return attempt;
				const answers = await this.#db.answers.where('attemptUuid').equals(uuid).toArray();
				const ended: AttemptRecord = {
					...attempt,
					finishedAt: toMinute(this.#now()),
					status: answers.length >= attempt.maxScore ? 'finished' : 'unfinished',
					score: answers.filter((answer) => answer.correct).length
				};
				await this.#db.attempts.put(ended);
				return ended;
			})
		);
	}

	/** The latest attempt at this quiz on this device that is still open, if any. */
	async openAttempt(quizId: string): Promise<AttemptRecord | undefined> {
		return this.#run(async () => {
			const deviceId = await this.deviceId();
			const open = await this.#db.attempts
				.where('[quizId+status]')
				.equals([quizId, 'unfinished'])
				.filter((attempt) => attempt.finishedAt === null && attempt.deviceId === deviceId)
				.toArray();
			return open.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
		});
	}

	async attempt(uuid: string): Promise<AttemptRecord | undefined> {
		return this.#run(() => this.#db.attempts.get(uuid));
	}

	async answersOf(uuid: string): Promise<AnswerRecord[]> {
		return this.#run(() => this.#db.answers.where('attemptUuid').equals(uuid).toArray());
	}
}
