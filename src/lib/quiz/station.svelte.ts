/**
 * One tablet acting as a quiz station, passed from student to student.
 * - Pre and post quizzes are assessments: no right answer, explanation or score while they
 *   run, and each answer is sealed to the trainer's key and saved BEFORE the next question
 *   shows (recorder.ts). They record only on a station that holds the trainer's key.
 * - Practice quizzes give feedback and a score and record nothing: the answers live in this
 *   tab's memory, and in its sessionStorage so that a reload carries on, until "Done".
 * Nothing of a student survives their turn: "Done", Leave and the idle reset wipe the
 * screen; an attempt interrupted otherwise (Back, a closed tab) is offered again only to
 * the teacher, behind the same deliberate step as the station's settings.
 * The storage and sealing code (Dexie, HPKE) is loaded as the station opens, after the
 * page is drawn: a practice quiz never loads it.
 */
import { SvelteMap } from 'svelte/reactivity';
import { appUpdate } from '$lib/pwa/update.svelte';
import type { OpenAttemptRecord, StorageFailure } from '$lib/results/db';
import type { DeviceKeys } from '$lib/results/keys';
import type { AttemptWriter, Recorder } from '$lib/results/recorder';
import { RecordingError } from '$lib/results/recording-error';
import type { SealingKey } from '$lib/results/seal';
import type { StorageCheck } from '$lib/results/storage';
import { nextQuestionIndex, quizResult, type QuizResult } from './result';
import { isCompleteAnswer, isCorrect } from './scoring';
import { newSeed, presentedOrder } from './shuffle';
import { classLabelProblem, normalizeClassLabel, type ClassLabelProblem } from './class-label';
import { readStationSettings, saveStationSettings, type StationSettings } from './station-settings';
import { forgetTurn, readTurn, saveTurn, type PracticeTurn } from './turn';
import type { Given, Question, Quiz, QuizMessage } from './types';

export type Screen =
	| { kind: 'checking' }
	| { kind: 'start' }
	| { kind: 'teacher' }
	| { kind: 'pairing' }
	| { kind: 'question'; index: number }
	| { kind: 'feedback'; index: number; given: Given; correct: boolean }
	| { kind: 'end'; result: QuizResult }
	| { kind: 'thanks'; messages: QuizMessage[] | null };

/** Something to tell the student or teacher, in words the interface chooses. */
export type Notice =
	| { kind: 'save-failed'; failure: Exclude<StorageFailure, 'duplicate'> }
	| { kind: 'answered-elsewhere' }
	| { kind: 'ended-elsewhere' }
	| { kind: 'start-failed'; failure: Exclude<StorageFailure, 'duplicate'> };

/** Why Start is not open yet, for the teacher to fix. */
export type Blocker = 'storage' | 'no-key' | 'no-class';

const studentScreens = new Set<Screen['kind']>([
	'pairing',
	'question',
	'feedback',
	'end',
	'thanks'
]);

/** Whether this page was loaded by a reload (the student's own), not opened or reached by Back. */
function reloaded(): boolean {
	const [entry] = globalThis.performance?.getEntriesByType?.('navigation') ?? [];
	return (entry as PerformanceNavigationTiming | undefined)?.type === 'reload';
}

export class Station {
	readonly quiz: Quiz;
	/** Pre and post quizzes: no feedback while they run, sealed and saved answer by answer. */
	readonly assessment: boolean;
	#recorder: Recorder | undefined;
	#sealingKeyOf: ((keys: DeviceKeys) => SealingKey | undefined) | undefined;
	screen = $state<Screen>({ kind: 'checking' });
	settings = $state<StationSettings>({ classLabel: '', idleMinutes: 3 });
	storage = $state<StorageCheck | undefined>();
	/** Whether the browser agreed to keep results when space runs low (null: cannot ask). */
	persisted = $state<boolean | null | undefined>();
	keys = $state.raw<DeviceKeys | undefined>();
	/** Attempts at this quiz left open by an earlier page: only the teacher may take them up. */
	interrupted = $state.raw<OpenAttemptRecord[]>([]);
	notice = $state<Notice | null>(null);
	/** Answers saved (or, in practice, given), by question id: whether each was right. */
	readonly answered = new SvelteMap<string, boolean>();
	/** An answer is being sealed and saved: the screen waits for it. */
	saving = $state(false);
	/** "Leave" was tapped once: the station asks before it closes the attempt. */
	confirmingLeave = $state(false);

	#writer: AttemptWriter | null = null;
	#practice: PracticeTurn | null = null;
	#seed = 0;
	#queue: Promise<unknown> = Promise.resolve();
	#release: (() => void) | undefined;
	#idle: ReturnType<typeof setTimeout> | undefined;
	#shownAt = 0;
	#disposed = false;

