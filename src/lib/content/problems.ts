/**
 * A problem in the content, told the way an author can act on it: the file and line,
 * what is wrong, and how to fix it. `content:check` prints these; the build refuses
 * to go on while any error remains. Warnings (a missing translation) are reported but
 * do not stop the build, because the app shows the English text in its place.
 */

export interface Problem {
	file: string;
	line: number;
	message: string;
	fix: string;
	severity: 'error' | 'warning';
}

export class ProblemList {
	readonly items: Problem[] = [];

	error(file: string, line: number, message: string, fix: string): void {
		this.items.push({ file, line, message, fix, severity: 'error' });
	}

	warning(file: string, line: number, message: string, fix: string): void {
		this.items.push({ file, line, message, fix, severity: 'warning' });
	}

	get errors(): Problem[] {
		return this.items.filter((problem) => problem.severity === 'error');
	}

	get warnings(): Problem[] {
		return this.items.filter((problem) => problem.severity === 'warning');
	}
}

export function formatProblem(problem: Problem): string {
	const prefix = problem.severity === 'warning' ? 'warning: ' : '';
	return `${problem.file}:${problem.line}: ${prefix}${problem.message} — ${problem.fix}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Thrown by the build when content has errors; its message lists every one. */
export class ContentError extends Error {
	constructor(readonly problems: Problem[]) {
		const lines = sortProblems(problems).map(formatProblem);
		super(`The content has ${problems.length} problem(s):\n${lines.join('\n')}`);
		this.name = 'ContentError';
	}
}

/** Levenshtein distance, to suggest the field an author probably meant. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	for (const candidate of candidates) {
		const d = distance(word.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best;
}
