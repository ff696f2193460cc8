import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	classLabelProblem,
	confusableLabels,
	graphemes,
	MAX_CLASS_LABEL_GRAPHEMES,
	normalizeClassLabel
} from '$lib/quiz/class-label';

describe('normalising a class label', () => {
	it('makes the six "Grade 8A" of the issue one label', () => {
		const typed = [
			'Grade 8A',
			'Grade\u200b 8A', // zero-width space
			'Grade\u00a08A', // no-break space
			'\ufeffGrade 8A', // byte order mark
			'\u202eGrade 8A\u202c', // bidi override
			'  Grade   8A\t'
		];
		expect(new Set(typed.map(normalizeClassLabel))).toEqual(new Set(['Grade 8A']));
	});

	it('drops zero-width characters, bidi controls and other control characters', () => {
		const hidden = [
			'\u200b',
			'\u200c',
			'\u200d',
			'\u2060',
			'\ufeff',
			'\u202a',
			'\u202b',
			'\u202c',
			'\u202d',
			'\u202e',
			'\u2066',
			'\u2067',
			'\u2068',
			'\u2069',
			'\u200e',
			'\u200f',
			'\u061c',
			'\u0000',
			'\u0007',
			'\u007f',
			'\u0085',
			'\u00ad'
		];
		for (const character of hidden) {
			expect(normalizeClassLabel(`8${character}B`), JSON.stringify(character)).toBe('8B');
		}
	});

	it('makes any run of spaces one space, and trims', () => {
		expect(normalizeClassLabel('\u3000Grade\u2002\u2003 8B\n\r\u2028')).toBe('Grade 8B');
		expect(normalizeClassLabel('A \u200b B')).toBe('A B');
	});

	it('composes to NFC, also after a hidden character is dropped', () => {
		expect(normalizeClassLabel('Cafe\u0301')).toBe('Café');
		expect(normalizeClassLabel('Cafe\u200d\u0301')).toBe('Café');
	});

	it('keeps Khmer as typed, zero-width spaces aside', () => {
		expect(normalizeClassLabel('ថ្នាក់ទី\u200b៨\u200bខ')).toBe('ថ្នាក់ទី៨ខ');
		expect(normalizeClassLabel('ថ្នាក់ទី ៨ ខ')).toBe('ថ្នាក់ទី ៨ ខ');
	});

	it('cuts at 40 characters as a reader counts them, never inside a Khmer cluster', () => {
		expect(normalizeClassLabel('x'.repeat(60))).toBe('x'.repeat(MAX_CLASS_LABEL_GRAPHEMES));
		// "ក្រ" is one cluster: ក, COENG, រ, even where the segmenter splits after the COENG.
		expect(graphemes('ក្រុម')).toEqual(['ក្រុ', 'ម']);
		const olderRules = () => ['ក្', 'រុ', 'ម'];
		expect(graphemes('ក្រុម', olderRules)).toEqual(['ក្រុ', 'ម']);
		const cut = normalizeClassLabel('ក'.repeat(39) + 'ក្រុម');
		expect(cut).toBe('ក'.repeat(39) + 'ក្រុ');
		expect(cut.endsWith('\u17d2')).toBe(false);
		expect(normalizeClassLabel('👍🏽'.repeat(45))).toBe('👍🏽'.repeat(40));
	});

	it('gives the same label again when normalised twice, whatever the text', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 60 }),
				fc.string({ maxLength: 60 }),
				(a, b) => {
					for (const text of [a, b, a + '\u200b' + b]) {
						const once = normalizeClassLabel(text);
						expect(normalizeClassLabel(once)).toBe(once);
						expect(graphemes(once).length).toBeLessThanOrEqual(MAX_CLASS_LABEL_GRAPHEMES);
					}
				}
			),
			{ numRuns: 500 }
		);
	});
});

describe('a class label typed at the station', () => {
	it('is refused with bidi or control characters in it, rather than silently changed', () => {
		expect(classLabelProblem('Grade\u202e 8A')).toBe('hidden-characters');
		expect(classLabelProblem('Grade\u2066 8A')).toBe('hidden-characters');
		expect(classLabelProblem('Grade\u0007 8A')).toBe('hidden-characters');
	});

	it('takes zero-width and no-break spaces, which keyboards insert', () => {
		expect(classLabelProblem('ថ្នាក់ទី\u200b៨')).toBeUndefined();
		expect(classLabelProblem('Grade\u00a08A')).toBeUndefined();
		expect(classLabelProblem('Grade 8A\n')).toBeUndefined();
	});

	it('is refused when nothing visible is left, or when it is too long to keep whole', () => {
		expect(classLabelProblem(' \u200b ')).toBe('empty');
		expect(classLabelProblem('x'.repeat(41))).toBe('too-long');
		expect(classLabelProblem('x'.repeat(40))).toBeUndefined();
		expect(classLabelProblem('ក្រ'.repeat(40))).toBeUndefined();
	});
});

describe('labels that look alike', () => {
	it('are grouped for the trainer: other case, spaces, Cyrillic or Greek letters, Khmer digits', () => {
		const labels = [
			'Grade 8A',
			'grade 8a',
			'Grade8A',
			'Grаde 8А', // Cyrillic а and А
			'Grade 8Α', // Greek Alpha
			'Grade 8B',
			'ថ្នាក់ទី៨ខ',
			'ថ្នាក់ទី8ខ',
			'Grade 9A'
		];
		expect(confusableLabels(labels)).toEqual([
			['Grade 8A', 'Grade 8Α', 'Grade8A', 'Grаde 8А', 'grade 8a'].sort(),
			['ថ្នាក់ទី8ខ', 'ថ្នាក់ទី៨ខ']
		]);
	});

	it('are not grouped when they only share a prefix, and a label alone is no group', () => {
		expect(confusableLabels(['Grade 8A', 'Grade 8B', 'Grade 8A', '8A'])).toEqual([]);
	});
});
