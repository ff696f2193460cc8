import { describe, expect, it } from 'vitest';
import { analyseForm, correlation, itemFlags } from '$lib/results/item-analysis';

// Six students, four questions: right (1) and wrong (0). Totals 4, 3, 2, 2, 1, 1.
const items = ['q1', 'q2', 'q3', 'q4'];
const scores = [
	[1, 1, 1, 1],
	[1, 1, 1, 0],
	[1, 1, 0, 0],
	[1, 0, 1, 0],
	[1, 0, 0, 0],
	[0, 0, 0, 1]
];

describe('item analysis of a form', () => {
	const analysis = analyseForm(items, scores);

	it('gives each question its facility, the share who got it right', () => {
		expect(analysis.n).toBe(6);
		expect(analysis.items.map((item) => item.facility)).toEqual([5 / 6, 3 / 6, 3 / 6, 2 / 6]);
	});

	it('gives each question its discrimination against the rest of the form (hand-computed)', () => {
		const [q1, q2, q3, q4] = analysis.items.map((item) => item.discrimination);
		// q1 against rest scores 3, 2, 1, 1, 0, 1: covariance 1/3, sums of squares 5/6 and 16/3.
		expect(q1).toBeCloseTo(1 / (2 * Math.sqrt(10)), 12);
		expect(q2).toBeCloseTo(1 / Math.sqrt(5), 12);
		expect(q3).toBeCloseTo(1 / Math.sqrt(5), 12);
		// q4 is right for the best student and the weakest: it discriminates the wrong way.
		expect(q4).toBeCloseTo(-2 / Math.sqrt(82), 12);
	});

	it('gives the form its KR-20 reliability (hand-computed: 40/123)', () => {
		// Σpq = 31/36, variance of totals 41/36: 4/3 × (1 − 31/41).
		expect(analysis.reliability).toBeCloseTo(40 / 123, 12);
	});

	it('flags the questions that discriminate weakly or the wrong way round', () => {
		expect(analysis.items.map((item) => item.flags)).toEqual([['weak'], [], [], ['negative']]);
	});

	it('flags questions too easy and too hard, as Moodle does', () => {
		expect(itemFlags(0.95, 0.5)).toEqual(['too-easy']);
		expect(itemFlags(0.1, 0.1)).toEqual(['too-hard', 'weak']);
		expect(itemFlags(0.9, 0.2)).toEqual([]);
		expect(itemFlags(0.2, null)).toEqual([]);
	});

	it('has no discrimination for a question everyone got right, and no reliability without spread', () => {
		const easy = analyseForm(
			['a', 'b'],
			[
				[1, 1],
				[1, 0],
				[1, 1]
			]
		);
		expect(easy.items[0]).toEqual({
			id: 'a',
			facility: 1,
			discrimination: null,
			flags: ['too-easy']
		});
		expect(
			analyseForm(
				['a', 'b'],
				[
					[1, 1],
					[1, 1]
				]
			).reliability
		).toBeNull();
		expect(analyseForm(['a'], [[1], [0]]).reliability).toBeNull();
		expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
	});
});
