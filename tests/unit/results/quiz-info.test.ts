import { describe, expect, it } from 'vitest';
import { plainText, quizInfo } from '$lib/results/quiz-info';
import { quiz } from '../quiz/questions';

describe('question texts for the dashboard', () => {
	it('are the text of the rendered question, tags dropped and entities decoded', () => {
		expect(plainText('<p>Is a <strong>broker’s</strong> promise &amp; a job the same?</p>\n')).toBe(
			'Is a broker’s promise & a job the same?'
		);
		expect(plainText('<p>Call &#49;288 &lt;free&gt; &#x1F4DE;</p>')).toBe('Call 1288 <free> 📞');
		expect(plainText('<p>ប្រសិនបើអ្នកមានបញ្ហា</p>')).toBe('ប្រសិនបើអ្នកមានបញ្ហា');
	});
});

describe('what the trainer’s device knows of a quiz', () => {
	it('is each question’s text, type, number of options and answer key', () => {
		const info = quizInfo(quiz);
		expect(
			info.questions.map(({ id, type, options, correct }) => [id, type, options, correct])
		).toEqual([
			['passport', 'single', 4, ['c']],
			['hotline', 'true-false', 2, ['a']],
			['broker-signs', 'multiple', 4, ['a', 'c']],
			['before-you-go', 'order', 4, ['a', 'b', 'c', 'd']]
		]);
		expect(info.questions[0]!.text).toBe('Which document?');
	});

	it('knows the current version of every language file, once each', () => {
		const khmer = { ...quiz, locale: 'km' as const, version: 'def456def456' };
		expect(quizInfo(quiz).versions).toEqual(['abc123abc123']);
		expect(quizInfo(khmer, [quiz.version, khmer.version]).versions).toEqual([
			'def456def456',
			'abc123abc123'
		]);
	});
});
