/**
 * Whether this device can keep results, checked before a student starts: the database
 * opens and takes a write, there is room left, and the browser has been asked to keep the
 * data (persistent storage) rather than clear it when space runs low.
 */
import type { StorageFailure } from './db';
import type { Recorder } from './recorder';
import { RecordingError } from './recording-error';

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

/** Results not exported for this long get a reminder: a lost tablet would lose them all. */
export const EXPORT_REMINDER_DAYS = 14;

/**
 * Whether to remind the trainer to export: results have waited 14 days or more since the
 * last export or, never exported, since the oldest of them (`oldest`: the earliest attempt
 * start or session recording; null when the device holds none).
 */
export function exportDue(lastExport: string | null, oldest: string | null, now: Date): boolean {
	if (oldest === null) return false;
	const since = Date.parse(lastExport ?? oldest);
	return now.getTime() - since >= EXPORT_REMINDER_DAYS * 24 * 60 * 60_000;
}

/** The earliest moment any held result was made: an attempt's start or a session's logging. */
export function oldestResult(holdings: {
	attempts: readonly { startedAt: string }[];
	sessions: readonly { recordedAt: string }[];
}): string | null {
	let oldest: string | null = null;
	for (const time of [
		...holdings.attempts.map((attempt) => attempt.startedAt),
		...holdings.sessions.map((session) => session.recordedAt)
	]) {
		if (oldest === null || Date.parse(time) < Date.parse(oldest)) oldest = time;
	}
	return oldest;
}

export interface StorageReport {
	/** Whether the browser keeps results when space runs low (null: it cannot say). */
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
}

/** Persistence and space, as far as this browser tells; never throws. */
export async function storageReport(
	storage: StorageManager | undefined = globalThis.navigator?.storage
): Promise<StorageReport> {
	const [persisted, estimate] = await Promise.all([
		storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
		storage?.estimate ? storage.estimate().catch(() => undefined) : Promise.resolve(undefined)
	]);
	return {
		persisted,
		usage: estimate?.usage ?? null,
		quota: estimate?.quota ?? null
	};
}
