/**
 * One tablet acting as a quiz station, passed from student to student. All of an attempt
 * lives here, in memory and in the results database: nothing in the address, nothing that
 * survives "Done". Answers are marked and shown at once while the write goes on behind
 * (a queue keeps start, answers and end in order); a failed write is shown, never hidden.
 */
import { SvelteMap } from 'svelte/reactivity';
import { appUpdate } from '$lib/pwa/update.svelte';
import type { AttemptRecord, StorageFailure } from '$lib/results/db';
import { Recorder, RecordingError } from '$lib/results/recorder';
import { checkStorage, requestPersistence, type StorageCheck } from '$lib/results/storage';
import { nextQuestionIndex, quizResult, type QuizResult } from './result';
import { isCompleteAnswer, isCorrect } from './scoring';
import { newSeed, presentedOrder } from './shuffle';
import {
	cleanClassLabel,
	readStationSettings,
	saveStationSettings,
	type StationSettings
} from './station-settings';
import type { Given, Question, Quiz } from './types';

export type Screen =
	| { kind: 'checking' }
	| { kind: 'setup' }
	| { kind: 'resume'; attempt: AttemptRecord; answered: number; resumable: boolean }
	| { kind: 'start' }
	| { kind: 'pairing' }
	| { kind: 'question'; index: number }
	| { kind: 'feedback'; index: number; given: Given; correct: boolean }
	| { kind: 'end'; result: QuizResult };

/** Something to tell the student or teacher, in words the interface chooses. */
export type Notice =
	| { kind: 'save-failed'; failure: Exclude<StorageFailure, 'duplicate'> }
	| { kind: 'answered-elsewhere' }
	| { kind: 'ended-elsewhere' }
	| { kind: 'start-failed'; failure: Exclude<StorageFailure, 'duplicate'> };

const studentScreens = new Set<Screen['kind']>(['pairing', 'question', 'feedback', 'end']);

export class Station {
	readonly quiz: Quiz;
	readonly #recorder: Recorder;
	screen = $state<Screen>({ kind: 'checking' });
	settings = $state<StationSettings>({ classLabel: '', idleMinutes: 3 });
	storage = $state<StorageCheck | undefined>();
	/** Whether the browser agreed to keep results when space runs low (null: cannot ask). */
	persisted = $state<boolean | null | undefined>();
	notice = $state<Notice | null>(null);
	/** Answers saved or being saved, by question id: whether each was right. */
	readonly answered = new SvelteMap<string, boolean>();
	/** How many writes have not finished yet. */
	saving = $state(0);

	#attempt: AttemptRecord | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	#release: (() => void) | undefined;
	#idle: ReturnType<typeof setTimeout> | undefined;
	#shownAt = 0;
	#disposed = false;

	constructor(quiz: Quiz, recorder = new Recorder()) {
		this.quiz = quiz;
		this.#recorder = recorder;
	}

	get ready(): boolean {
		return this.storage?.ok === true;
	}

	get studentScreen(): boolean {
		return studentScreens.has(this.screen.kind);
	}

	/** The option keys of a question in the order this attempt shows them. */
	order(question: Question): string[] {
		return presentedOrder(question, this.#attempt?.seed ?? 0);
	}

	async init(): Promise<void> {
		this.settings = readStationSettings();
		const [storage, persisted] = await Promise.all([
			checkStorage(this.#recorder),
			requestPersistence()
		]);
		this.storage = storage;
		this.persisted = persisted;
		if (this.#disposed) return;
		if (storage.ok) {
			const open = await this.#recorder.openAttempt(this.quiz.id).catch(() => undefined);
			if (open) {
				const answers = await this.#recorder.answersOf(open.uuid).catch(() => []);
				this.screen = {
					kind: 'resume',
					attempt: open,
					answered: answers.length,
					resumable: open.locale === this.quiz.locale && open.quizVersion === this.quiz.version
				};
				return;
			}
		}
		this.screen = this.settings.classLabel ? { kind: 'start' } : { kind: 'setup' };
	}

	openSetup(): void {
		this.notice = null;
		this.screen = { kind: 'setup' };
	}

	saveSetup(classLabel: string, idleMinutes: number): void {
		this.settings = { classLabel: cleanClassLabel(classLabel), idleMinutes };
		saveStationSettings(this.settings);
		if (this.settings.classLabel) this.screen = { kind: 'start' };
	}

	/** Start pressed: pre and post quizzes offer the pairing code first. */
	begin(): void {
		this.notice = null;
		if (this.quiz.purpose === 'practice') void this.startAttempt(null);
		else this.#show({ kind: 'pairing' });
	}

	async startAttempt(pairingCode: string | null): Promise<void> {
		try {
			this.#attempt = await this.#enqueue(() =>
				this.#recorder.startAttempt({
					quizId: this.quiz.id,
					quizVersion: this.quiz.version,
					purpose: this.quiz.purpose,
					classLabel: this.settings.classLabel,
					locale: this.quiz.locale,
					maxScore: this.quiz.questions.length,
					seed: newSeed(),
					pairingCode
				})
			);
		} catch (error) {
			this.#wipe();
			this.notice = { kind: 'start-failed', failure: failureOf(error) };
			return;
		}
		this.#hold();
		this.answered.clear();
		this.#goOn();
	}