	/** `recorder`: the station's own database by default, opened by `init`. */
	constructor(quiz: Quiz, recorder?: Recorder) {
		this.quiz = quiz;
		this.assessment = quiz.purpose !== 'practice';
		this.#recorder = recorder;
	}

	get sealingKey(): SealingKey | undefined {
		return this.keys && this.#sealingKeyOf?.(this.keys);
	}

	/** The recorder, there once `init` has loaded the storage code (keys come after it). */
	get #store(): Recorder {
		if (!this.#recorder) throw new RecordingError('unavailable');
		return this.#recorder;
	}

	/** What keeps Start shut, if anything. Practice quizzes need nothing: they record nothing. */
	get blocker(): Blocker | null {
		if (!this.assessment) return null;
		if (this.storage?.ok !== true) return 'storage';
		if (!this.sealingKey) return 'no-key';
		if (!this.settings.classLabel) return 'no-class';
		return null;
	}

	get ready(): boolean {
		return this.screen.kind === 'start' && this.blocker === null;
	}

	get studentScreen(): boolean {
		return studentScreens.has(this.screen.kind);
	}

	/** The option keys of a question in the order this attempt shows them. */
	order(question: Question): string[] {
		return presentedOrder(question, this.#seed);
	}

	async init(): Promise<void> {
		this.settings = readStationSettings();
		const ownReload = reloaded();
		if (!this.assessment) {
			this.storage = { ok: true, deviceId: '' };
			const turn = ownReload ? readTurn(this.quiz) : undefined;
			forgetTurn(this.quiz);
			if (turn) this.#carryOnPractice(turn);
			else this.screen = { kind: 'start' };
			return;
		}
		const code = await import('./station-storage');
		this.#recorder ??= new code.Recorder();
		this.#sealingKeyOf = code.sealingKeyOf;
		const [storage, persisted] = await Promise.all([
			code.checkStorage(this.#recorder),
			code.requestPersistence()
		]);
		this.storage = storage;
		this.persisted = persisted;
		if (this.#disposed) return;
		if (storage.ok) await this.#readStation();
		const own = ownReload ? readTurn(this.quiz)?.attempt : undefined;
		forgetTurn(this.quiz);
		const mine = this.interrupted.find((open) => open.uuid === own);
		if (mine && this.resumable(mine)) {
			await this.#takeUp(mine);
			return;
		}
		this.screen = { kind: 'start' };
	}

	/** Keys, clear records of an earlier version (sealed now if a key is here), open attempts. */
	async #readStation(): Promise<void> {
		try {
			this.keys = await this.#store.keys();
			const key = this.sealingKey;
			if (key) await this.#store.sealLegacy(key);
			this.interrupted = await this.#store.openAttempts(this.quiz.id);
		} catch {
			this.interrupted = [];
		}
	}

	/** Whether an open attempt can be carried on here: same quiz wording, language and key. */
	resumable(open: OpenAttemptRecord): boolean {
		return (
			open.locale === this.quiz.locale &&
			open.quizVersion === this.quiz.version &&
			open.keyId === this.sealingKey?.keyId
		);
	}

	/** The teacher held the button: settings, the key, interrupted attempts. */
	openTeacher(): void {
		if (this.studentScreen) return;
		this.notice = null;
		this.#show({ kind: 'teacher' });
	}

	async closeTeacher(): Promise<void> {
		if (this.storage?.ok) await this.#readStation();
		this.#wipe();
	}

	/**
	 * The teacher's settings, saved unless the class label is refused (a pre or post quiz
	 * needs one, whole and with nothing hidden in it): then nothing changes and the problem
	 * is returned, for the field to say.
	 */
	saveSetup(classLabel: string, idleMinutes: number): ClassLabelProblem | undefined {
		const problem = this.assessment ? classLabelProblem(classLabel) : undefined;
		if (problem) return problem;
		this.settings = { classLabel: normalizeClassLabel(classLabel), idleMinutes };
		saveStationSettings(this.settings);
		return undefined;
	}

	/** After the teacher installed a key on this page: seal what waits in clear, read again. */
	async keysChanged(): Promise<void> {
		await this.#readStation();
	}

	/** Start pressed: pre and post quizzes offer the pairing code first. */
	begin(): void {
		if (!this.ready) return;
		this.notice = null;
		if (this.assessment) {
			this.#show({ kind: 'pairing' });
			return;
		}
		this.#practice = { quizId: this.quiz.id, seed: newSeed(), answers: [] };
		this.#startTurn(this.#practice.seed);
		void this.#goOn();
	}

	async startAttempt(pairingCode: string | null): Promise<void> {
		const key = this.sealingKey;
		if (this.screen.kind !== 'pairing' || !key || this.saving) return;
		const seed = newSeed();
		this.saving = true;
		try {
			this.#writer = await this.#enqueue(() =>
				this.#store.start(key, {
					quizId: this.quiz.id,
					quizVersion: this.quiz.version,
					purpose: this.quiz.purpose,
					classLabel: this.settings.classLabel,
					locale: this.quiz.locale,
					maxScore: this.quiz.questions.length,
					seed,
					pairingCode
				})
			);
		} catch (error) {
			this.#wipe();
			this.notice = { kind: 'start-failed', failure: failureOf(error) };
			return;
		} finally {
			this.saving = false;
		}
		saveTurn(this.quiz, { quizId: this.quiz.id, seed, answers: [], attempt: this.#writer.uuid });
		this.#startTurn(seed);
		await this.#goOn();
	}

	/**
	 * The student's answer. Practice: marked and shown at once (nothing is recorded).
	 * Assessment: sealed and saved first; only once it is on disk does the next question show.
	 */
	async answer(given: Given): Promise<void> {
		const screen = this.screen;
		if (screen.kind !== 'question' || this.saving) return;
		const question = this.quiz.questions[screen.index]!;
		if (!isCompleteAnswer(question, given)) return;
		const correct = isCorrect(question, given);
		const ms = Math.max(0, Math.round(performance.now() - this.#shownAt));

		if (!this.assessment) {
			const turn = this.#practice;
			if (!turn) return;
			turn.answers.push({ questionId: question.id, given: [...given], correct });
			saveTurn(this.quiz, turn);
			this.answered.set(question.id, correct);
			this.#show({ kind: 'feedback', index: screen.index, given, correct });
			return;
		}

		const writer = this.#writer;
		if (!writer) return;
		this.saving = true;
		const started = performance.now();
		try {
			await this.#enqueue(() =>
				writer.recordAnswer({ questionId: question.id, given: [...given], correct, ms })
			);
			performance.measure('smc:answer-saved', { start: started });
			this.answered.set(question.id, correct);
		} catch (error) {
			await this.#writeFailed(writer, error);
			return;
		} finally {
			this.saving = false;
		}
		await this.#goOn();
	}

	/** Practice: on from the feedback to the next question, or the score. */
	next(): void {
		if (this.screen.kind !== 'feedback') return;
		void this.#goOn();
	}

	/** "Leave" tapped: the first tap asks, the second (on "Yes, leave") closes the attempt. */
	askLeave(): void {
		if (this.studentScreen) this.confirmingLeave = true;
	}

	cancelLeave(): void {
		this.confirmingLeave = false;
	}

	/** The student leaves, or the tablet sat idle: the attempt is closed as it stands. */
	leave(): void {
		const writer = this.#writer;
		if (writer) void this.#enqueue(() => writer.end()).catch(() => {});
		this.#wipe();
	}

	/** "Done — pass to the next student" (the attempt is already ended and saved). */
	done(): void {
		this.#wipe();
	}

	/** The teacher carries an interrupted attempt on. */
	async resume(uuid: string): Promise<void> {
		const open = this.interrupted.find((attempt) => attempt.uuid === uuid);
		if (this.screen.kind !== 'teacher' || !open || !this.resumable(open)) return;
		await this.#takeUp(open);
	}

	/** The teacher closes an interrupted attempt as it stands. */
	async closeInterrupted(uuid: string): Promise<void> {
		const key = this.sealingKey;
		if (this.screen.kind !== 'teacher' || !key) return;
		await this.#enqueue(() => this.#store.close(key, uuid)).catch(() => {});
		this.interrupted = await this.#store.openAttempts(this.quiz.id).catch(() => []);
	}

	/** Any touch or key press puts off the idle reset (students' screens and the teacher's). */
	touch(): void {
		clearTimeout(this.#idle);
		if (!this.studentScreen && this.screen.kind !== 'teacher') return;
		this.#idle = setTimeout(() => this.leave(), this.settings.idleMinutes * 60_000);
	}

	/**
	 * The page is going away. Kept in the back-forward cache, it would come back with this
	 * student on screen: wipe it, and forget that this tab owned the attempt, which is left
	 * open for the teacher. A reload (not kept) carries on from sessionStorage instead.
	 */
	hide(persisted: boolean): void {
		if (!persisted) return;
		if (this.#writer) forgetTurn(this.quiz);
		if (this.#practice) forgetTurn(this.quiz);
		this.#writer = null;
		this.#practice = null;
		this.#wipe();
	}

	/** Back from the back-forward cache: read again what waits for the teacher. */
	async shown(persisted: boolean): Promise<void> {
		if (persisted && this.assessment && this.storage?.ok) await this.#readStation();
	}

	dispose(): void {
		this.#disposed = true;
		clearTimeout(this.#idle);
		this.#release?.();
	}

	async #takeUp(open: OpenAttemptRecord): Promise<void> {
		const key = this.sealingKey;
		if (!key) return;
		try {
			this.#writer = await this.#enqueue(() => this.#store.resume(key, open.uuid));
		} catch (error) {
			this.notice = { kind: 'start-failed', failure: failureOf(error) };
			this.screen = { kind: 'start' };
			return;
		}
		saveTurn(this.quiz, {
			quizId: this.quiz.id,
			seed: open.seed,
			answers: [],
			attempt: open.uuid
		});
		this.interrupted = this.interrupted.filter((attempt) => attempt.uuid !== open.uuid);
		this.#startTurn(open.seed);
		// What earlier pages saved is sealed: only which questions have an answer is known.
		for (const id of this.#writer.answered) this.answered.set(id, false);
		await this.#goOn();
	}

	#carryOnPractice(turn: PracticeTurn): void {
		this.#practice = turn;
		saveTurn(this.quiz, turn);
		this.#startTurn(turn.seed);
		for (const answer of turn.answers) this.answered.set(answer.questionId, answer.correct);
		void this.#goOn();
	}

	#startTurn(seed: number): void {
		this.#seed = seed;
		this.answered.clear();
		this.confirmingLeave = false;
		this.#hold();
	}

	async #goOn(): Promise<void> {
		const index = nextQuestionIndex(this.quiz, this.answered);
		if (index < this.quiz.questions.length) {
			this.#show({ kind: 'question', index });
			return;
		}
		if (!this.assessment) {
			const answers = [...this.answered].map(([questionId, correct]) => ({ questionId, correct }));
			forgetTurn(this.quiz);
			this.#practice = null;
			this.#show({ kind: 'end', result: quizResult(this.quiz, answers) });
			return;
		}
		// The end shows only once "finished" is saved: Back from it can lose nothing.
		const writer = this.#writer;
		if (writer) {
			this.saving = true;
			try {
				await this.#enqueue(() => writer.end());
			} catch (error) {
				this.notice = { kind: 'save-failed', failure: failureOf(error) };
				return;
			} finally {
				this.saving = false;
			}
		}
		forgetTurn(this.quiz);
		this.#writer = null;
		this.#show({
			kind: 'thanks',
			messages: this.quiz.purpose === 'post' ? this.quiz.messages : null
		});
	}

	#show(screen: Screen): void {
		this.screen = screen;
		this.confirmingLeave = false;
		if (screen.kind === 'question') this.#shownAt = performance.now();
		this.touch();
	}

