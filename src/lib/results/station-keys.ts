/**
 * What a teacher does with a station's key and its results: install the trainer's public
 * key (from the station link or the key file the trainer gives), and save the sealed file
 * for the trainer. Replacing a key first closes the attempts still open under the old one,
 * so that no attempt is ever sealed to two keys.
 */
import {
	parseStationKey,
	parseStationKeyFile,
	type StationKeyProblem
} from '$lib/crypto/station-link';
import { resultsDb, type ResultsDatabase, type StationKeyRecord } from './db';
import { buildOrphanExport, buildSealedExport, markExported } from './archive';
import { download, exportFileName } from './download';
import { installStationKey, readKeys, sealingKeyOf } from './keys';
import { Recorder } from './recorder';
import type { SealingKey } from './seal';

/** A key file is a few hundred bytes; anything much larger is not one. */
export const MAX_KEY_FILE_BYTES = 4096;

export type KeyReading =
	| { ok: true; publicKey: Uint8Array }
	| { ok: false; problem: StationKeyProblem | 'wrong-format' | 'too-large' | 'unreadable' };

export function readStationLink(hash: string): KeyReading {
	return parseStationKey(hash);
}

export async function readKeyFile(file: Pick<File, 'size' | 'text'>): Promise<KeyReading> {
	if (file.size > MAX_KEY_FILE_BYTES) return { ok: false, problem: 'too-large' };
	try {
		return parseStationKeyFile(await file.text());
	} catch {
		return { ok: false, problem: 'unreadable' };
	}
}

/**
 * Installs `publicKey` as the key this station seals to. Attempts open under another key
 * are closed (unfinished) with that key first; clear records of an earlier version are
 * sealed to the new key.
 */
export async function replaceStationKey(
	publicKey: Uint8Array,
	now: Date,
	db: ResultsDatabase = resultsDb()
): Promise<StationKeyRecord> {
	const recorder = new Recorder(db, () => now);
	const previous = sealingKeyOf(await readKeys(db));
	if (previous) {
		for (const open of await recorder.openAttempts()) {
			if (open.keyId === previous.keyId) await recorder.close(previous, open.uuid);
		}
	}
	const record = await installStationKey(publicKey, now, db);
	const key = sealingKeyOf(await readKeys(db));
	if (key) await recorder.sealLegacy(key);
	return record;
}

/** Saves the sealed file for the trainer; resolves with how many attempts it holds. */
export async function saveSealedExport(key: SealingKey, now: Date): Promise<number> {
	const file = await buildSealedExport(key, now);
	download(
		exportFileName('sealed', file.device, now, 'json'),
		JSON.stringify(file),
		'application/json'
	);
	await markExported(now);
	return file.attempts.length;
}

/** Saves the attempts sealed to a key no longer installed, for that key's trainer. */
export async function saveOrphanExport(keyId: string, now: Date): Promise<number> {
	const file = await buildOrphanExport(keyId, now);
	download(
		exportFileName(`sealed-${keyId.slice(0, 4).toLowerCase()}`, file.device, now, 'json'),
		JSON.stringify(file),
		'application/json'
	);
	return file.attempts.length;
}
