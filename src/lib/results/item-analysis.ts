/**
 * Item analysis of one quiz form (one version of a quiz, so every student saw the same
 * questions), as Moodle's quiz statistics report gives it: per question the facility (the
 * share who got it right) and the discrimination (corrected point-biserial: how the
 * question's score goes with the score on the other questions), per form the reliability
 * (KR-20), and flags on questions too easy, too hard, or that tell good students from
 * weak ones badly or the wrong way round. Variances are taken over the students themselves
 * (divided by n), as in KR-20's p·q.
 */

export const TOO_EASY = 0.9;
export const TOO_HARD = 0.2;
export const WEAK_DISCRIMINATION = 0.2;

export type ItemFlag = 'too-easy' | 'too-hard' | 'negative' | 'weak';

export interface ItemStats {
	id: string;
	/** Share of students who got it right, 0–1. */
	facility: number;
	/** Correlation of the item with the rest of the form; null when either does not vary. */
	discrimination: number | null;
	flags: ItemFlag[];
}

export interface FormAnalysis {
	n: number;
	items: ItemStats[];
	/** KR-20, at most 1; null with fewer than two questions or when total scores do not vary. */
	reliability: number | null;
}

/** Pearson's correlation; null when either list does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	const n = xs.length;
	let sumX = 0;
	let sumY = 0;
	for (let index = 0; index < n; index++) {
		sumX += xs[index]!;
		sumY += ys[index]!;
	}
	const meanX = sumX / n;
	const meanY = sumY / n;
	let covariance = 0;
	let varianceX = 0;
	let varianceY = 0;
	for (let index = 0; index < n; index++) {
		const dx = xs[index]! - meanX;
		const dy = ys[index]! - meanY;
		covariance += dx * dy;
		varianceX += dx * dx;
		varianceY += dy * dy;
	}
	if (varianceX < 1e-12 || varianceY < 1e-12) return null;
	return covariance / Math.sqrt(varianceX * varianceY);
}

export function itemFlags(facility: number, discrimination: number | null): ItemFlag[] {
	const flags: ItemFlag[] = [];
	if (facility > TOO_EASY) flags.push('too-easy');
	if (facility < TOO_HARD) flags.push('too-hard');
	if (discrimination !== null) {
		if (discrimination < 0) flags.push('negative');
		else if (discrimination < WEAK_DISCRIMINATION) flags.push('weak');
	}
	return flags;
}

/**
 * The analysis of a form from its students' right (1) and wrong (0) answers: `scores[s][i]`
 * is student s on question `items[i]`. A question a student has no answer to counts as 0.
 */
export function analyseForm(items: readonly string[], scores: readonly number[][]): FormAnalysis {
	const n = scores.length;
	const k = items.length;
	const totals = scores.map((row) => row.reduce((sum, score) => sum + score, 0));
	const stats: ItemStats[] = items.map((id, item) => {
		const own = scores.map((row) => row[item] ?? 0);
		const rest = own.map((score, student) => totals[student]! - score);
		const facility = own.reduce((sum, score) => sum + score, 0) / n;
		const discrimination = correlation(own, rest);
		return { id, facility, discrimination, flags: itemFlags(facility, discrimination) };
	});
	const meanTotal = totals.reduce((sum, total) => sum + total, 0) / n;
	const totalVariance = totals.reduce((sum, total) => sum + (total - meanTotal) ** 2, 0) / n;
	const itemVariance = stats.reduce((sum, item) => sum + item.facility * (1 - item.facility), 0);
	const reliability =
		k < 2 || totalVariance < 1e-12 ? null : (k / (k - 1)) * (1 - itemVariance / totalVariance);
	return { n, items: stats, reliability };
}
