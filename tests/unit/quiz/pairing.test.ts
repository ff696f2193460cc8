import { describe, expect, it } from 'vitest';
import {
	isPairingCode,
	normalizePairingCode,
	pairingCode,
	pairingLetters,
	shownPairingCode,
	shownSiblings
} from '$lib/quiz/pairing';

describe('pairing codes', () => {
	it('are made from a letter, a month and a count of older siblings', () => {
		expect(pairingCode({ letter: 'K', month: 7, siblings: '2' })).toBe('K-07-2');
		expect(pairingCode({ letter: 'S', month: 12, siblings: '5+' })).toBe('S-12-5+');
	});

	it('are stored the same whatever the language, so a Khmer pre pairs with an English post', () => {
		expect(pairingCode({ letter: 'ក', month: 7, siblings: '2' })).toBe('K-07-2');
		expect(pairingCode({ letter: 'ស', month: 12, siblings: '5+' })).toBe('S-12-5+');
		expect(pairingCode({ letter: 'ច', month: 1, siblings: '0' })).toBe(
			pairingCode({ letter: 'C', month: 1, siblings: '0' })
		);
	});

	it('keep every Khmer consonant offered as the first letter of its usual romanization', () => {
		const expected: Record<string, string> = {
			K: 'កខគឃ',
			N: 'ងញណន',
			C: 'ចឆជឈ',
			D: 'ដឌ',
			T: 'ឋឍតថទធ',
			B: 'ប',
			P: 'ផពភ',
			M: 'ម',
			Y: 'យ',
			R: 'រ',
			L: 'លឡ',
			V: 'វ',
			S: 'ស',
			H: 'ហ',
			A: 'អ'
		};
		const mapped = pairingLetters.km.map((letter) => [
			letter,
			pairingCode({ letter, month: 1, siblings: '0' })[0]
		]);
		expect(Object.fromEntries(mapped)).toEqual(
			Object.fromEntries(
				Object.entries(expected).flatMap(([latin, consonants]) =>
					[...consonants].map((consonant) => [consonant, latin])
				)
			)
		);
	});

	it('are shown to the student in their own script', () => {
		expect(shownPairingCode({ letter: 'ស', month: 1, siblings: '0' }, 'km')).toBe('ស-០១-០');
		expect(shownPairingCode({ letter: 'K', month: 7, siblings: '5+' }, 'en')).toBe('K-07-5+');
		expect(shownSiblings('5+', 'km')).toBe('៥+');
		expect(shownSiblings('3', 'en')).toBe('3');
	});

	it('are the same every time for the same choices, so pre and post can be matched', () => {
		const choices = { letter: 'ម', month: 3, siblings: '0' } as const;
		expect(pairingCode(choices)).toBe(pairingCode({ ...choices }));
	});

	it('refuse anything not offered as a choice, so no free text gets in', () => {
		expect(() => pairingCode({ letter: 'Sokha', month: 3, siblings: '0' })).toThrow(RangeError);
		expect(() => pairingCode({ letter: 'a', month: 3, siblings: '0' })).toThrow(RangeError);
		expect(() => pairingCode({ letter: 'ា', month: 3, siblings: '0' })).toThrow(RangeError);
		expect(() => pairingCode({ letter: 'A', month: 13, siblings: '0' })).toThrow(RangeError);
		expect(() => pairingCode({ letter: 'A', month: 1, siblings: '6' as '5+' })).toThrow(RangeError);
		expect(() => shownPairingCode({ letter: 'A', month: 0, siblings: '0' }, 'en')).toThrow(
			RangeError
		);
	});

	it('are recognised when read back, the old Khmer-letter ones too, and other text is not', () => {
		expect(isPairingCode('K-07-2')).toBe(true);
		expect(isPairingCode('ស-12-5+')).toBe(true);
		expect(isPairingCode('=HYPERLINK("x")')).toBe(false);
		expect(isPairingCode('K-13-2')).toBe(false);
		expect(isPairingCode('K-7-2')).toBe(false);
		expect(isPairingCode('k-07-2')).toBe(false);
		expect(isPairingCode('Sokha-07-2')).toBe(false);
		expect(isPairingCode('K-07-2\n')).toBe(false);
		expect(isPairingCode('')).toBe(false);
	});

	it('normalize old Khmer-letter codes to the stored form, and refuse what is not a code', () => {
		expect(normalizePairingCode('ក-07-2')).toBe('K-07-2');
		expect(normalizePairingCode('ឡ-11-5+')).toBe('L-11-5+');
		expect(normalizePairingCode('K-07-2')).toBe('K-07-2');
		expect(normalizePairingCode('ឃ-12-5+')).toBe('K-12-5+');
		expect(normalizePairingCode('ញ-01-0')).toBe('N-01-0');
		expect(normalizePairingCode('ឋ-03-1')).toBe('T-03-1');
		expect(normalizePairingCode('អ-03-1')).toBe('A-03-1');
		expect(normalizePairingCode('X')).toBeNull();
		expect(normalizePairingCode('ក-13-2')).toBeNull();
		expect(normalizePairingCode('-07-2')).toBeNull();
		expect(normalizePairingCode('K-07-6')).toBeNull();
		expect(normalizePairingCode('ក-០៧-២')).toBeNull();
		expect(normalizePairingCode('__proto__')).toBeNull();
		expect(normalizePairingCode('constructor-07-2')).toBeNull();
	});

	it('offer Khmer consonants to Khmer quizzes and A–Z to English ones', () => {
		expect(pairingLetters.km).toHaveLength(33);
		expect(pairingLetters.en).toHaveLength(26);
	});
});
