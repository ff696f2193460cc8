/**
 * Marking one answer. Every question is worth one point and is either right or wrong:
 * - single choice and true/false: the one correct option;
 * - multiple choice: all-or-nothing — exactly the correct options, no more, no fewer
 *   (partial credit would reward ticking everything, and a trainer reads "% correct per
 *   question" more easily when correct means fully correct);
 * - put in order: every item in its place.
 */
import type { Given, Question, Quiz } from './types';

/** Whether `given` is an answer this question could receive at all (known keys, right count). */
export function isCompleteAnswer(question: Question, given: Given): boolean {
	const keys = new Set(question.options.map((option) => option.key));
	if (!given.every((key) => keys.has(key)) || new Set(given).size !== given.length) return false;
	switch (question.type) {
		case 'single':
		case 'true-false':
			return given.length === 1;
		case 'multiple':
			return given.length >= 1;
		case 'order':
			return given.length === keys.size;
	}
}

export function isCorrect(question: Question, given: Given): boolean {
	if (!isCompleteAnswer(question, given)) return false;
	if (question.type === 'order') {
		return given.every((key, index) => key === question.correct[index]);
	}
	const correct = new Set(question.correct);
	return given.length === correct.size && given.every((key) => correct.has(key));
}

export function maxScore(quiz: Pick<Quiz, 'questions'>): number {
	return quiz.questions.length;
}