	#hold(): void {
		this.#release?.();
		this.#release = appUpdate.hold();
	}

	/** Back to Start with nothing of the last student left in memory or on screen. */
	#wipe(): void {
		if (this.#practice) forgetTurn(this.quiz);
		this.#writer = null;
		this.#practice = null;
		this.#seed = 0;
		this.answered.clear();
		this.notice = null;
		this.saving = false;
		this.confirmingLeave = false;
		clearTimeout(this.#idle);
		this.#release?.();
		this.#release = undefined;
		performance.clearMeasures('smc:answer-saved');
		this.screen = { kind: 'start' };
	}

	#enqueue<T>(write: () => Promise<T>): Promise<T> {
		const done = this.#queue.then(write);
		this.#queue = done.catch(() => undefined);
		return done;
	}

	async #writeFailed(writer: AttemptWriter, error: unknown): Promise<void> {
		if (this.#writer !== writer) return; // that student has gone already
		const failure = error instanceof RecordingError ? error.failure : 'other';
		if (failure === 'closed') {
			forgetTurn(this.quiz);
			this.#wipe();
			this.notice = { kind: 'ended-elsewhere' };
		} else if (failure === 'duplicate') {
			// Another tab saved this question first: its answer stands; carry on from there.
			const open = (await this.#store.openAttempts(this.quiz.id).catch(() => [])).find(
				(attempt) => attempt.uuid === writer.uuid
			);
			for (const id of open?.answered ?? []) {
				if (!this.answered.has(id)) this.answered.set(id, false);
			}
			this.notice = { kind: 'answered-elsewhere' };
			await this.#goOn();
		} else {
			this.notice = { kind: 'save-failed', failure };
		}
	}
}

function failureOf(error: unknown): Exclude<StorageFailure, 'duplicate'> {
	const failure = error instanceof RecordingError ? error.failure : 'other';
	return failure === 'duplicate' || failure === 'closed' ? 'other' : failure;
}
