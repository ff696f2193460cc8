/**
 * How sure a pre/post gain is: a 95 % confidence interval from Student's t distribution,
 * Welch's for two groups of students (unequal variances), and the paired one for students
 * matched by their pairing code. The t quantile is computed from the t distribution's CDF
 * (a regularized incomplete beta function) by bisection: exact enough for any degrees of
 * freedom, Welch's fractional ones included, and small.
 */

/** Below this many students (or pairs) a gain is never called a gain, whatever its interval. */
export const MIN_TO_CONCLUDE = 10;

/** ln Γ(x) for x > 0, by Lanczos' approximation (g = 7, nine terms; about 15 digits). */
export function logGamma(x: number): number {
	if (x < 0.5) {
		// Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
		return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
	}
	const coefficients = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
		-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
		1.5056327351493116e-7
	];
	const z = x - 1;
	let sum = coefficients[0]!;
	for (let index = 1; index < coefficients.length; index++) {
		sum += coefficients[index]! / (z + index);
	}
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The continued fraction of the incomplete beta function, evaluated by Lentz's method;
 * it converges fast for x < (a + 1) / (a + b + 2), and the caller keeps to that side.
 */
function betaFraction(x: number, a: number, b: number): number {
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let fraction = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		// The even step, then the odd step, of the fraction's terms.
		let term = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + term * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + term / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		fraction *= d * c;
		term = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + term * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + term / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const step = d * c;
		fraction *= step;
		if (Math.abs(step - 1) < 1e-15) break;
	}
	return fraction;
}

/** The regularized incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(
		logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)
	);
	return x < (a + 1) / (a + b + 2)
		? (front * betaFraction(x, a, b)) / a
		: 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t distribution with `df` degrees of freedom (df > 0). */
export function studentTCdf(t: number, df: number): number {
	const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

/** The t such that P(T ≤ t) = p, for 0 < p < 1. */
export function studentTQuantile(p: number, df: number): number {
	if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
	if (p === 0.5) return 0;
	if (p < 0.5) return -studentTQuantile(1 - p, df);
	let low = 0;
	let high = 1;
	while (studentTCdf(high, df) < p) {
		low = high;
		high *= 2;
		if (high > 1e12) return Infinity;
	}
	for (let step = 0; step < 200 && high - low > 1e-12 * high; step++) {
		const middle = (low + high) / 2;
		if (studentTCdf(middle, df) < p) low = middle;
		else high = middle;
	}
	return (low + high) / 2;
}

/** What an interval lets a trainer say: higher, lower, or that it is too soon to tell. */
export type Conclusion = 'higher' | 'lower' | 'too-few';

export interface Estimate {
	/** The difference (after minus before), in the values' unit (percentage points). */
	value: number;
	/** The 95 % confidence interval. */
	low: number;
	high: number;
	/** Degrees of freedom of the t distribution used (fractional for Welch). */
	df: number;
	n: number;
	conclusion: Conclusion;
}

function conclusion(n: number, low: number, high: number): Conclusion {
	if (n < MIN_TO_CONCLUDE || !(low > 0 || high < 0)) return 'too-few';
	return low > 0 ? 'higher' : 'lower';
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
	let sum = 0;
	for (const value of values) sum += value;
	const mean = sum / values.length;
	let squares = 0;
	for (const value of values) squares += (value - mean) ** 2;
	return { mean, variance: squares / (values.length - 1) };
}

function interval(value: number, error: number, df: number, n: number): Estimate {
	const half = error === 0 ? 0 : studentTQuantile(0.975, df) * error;
	const low = value - half;
	const high = value + half;
	return { value, low, high, df, n, conclusion: conclusion(n, low, high) };
}

/**
 * `after` − `before` for two independent groups, with Welch's interval (no assumption that
 * the groups vary alike); `n` is the smaller group. Each group needs two values at least.
 */
export function welchDifference(before: readonly number[], after: readonly number[]): Estimate {
	const a = meanAndVariance(before);
	const b = meanAndVariance(after);
	const shareA = a.variance / before.length;
	const shareB = b.variance / after.length;
	const error = Math.sqrt(shareA + shareB);
	// Welch–Satterthwaite; with no spread at all, the pooled degrees of freedom.
	const df =
		error === 0
			? before.length + after.length - 2
			: (shareA + shareB) ** 2 /
				(shareA ** 2 / (before.length - 1) + shareB ** 2 / (after.length - 1));
	return interval(b.mean - a.mean, error, df, Math.min(before.length, after.length));
}

/** The mean of paired differences (after − before, one per student), with its interval. */
export function pairedDifference(differences: readonly number[]): Estimate {
	const { mean, variance } = meanAndVariance(differences);
	const n = differences.length;
	return interval(mean, Math.sqrt(variance / n), n - 1, n);
}
