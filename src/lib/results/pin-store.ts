/**
 * The trainer's PIN on this device: set on first use, tried against the stored hash with
 * the wrong-PIN count and lockout kept beside it, and changed with the current PIN. The
 * hashing runs outside any transaction (an IndexedDB transaction does not wait for it).
 */
import { resultsDb, type LockoutRecord, type PinRecord, type ResultsDatabase } from './db';
import { afterWrongPin, noLockout, waitLeft } from './lockout';
import { hashPin, pinMatches, pinProblem, pinDerivation, type PinProblem } from './pin';

type Derive = ReturnType<typeof pinDerivation>;

export interface PinStatus {
	set: boolean;
	lockout: LockoutRecord;
}

export type PinAttempt =
	| { ok: true }
	| { ok: false; reason: 'wrong'; lockout: LockoutRecord }
	| { ok: false; reason: 'locked'; lockout: LockoutRecord }
	| { ok: false; reason: 'unset' };

async function readLockout(db: ResultsDatabase): Promise<LockoutRecord> {
	const record = await db.trainer.get('lockout');
	return record?.key === 'lockout' ? record : noLockout;
}

async function readPin(db: ResultsDatabase): Promise<PinRecord | undefined> {
	const record = await db.trainer.get('pin');
	return record?.key === 'pin' ? record : undefined;
}

export async function pinStatus(db: ResultsDatabase = resultsDb()): Promise<PinStatus> {
	const [pin, lockout] = await Promise.all([readPin(db), readLockout(db)]);
	return { set: pin !== undefined, lockout };
}

/** First use: sets the PIN, unless one was set meanwhile (another tab). */
export async function setFirstPin(
	pin: string,
	db: ResultsDatabase = resultsDb(),
	derive: Derive = pinDerivation()
): Promise<{ ok: true } | { ok: false; reason: PinProblem | 'already-set' }> {
	const problem = pinProblem(pin);
	if (problem) return { ok: false, reason: problem };
	const record = await hashPin(pin, derive);
	return db.transaction('rw', db.trainer, async () => {
		if (await readPin(db)) return { ok: false as const, reason: 'already-set' as const };
		await db.trainer.bulkPut([record, noLockout]);
		return { ok: true as const };
	});
}

/** Tries a PIN: counts a wrong one, and refuses to try at all while the lockout lasts. */
export async function tryPin(
	pin: string,
	now: Date,
	db: ResultsDatabase = resultsDb(),
	derive: Derive = pinDerivation()
): Promise<PinAttempt> {
	const [stored, lockout] = await Promise.all([readPin(db), readLockout(db)]);
	if (!stored) return { ok: false, reason: 'unset' };
	if (waitLeft(lockout, now) > 0) return { ok: false, reason: 'locked', lockout };
	if (await pinMatches(pin, stored, derive)) {
		if (lockout.failures > 0) await db.trainer.put(noLockout);
		return { ok: true };
	}
	// Counted in a transaction of its own, from what is stored now (another tab may have counted).
	const counted = await db.transaction('rw', db.trainer, async () => {
		const next = afterWrongPin(await readLockout(db), now);
		await db.trainer.put(next);
		return next;
	});
	return { ok: false, reason: 'wrong', lockout: counted };
}

/** A new PIN in place of the current one, which must be given (and counts if wrong). */
export async function changePin(
	current: string,
	next: string,
	now: Date,
	db: ResultsDatabase = resultsDb(),
	derive: Derive = pinDerivation()
): Promise<PinAttempt | { ok: false; reason: PinProblem }> {
	const problem = pinProblem(next);
	if (problem) return { ok: false, reason: problem };
	const attempt = await tryPin(current, now, db, derive);
	if (!attempt.ok) return attempt;
	await db.trainer.put(await hashPin(next, derive));
	return { ok: true };
}
