import type { StorageFailure } from './db';

/** Why a write did not happen: a storage failure, or the attempt was already over. */
export class RecordingError extends Error {
	constructor(
		readonly failure: StorageFailure | 'closed',
		options?: { cause?: unknown }
	) {
		super(`the answer was not recorded (${failure})`, options);
		this.name = 'RecordingError';
	}
}
