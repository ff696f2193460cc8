/**
 * Whether this device can keep results, checked before a student starts: the database
 * opens and takes a write, there is room left, and the browser has been asked to keep the
 * data (persistent storage) rather than clear it when space runs low.
 */
import type { StorageFailure } from './db';
import { RecordingError, type Recorder } from './recorder';

/** Below this much free space a quiz could fail half-way: say so before it starts. */
export const MIN_FREE_BYTES = 512 * 1024;

export type StorageCheck =
	| { ok: true; deviceId: string }
	| { ok: false; failure: Extract<StorageFailure, 'unavailable' | 'full' | 'other'> };

export async function checkStorage(
	recorder: Recorder,
	storage: StorageManager | undefined = globalThis.navigator?.storage
): Promise<StorageCheck> {
	let deviceId: string;
	try {
		deviceId = await recorder.open();
	} catch (error) {
		const failure = error instanceof RecordingError ? error.failure : 'other';
		return {
			ok: false,
			failure: failure === 'full' || failure === 'unavailable' ? failure : 'other'
		};
	}
	const estimate = await storage?.estimate?.().catch(() => undefined);
	if (estimate?.quota !== undefined && estimate.usage !== undefined) {
		if (estimate.quota - estimate.usage < MIN_FREE_BYTES) return { ok: false, failure: 'full' };
	}
	return { ok: true, deviceId };
}

/**
 * Asks the browser to keep results even when space runs low. True if granted (or already
 * granted), false if refused, null where the browser cannot be asked.
 */
export async function requestPersistence(
	storage: StorageManager | undefined = globalThis.navigator?.storage
): Promise<boolean | null> {
	if (!storage?.persist) return null;
	try {
		if (await storage.persisted?.()) return true;
		return await storage.persist();
	} catch {
		return false;
	}
}
