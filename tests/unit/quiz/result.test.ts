import { describe, expect, it } from 'vitest';
import { nextQuestionIndex, quizResult } from '$lib/quiz/result';
import { quiz } from './questions';

describe('the result at the end', () => {
	it('counts the right answers and lists the messages missed first', () => {
		const result = quizResult(quiz, [
			{ questionId: 'passport', correct: true },
			{ questionId: 'hotline', correct: false },
			{ questionId: 'broker-signs', correct: true },
			{ questionId: 'before-you-go', correct: false }
		]);
		expect(result).toMatchObject({ score: 2, maxScore: 4, answered: 4 });
		expect(result.messages.map((message) => [message.id, message.missed])).toEqual([
			['call-1288', 1],
			['wages-and-contract', 1],
			['valid-passport', 0],
			['broker-promises', 0]
		]);
	});

	it('treats an unanswered question as missed, and ignores answers to unknown questions', () => {
		const result = quizResult(quiz, [
			{ questionId: 'passport', correct: true },
			{ questionId: 'removed-question', correct: true }
		]);
		expect(result).toMatchObject({ score: 1, maxScore: 4, answered: 1 });
		expect(result.messages.filter((message) => message.missed > 0)).toHaveLength(3);
	});
});

describe('where an attempt goes on', () => {
	it('is the first question not yet answered, in the quiz’s order', () => {
		expect(nextQuestionIndex(quiz, new Set())).toBe(0);
		expect(nextQuestionIndex(quiz, new Set(['passport', 'broker-signs']))).toBe(1);
		expect(nextQuestionIndex(quiz, new Set(quiz.questions.map((question) => question.id)))).toBe(4);
	});
});
