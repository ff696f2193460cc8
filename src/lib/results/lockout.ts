/**
 * Wrong PINs: five tries are free, then each wrong PIN shuts the form for longer (30 s,
 * 1 min, 2 min, … up to 30 min). The count and the end of the wait are stored with the
 * results, so reloading the page or reopening the browser does not start it over.
 */
import type { LockoutRecord } from './db';

export const FREE_TRIES = 5;
const FIRST_DELAY_MS = 30_000;
const LONGEST_DELAY_MS = 30 * 60_000;

export const noLockout: LockoutRecord = { key: 'lockout', failures: 0, lockedUntil: null };

/** How long the form stays shut after this many wrong PINs in a row. */
export function delayAfter(failures: number): number {
	if (failures < FREE_TRIES) return 0;
	return Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_TRIES));
}

export function afterWrongPin(state: LockoutRecord, now: Date): LockoutRecord {
	const failures = state.failures + 1;
	const delay = delayAfter(failures);
	return {
		key: 'lockout',
		failures,
		lockedUntil: delay > 0 ? new Date(now.getTime() + delay).toISOString() : null
	};
}

/** Milliseconds until the PIN may be tried again; 0 when it may be now. */
export function waitLeft(state: LockoutRecord, now: Date): number {
	if (!state.lockedUntil) return 0;
	return Math.max(0, Date.parse(state.lockedUntil) - now.getTime());
}

/** Tries left before the delays start (0 once they have). */
export function triesLeft(state: LockoutRecord): number {
	return Math.max(0, FREE_TRIES - state.failures);
}
