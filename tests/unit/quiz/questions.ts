/** Small questions of every type, for the engine's tests. */
import type { Question, Quiz } from '$lib/quiz/types';

const options = (count: number) =>
	Array.from({ length: count }, (_, index) => ({
		key: 'abcdefghij'[index]!,
		html: `Option ${index + 1}`
	}));

export const single: Question = {
	id: 'passport',
	type: 'single',
	checks: 'valid-passport',
	html: '<p>Which document?</p>',
	options: options(4),
	correct: ['c'],
	explanationHtml: '<p>A passport.</p>'
};

export const trueFalse: Question = {
	id: 'hotline',
	type: 'true-false',
	checks: 'call-1288',
	html: '<p>Call 1288.</p>',
	options: [
		{ key: 'a', html: 'True' },
		{ key: 'b', html: 'False' }
	],
	correct: ['a'],
	explanationHtml: '<p>Yes.</p>'
};

export const multiple: Question = {
	id: 'broker-signs',
	type: 'multiple',
	checks: 'broker-promises',
	html: '<p>Which are warning signs?</p>',
	options: options(4),
	correct: ['a', 'c'],
	explanationHtml: '<p>Both.</p>'
};

export const order: Question = {
	id: 'before-you-go',
	type: 'order',
	checks: 'wages-and-contract',
	html: '<p>Put in order.</p>',
	options: options(4),
	correct: ['a', 'b', 'c', 'd'],
	explanationHtml: '<p>First the wages.</p>'
};

export const quiz: Quiz = {
	id: 'before',
	title: 'Before',
	locale: 'en',
	translation: 'original',
	fallback: false,
	sources: [],
	version: 'abc123abc123',
	file: 'content/en/quizzes/before.md',
	purpose: 'pre',
	pair: 'after',
	lesson: null,
	questions: [single, trueFalse, multiple, order],
	messages: [
		{ id: 'valid-passport', text: 'Get a valid passport.' },
		{ id: 'call-1288', text: 'Call 1288.' },
		{ id: 'broker-promises', text: 'Do not trust a broker.' },
		{ id: 'wages-and-contract', text: 'Agree on your wages.' }
	]
};
