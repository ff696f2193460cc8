import { describe, expect, it } from 'vitest';
import { isCompleteAnswer, isCorrect, maxScore } from '$lib/quiz/scoring';
import { multiple, order, quiz, single, trueFalse } from './questions';

describe('single choice', () => {
	it('is right with the correct option and wrong with any other', () => {
		expect(isCorrect(single, ['c'])).toBe(true);
		expect(isCorrect(single, ['a'])).toBe(false);
	});

	it('is wrong with two options, none, or an option it does not have', () => {
		expect(isCorrect(single, ['c', 'a'])).toBe(false);
		expect(isCorrect(single, [])).toBe(false);
		expect(isCorrect(single, ['z'])).toBe(false);
	});
});

describe('true/false', () => {
	it('is right only with the ticked one of the two', () => {
		expect(isCorrect(trueFalse, ['a'])).toBe(true);
		expect(isCorrect(trueFalse, ['b'])).toBe(false);
		expect(isCorrect(trueFalse, ['a', 'b'])).toBe(false);
	});
});

describe('multiple choice, all or nothing', () => {
	it('is right with exactly the correct options, in any order', () => {
		expect(isCorrect(multiple, ['a', 'c'])).toBe(true);
		expect(isCorrect(multiple, ['c', 'a'])).toBe(true);
	});

	it('gives nothing for some of the correct options, or for all of them plus a wrong one', () => {
		expect(isCorrect(multiple, ['a'])).toBe(false);
		expect(isCorrect(multiple, ['a', 'c', 'd'])).toBe(false);
		expect(isCorrect(multiple, ['a', 'b', 'c', 'd'])).toBe(false);
	});

	it('does not count an option twice', () => {
		expect(isCorrect(multiple, ['a', 'a'])).toBe(false);
		expect(isCompleteAnswer(multiple, ['a', 'a'])).toBe(false);
	});
});

describe('put in order', () => {
	it('is right only with every item in its place', () => {
		expect(isCorrect(order, ['a', 'b', 'c', 'd'])).toBe(true);
		expect(isCorrect(order, ['a', 'b', 'd', 'c'])).toBe(false);
		expect(isCorrect(order, ['d', 'c', 'b', 'a'])).toBe(false);
	});

	it('is not complete with an item missing or repeated', () => {
		expect(isCompleteAnswer(order, ['a', 'b', 'c'])).toBe(false);
		expect(isCompleteAnswer(order, ['a', 'b', 'c', 'c'])).toBe(false);
		expect(isCorrect(order, ['a', 'b', 'c'])).toBe(false);
	});
});

it('scores a quiz out of one point per question', () => {
	expect(maxScore(quiz)).toBe(4);
});
