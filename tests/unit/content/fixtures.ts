/** Content fixtures for the compiler's tests: a valid set, and the same set with edits. */
import { compileContent } from '$lib/content/compile';
import { formatProblem, type Problem } from '$lib/content/problems';
import { readContentFiles } from '$lib/content/read-files';

const FIXTURES = 'tests/fixtures';

/**
 * The shared valid fixtures (`tests/fixtures/content`), plus any set kept apart in
 * `tests/fixtures/<folder>` (read as if it were in `content/`), by path.
 */
export function fixtureSet(...folders: string[]): Map<string, string> {
	const files = [
		...readContentFiles(FIXTURES),
		...folders.flatMap((folder) =>
			readContentFiles(FIXTURES, folder).map((file) => ({
				...file,
				path: file.path.replace(`${folder}/`, 'content/')
			}))
		)
	];
	return new Map(files.map((file) => [file.path, file.text]));
}

/** Compiles `base` with some files replaced, added (text) or removed (null). */
export function compileWith(base: Map<string, string>, changes: Record<string, string | null> = {}) {
	const files = new Map(base);
	for (const [path, text] of Object.entries(changes)) {
		if (text === null) files.delete(path);
		else files.set(path, text);
	}
	return compileContent([...files].map(([path, text]) => ({ path, text })));
}

/** The errors, as `content:check` prints them. */
export function errors(problems: Problem[]): string[] {
	return problems.filter((problem) => problem.severity === 'error').map(formatProblem);
}
