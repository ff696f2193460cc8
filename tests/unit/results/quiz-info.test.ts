import { describe, expect, it } from 'vitest';
import { plainText } from '$lib/results/quiz-info';

describe('question texts for the dashboard', () => {
	it('are the text of the rendered question, tags dropped and entities decoded', () => {
		expect(plainText('<p>Is a <strong>broker’s</strong> promise &amp; a job the same?</p>\n')).toBe(
			'Is a broker’s promise & a job the same?'
		);
		expect(plainText('<p>Call &#49;288 &lt;free&gt; &#x1F4DE;</p>')).toBe('Call 1288 <free> 📞');
		expect(plainText('<p>ប្រសិនបើអ្នកមានបញ្ហា</p>')).toBe('ប្រសិនបើអ្នកមានបញ្ហា');
	});
});
