/**
 * The keys a device holds. A station holds the trainer's PUBLIC key only: it can seal
 * attempts but never open one. The trainer's own device holds the key pair, the private
 * half wrapped by the trainer's passphrase (trainer-keys.ts, which stations never load).
 */
import { fromBase64Url, toBase64Url } from '$lib/crypto/bytes';
import { keyId as fingerprint } from '$lib/crypto/fingerprint';
import {
	resultsDb,
	type ResultsDatabase,
	type StationKeyRecord,
	type TrainerKeyRecord
} from './db';
import { toMinute } from './ids';
import type { SealingKey } from './seal';

export interface DeviceKeys {
	station: StationKeyRecord | undefined;
	trainer: TrainerKeyRecord | undefined;
}

export async function readKeys(db: ResultsDatabase = resultsDb()): Promise<DeviceKeys> {
	const [station, trainer] = await Promise.all([db.keys.get('station'), db.keys.get('trainer')]);
	return {
		station: station?.key === 'station' ? station : undefined,
		trainer: trainer?.key === 'trainer' ? trainer : undefined
	};
}

/**
 * The key this device seals new attempts to: the station key installed by the teacher or,
 * on the trainer's own device used as a station, the trainer's public key. None: pre and
 * post quizzes cannot record here.
 */
export function sealingKeyOf(keys: DeviceKeys): SealingKey | undefined {
	const record = keys.station ?? keys.trainer;
	return record && { publicKey: fromBase64Url(record.publicKey), keyId: record.keyId };
}

/** Installs (or replaces) the trainer key this station seals to. */
export async function installStationKey(
	publicKey: Uint8Array,
	now: Date,
	db: ResultsDatabase = resultsDb()
): Promise<StationKeyRecord> {
	const record: StationKeyRecord = {
		key: 'station',
		publicKey: toBase64Url(publicKey),
		keyId: await fingerprint(publicKey),
		installedAt: toMinute(now)
	};
	await db.keys.put(record);
	return record;
}