	/** Marks the answer and shows the feedback at once; the write is not waited for. */
	answer(given: Given): void {
		const attempt = this.#attempt;
		if (this.screen.kind !== 'question' || !attempt) return;
		const question = this.quiz.questions[this.screen.index]!;
		if (!isCompleteAnswer(question, given)) return;
		const correct = isCorrect(question, given);
		const ms = Math.max(0, Math.round(performance.now() - this.#shownAt));
		this.answered.set(question.id, correct);
		this.#show({ kind: 'feedback', index: this.screen.index, given, correct });

		const record = { attemptUuid: attempt.uuid, questionId: question.id, given, correct, ms };
		const started = performance.now();
		void this.#enqueue(() => this.#recorder.recordAnswer(record)).then(
			() => performance.measure('smc:answer-saved', { start: started }),
			(error: unknown) => this.#writeFailed(attempt, error)
		);
	}

	/** On to the next unanswered question, or the score when there is none. */
	next(): void {
		if (this.screen.kind !== 'feedback') return;
		this.#goOn();
	}

	/** The student leaves, or the tablet sat idle: the attempt is closed as it stands. */
	leave(): void {
		const attempt = this.#attempt;
		if (attempt) void this.#enqueue(() => this.#recorder.endAttempt(attempt.uuid)).catch(() => {});
		this.#wipe();
	}

	/** "Done — pass to the next student". */
	done(): void {
		this.leave();
	}

	async resume(): Promise<void> {
		if (this.screen.kind !== 'resume' || !this.screen.resumable) return;
		const attempt = this.screen.attempt;
		const answers = await this.#recorder.answersOf(attempt.uuid).catch(() => undefined);
		if (!answers) {
			this.notice = { kind: 'start-failed', failure: 'unavailable' };
			return;
		}
		this.#attempt = attempt;
		this.answered.clear();
		for (const answer of answers) this.answered.set(answer.questionId, answer.correct);
		this.#hold();
		this.#goOn();
	}

	async closeOpenAttempt(): Promise<void> {
		if (this.screen.kind !== 'resume') return;
		const { uuid } = this.screen.attempt;
		await this.#enqueue(() => this.#recorder.endAttempt(uuid)).catch(() => {});
		this.#wipe();
	}

	/** Any touch or key press on a student screen puts off the idle reset. */
	touch(): void {
		clearTimeout(this.#idle);
		if (!this.studentScreen) return;
		this.#idle = setTimeout(() => this.leave(), this.settings.idleMinutes * 60_000);
	}

	/** The page is going away (or into the back-forward cache): a finished student's screen goes. */
	hide(): void {
		if (this.screen.kind === 'end') this.done();
	}

	dispose(): void {
		this.#disposed = true;
		clearTimeout(this.#idle);
		this.#release?.();
	}

	#goOn(): void {
		const index = nextQuestionIndex(this.quiz, this.answered);
		if (index < this.quiz.questions.length) {
			this.#show({ kind: 'question', index });
			return;
		}
		const attempt = this.#attempt;
		const answers = [...this.answered].map(([questionId, correct]) => ({ questionId, correct }));
		this.#show({ kind: 'end', result: quizResult(this.quiz, answers) });
		if (attempt) void this.#enqueue(() => this.#recorder.endAttempt(attempt.uuid)).catch(() => {});
	}

	#show(screen: Screen): void {
		this.screen = screen;
		if (screen.kind === 'question') this.#shownAt = performance.now();
		this.touch();
	}

	#hold(): void {
		this.#release?.();
		this.#release = appUpdate.hold();
	}

	/** Back to Start with nothing of the last student left in memory or on screen. */
	#wipe(): void {
		this.#attempt = null;
		this.answered.clear();
		this.notice = null;
		clearTimeout(this.#idle);
		this.#release?.();
		this.#release = undefined;
		performance.clearMeasures('smc:answer-saved');
		this.screen = this.settings.classLabel ? { kind: 'start' } : { kind: 'setup' };
	}

	#enqueue<T>(write: () => Promise<T>): Promise<T> {
		this.saving += 1;
		const done = this.#queue.then(write).finally(() => (this.saving -= 1));
		this.#queue = done.catch(() => undefined);
		return done;
	}

	async #writeFailed(attempt: AttemptRecord, error: unknown): Promise<void> {
		if (this.#attempt?.uuid !== attempt.uuid) return; // that student has gone already
		const failure = error instanceof RecordingError ? error.failure : 'other';
		if (failure === 'closed') {
			this.#wipe();
			this.notice = { kind: 'ended-elsewhere' };
		} else if (failure === 'duplicate') {
			// Another tab answered this question first: its answer stands; carry on from the saved state.
			const saved = await this.#recorder.answersOf(attempt.uuid).catch(() => []);
			for (const answer of saved) this.answered.set(answer.questionId, answer.correct);
			this.notice = { kind: 'answered-elsewhere' };
		} else {
			this.notice = { kind: 'save-failed', failure };
		}
	}
}

function failureOf(error: unknown): Exclude<StorageFailure, 'duplicate'> {
	const failure = error instanceof RecordingError ? error.failure : 'other';
	return failure === 'duplicate' || failure === 'closed' ? 'other' : failure;
}
