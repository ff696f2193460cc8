import { describe, expect, it } from 'vitest';
import { isPairingCode, pairingCode, pairingLetters } from '$lib/quiz/pairing';

describe('pairing codes', () => {
	it('are made from a letter, a month and a count of older siblings', () => {
		expect(pairingCode({ letter: 'K', month: 7, siblings: '2' })).toBe('K-07-2');
		expect(pairingCode({ letter: 'ស', month: 12, siblings: '5+' })).toBe('ស-12-5+');
	});

	it('are the same every time for the same choices, so pre and post can be matched', () => {
		const choices = { letter: 'ម', month: 3, siblings: '0' } as const;
		expect(pairingCode(choices)).toBe(pairingCode({ ...choices }));
	});

	it('refuse anything not offered as a choice, so no free text gets in', () => {
		expect(() => pairingCode({ letter: 'Sokha', month: 3, siblings: '0' })).toThrow(RangeError);
		expect(() => pairingCode({ letter: 'A', month: 13, siblings: '0' })).toThrow(RangeError);
		expect(() => pairingCode({ letter: 'A', month: 1, siblings: '6' as '5+' })).toThrow(RangeError);
	});

	it('are recognised when read back, and other text is not', () => {
		expect(isPairingCode('K-07-2')).toBe(true);
		expect(isPairingCode('ស-12-5+')).toBe(true);
		expect(isPairingCode('=HYPERLINK("x")')).toBe(false);
		expect(isPairingCode('K-13-2')).toBe(false);
		expect(isPairingCode('Sokha-07-2')).toBe(false);
	});

	it('offer Khmer consonants to Khmer quizzes and A–Z to English ones', () => {
		expect(pairingLetters.km).toHaveLength(33);
		expect(pairingLetters.en).toHaveLength(26);
	});
});
