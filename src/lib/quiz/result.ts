/**
 * What the end screen shows: the score, and the key messages the quiz checked, with
 * the ones this student missed first, so they know what to remember.
 */
import { maxScore } from './scoring';
import type { Quiz, QuizMessage } from './types';

export interface AnsweredQuestion {
	questionId: string;
	correct: boolean;
}

export interface MessageResult extends QuizMessage {
	/** Questions on this message answered wrongly (or not at all). */
	missed: number;
	total: number;
}

export interface QuizResult {
	score: number;
	maxScore: number;
	answered: number;
	messages: MessageResult[];
}

export function quizResult(quiz: Quiz, answers: readonly AnsweredQuestion[]): QuizResult {
	const byQuestion = new Map(answers.map((answer) => [answer.questionId, answer.correct]));
	const messages = quiz.messages.map((message) => {
		const questions = quiz.questions.filter((question) => question.checks === message.id);
		const missed = questions.filter((question) => byQuestion.get(question.id) !== true).length;
		return { ...message, missed, total: questions.length };
	});
	return {
		score: quiz.questions.filter((question) => byQuestion.get(question.id) === true).length,
		maxScore: maxScore(quiz),
		answered: quiz.questions.filter((question) => byQuestion.has(question.id)).length,
		// Stable: messages the student missed first, otherwise in the quiz's order.
		messages: [...messages].sort((a, b) => Number(b.missed > 0) - Number(a.missed > 0))
	};
}

/** Index of the first question not yet answered, or the number of questions when all are. */
export function nextQuestionIndex(quiz: Quiz, answeredIds: { has(id: string): boolean }): number {
	const index = quiz.questions.findIndex((question) => !answeredIds.has(question.id));
	return index === -1 ? quiz.questions.length : index;
}
