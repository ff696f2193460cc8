/**
 * Storage errors (Dexie's and the browser's), told apart for the pages' messages: a module
 * with no database code, so that a page can name a failure before that code has loaded.
 */

/** What went wrong with storage, in terms a teacher can act on. */
export type StorageFailure = 'unavailable' | 'full' | 'duplicate' | 'other';

export function storageFailure(error: unknown): StorageFailure {
	const names = new Set<string>();
	for (let current = error; current && typeof current === 'object';) {
		const { name, inner } = current as { name?: unknown; inner?: unknown };
		if (typeof name === 'string') names.add(name);
		current = inner === current ? undefined : inner;
	}
	if (names.has('QuotaExceededError')) return 'full';
	if (names.has('ConstraintError')) return 'duplicate';
	if (
		[
			'MissingAPIError',
			'OpenFailedError',
			'InvalidStateError',
			'SecurityError',
			'UnknownError'
		].some((name) => names.has(name))
	) {
		return 'unavailable';
	}
	return 'other';
}
