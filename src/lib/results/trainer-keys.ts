/**
 * The trainer's own key pair on the trainer's device: the private half wrapped by the
 * trainer's passphrase (PBKDF2 + AES-GCM, crypto/passphrase.ts) and unwrapped only into
 * memory, for as long as the results area is unlocked.
 */
import { toBase64Url } from '$lib/crypto/bytes';
import { keyId as fingerprint } from '$lib/crypto/fingerprint';
import { generateKeyPair, publicKeyFrom, recipient, type Recipient } from '$lib/crypto/hpke';
import { unwrapKey, wrapKey } from '$lib/crypto/passphrase';
import { resultsDb, type ResultsDatabase, type TrainerKeyRecord } from './db';
import { toMinute } from './ids';

/** The trainer's key, open in memory: the only way to read results (trainer-key.svelte.ts). */
export interface UnlockedKey {
	record: TrainerKeyRecord;
	recipient: Recipient;
	/** Kept only so the recovery sheet can be printed again while unlocked. */
	privateKey: Uint8Array;
}

async function unlocked(record: TrainerKeyRecord, privateKey: Uint8Array): Promise<UnlockedKey> {
	return { record, recipient: await recipient(privateKey), privateKey };
}

async function storeTrainerKey(
	privateKey: Uint8Array,
	passphrase: string,
	now: Date,
	db: ResultsDatabase,
	iterations?: number
): Promise<UnlockedKey> {
	const publicKey = await publicKeyFrom(privateKey);
	const record: TrainerKeyRecord = {
		key: 'trainer',
		publicKey: toBase64Url(publicKey),
		keyId: await fingerprint(publicKey),
		wrapped: await wrapKey(privateKey, passphrase, iterations),
		createdAt: toMinute(now)
	};
	await db.keys.put(record);
	return unlocked(record, privateKey);
}

/** A new key pair for this trainer, kept wrapped by the passphrase. */
export async function createTrainerKey(
	passphrase: string,
	now: Date,
	db: ResultsDatabase = resultsDb(),
	iterations?: number
): Promise<UnlockedKey> {
	const { privateKey } = await generateKeyPair();
	return storeTrainerKey(privateKey, passphrase, now, db, iterations);
}

/**
 * The key from the recovery sheet, on a new device or after a forgotten passphrase: kept
 * wrapped by the new passphrase. It replaces any other trainer key on this device (the
 * page asks first: results sealed to that other key could no longer be read here).
 */
export async function restoreTrainerKey(
	privateKey: Uint8Array,
	passphrase: string,
	now: Date,
	db: ResultsDatabase = resultsDb(),
	iterations?: number
): Promise<UnlockedKey> {
	return storeTrainerKey(privateKey, passphrase, now, db, iterations);
}

/** The trainer key opened with the passphrase; throws WrongPassphrase (crypto/passphrase.ts). */
export async function unlockTrainerKey(
	record: TrainerKeyRecord,
	passphrase: string
): Promise<UnlockedKey> {
	return unlocked(record, await unwrapKey(record.wrapped, passphrase));
}

/** Wraps the open key with a new passphrase; the key itself, and every result, stay as they are. */
export async function changePassphrase(
	key: UnlockedKey,
	passphrase: string,
	db: ResultsDatabase = resultsDb(),
	iterations?: number
): Promise<UnlockedKey> {
	const record: TrainerKeyRecord = {
		...key.record,
		wrapped: await wrapKey(key.privateKey, passphrase, iterations)
	};
	await db.keys.put(record);
	return { ...key, record };
}
