import { describe, expect, it } from 'vitest';
import {
	logGamma,
	pairedDifference,
	regularizedBeta,
	studentTCdf,
	studentTQuantile,
	welchDifference
} from '$lib/results/inference';

describe('the t distribution', () => {
	it('has the quantiles of the printed tables', () => {
		const table: [number, number, number][] = [
			[0.975, 1, 12.7062047],
			[0.975, 2, 4.30265273],
			[0.975, 5, 2.57058184],
			[0.975, 8, 2.30600414],
			[0.975, 10, 2.22813885],
			[0.975, 30, 2.04227246],
			[0.95, 10, 1.81246112],
			[0.995, 3, 5.84090931],
			[0.975, 1e6, 1.95996627]
		];
		for (const [p, df, t] of table)
			expect(studentTQuantile(p, df), `t(${p}, ${df})`).toBeCloseTo(t, 5);
		expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.57058184, 5);
		expect(studentTQuantile(0.5, 7)).toBe(0);
	});

	it('gives quantiles for fractional degrees of freedom between those of the integers around them', () => {
		const t = studentTQuantile(0.975, 7.5);
		expect(t).toBeLessThan(studentTQuantile(0.975, 7));
		expect(t).toBeGreaterThan(studentTQuantile(0.975, 8));
	});

	it('has a CDF that the quantile inverts', () => {
		expect(studentTCdf(0, 5)).toBe(0.5);
		for (const df of [1, 2.5, 9, 40]) {
			for (const p of [0.01, 0.2, 0.9, 0.999]) {
				expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
			}
		}
	});

	it('is not a number for impossible arguments', () => {
		expect(studentTQuantile(0, 5)).toBeNaN();
		expect(studentTQuantile(1, 5)).toBeNaN();
		expect(studentTQuantile(0.9, 0)).toBeNaN();
	});

	it('rests on the usual gamma and incomplete beta functions', () => {
		expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
		expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 10);
		expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
		// I_x(1, 1) = x, and I_x(2, 1) = x².
		expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
		expect(regularizedBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
	});
});

describe('a gain with its 95 % interval', () => {
	it('for two groups follows Welch (hand-computed: 20 points, 8 degrees of freedom)', () => {
		const estimate = welchDifference([40, 50, 60, 50, 50], [60, 70, 80, 70, 70]);
		expect(estimate.value).toBe(20);
		expect(estimate.df).toBeCloseTo(8, 10);
		// Standard error √(50/5 + 50/5) = √20; t(0.975, 8) = 2.306004.
		expect(estimate.low).toBeCloseTo(20 - 2.306004 * Math.sqrt(20), 5);
		expect(estimate.high).toBeCloseTo(20 + 2.306004 * Math.sqrt(20), 5);
		// Clear of zero, but five students a side is too few to conclude.
		expect(estimate.conclusion).toBe('too-few');
	});

	it('says "higher" once there are enough students and the interval is clear of zero', () => {
		const before = [40, 50, 60, 50, 50, 40, 50, 60, 50, 50];
		const estimate = welchDifference(
			before,
			before.map((score) => score + 20)
		);
		expect(estimate.df).toBeCloseTo(18, 10);
		expect(estimate.low).toBeCloseTo(20 - 2.100922 * Math.sqrt(2 * (400 / 9 / 10)), 5);
		expect(estimate.conclusion).toBe('higher');
		expect(
			welchDifference(
				before.map((score) => score + 20),
				before
			).conclusion
		).toBe('lower');
	});

	it('for matched pairs is the mean of their own differences (hand-computed)', () => {
		const estimate = pairedDifference([10, 20, 0, 10, 30, 10, 20, 10, 0, 10]);
		expect(estimate.value).toBe(12);
		expect(estimate.df).toBe(9);
		// Variance 760 / 9; t(0.975, 9) = 2.262157.
		const half = 2.262157 * Math.sqrt(760 / 9 / 10);
		expect(estimate.low).toBeCloseTo(12 - half, 5);
		expect(estimate.high).toBeCloseTo(12 + half, 5);
		expect(estimate.conclusion).toBe('higher');
	});

	it('says "too few to conclude" when the interval spans zero, however many students', () => {
		const mixed = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? -10 : 12));
		const estimate = pairedDifference(mixed);
		expect(estimate.low).toBeLessThan(0);
		expect(estimate.high).toBeGreaterThan(0);
		expect(estimate.conclusion).toBe('too-few');
	});

	it('is a point when nobody varies', () => {
		const estimate = welchDifference([50, 50, 50, 50, 50], [75, 75, 75, 75, 75]);
		expect([estimate.value, estimate.low, estimate.high]).toEqual([25, 25, 25]);
	});
});
