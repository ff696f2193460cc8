/**
 * This tab's student turn, kept in sessionStorage so that the student's own reload carries
 * on where it stopped: for a practice quiz, the answers given so far (practice records
 * nothing anywhere else); for a pre or post quiz, only which attempt this tab is writing.
 * sessionStorage belongs to this tab alone and is read back only after a reload (the
 * station checks how the page was loaded), and every end of a turn forgets it.
 */
import type { Given, Quiz } from './types';

export interface TurnAnswer {
	questionId: string;
	given: Given;
	correct: boolean;
}

export interface PracticeTurn {
	quizId: string;
	seed: number;
	answers: TurnAnswer[];
	/** For a pre or post quiz: the uuid of the attempt this tab writes. */
	attempt?: string;
}

const keyOf = (quiz: Pick<Quiz, 'id'>) => `smc.turn.${quiz.id}`;

function session(): Storage | undefined {
	try {
		return globalThis.sessionStorage;
	} catch {
		return undefined; // storage disabled: a reload starts again
	}
}

export function saveTurn(quiz: Pick<Quiz, 'id'>, turn: PracticeTurn): void {
	try {
		session()?.setItem(keyOf(quiz), JSON.stringify(turn));
	} catch {
		// Full or disabled: the turn goes on; only a reload would start it again.
	}
}

export function forgetTurn(quiz: Pick<Quiz, 'id'>): void {
	try {
		session()?.removeItem(keyOf(quiz));
	} catch {
		// Nothing was kept.
	}
}

/** The saved turn, if it is well formed and fits this quiz as it is now. */
export function readTurn(quiz: Pick<Quiz, 'id' | 'questions'>): PracticeTurn | undefined {
	let value: unknown;
	try {
		value = JSON.parse(session()?.getItem(keyOf(quiz)) ?? 'null');
	} catch {
		return undefined;
	}
	if (!value || typeof value !== 'object') return undefined;
	const turn = value as Partial<PracticeTurn>;
	const ids = new Set(quiz.questions.map((question) => question.id));
	const answersFit =
		Array.isArray(turn.answers) &&
		turn.answers.every(
			(answer) =>
				typeof answer === 'object' &&
				answer !== null &&
				ids.has(answer.questionId) &&
				Array.isArray(answer.given) &&
				answer.given.every((key) => typeof key === 'string') &&
				typeof answer.correct === 'boolean'
		);
	if (
		turn.quizId !== quiz.id ||
		!Number.isInteger(turn.seed) ||
		!answersFit ||
		(turn.attempt !== undefined && typeof turn.attempt !== 'string')
	) {
		return undefined;
	}
	return turn as PracticeTurn;
}
