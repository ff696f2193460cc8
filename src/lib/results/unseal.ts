/**
 * Reading sealed results back with the trainer's private key (seal.ts seals them): on the
 * trainer's device only, for opening attempts after unlocking and for an import.
 */
import { fromBase64Url, fromUtf8, utf8 } from '$lib/crypto/bytes';
import type { Recipient } from '$lib/crypto/hpke';
import { attemptFromParts, type Joined } from './attempt';
import type { SealedAttemptRecord, SealedPart } from './db';
import { ATTEMPT_INFO, SESSIONS_INFO } from './seal';

export type Opened = Joined | { ok: false; problem: 'undecryptable' };
export type OpenProblem = Extract<Opened, { ok: false }>['problem'];

async function openBytes(
	recipient: Recipient,
	part: SealedPart,
	info: Uint8Array,
	aad: Uint8Array
): Promise<unknown> {
	let plain: Uint8Array;
	try {
		plain = await recipient.open(
			{ enc: fromBase64Url(part.enc), ct: fromBase64Url(part.ct) },
			{ info, aad }
		);
	} catch {
		return undefined;
	}
	try {
		return JSON.parse(fromUtf8(plain)) as unknown;
	} catch {
		return null;
	}
}

/**
 * Opens every part of a sealed attempt and joins them (attempt.ts checks each part's
 * shape: nothing decrypted is trusted). A part that does not open with this key, or was
 * changed, makes the whole attempt unreadable.
 */
export async function openAttempt(
	recipient: Recipient,
	record: Pick<SealedAttemptRecord, 'uuid' | 'parts'>
): Promise<Opened> {
	const aad = utf8(record.uuid);
	const contents = await Promise.all(
		record.parts.map((part) => openBytes(recipient, part, ATTEMPT_INFO, aad))
	);
	if (contents.includes(undefined)) return { ok: false, problem: 'undecryptable' };
	return attemptFromParts(record.uuid, contents);
}

/** Opened at once: enough to keep the crypto busy, few enough not to crowd memory. */
const BATCH = 200;

/**
 * Opens many attempts, an outcome for each in the same order, a batch at a time;
 * `between` runs between batches (a page gives the browser a moment there).
 */
export async function openEach(
	recipient: Recipient,
	records: readonly Pick<SealedAttemptRecord, 'uuid' | 'parts'>[],
	between?: () => Promise<void>
): Promise<Opened[]> {
	const opened: Opened[] = [];
	for (let start = 0; start < records.length; start += BATCH) {
		if (start > 0) await between?.();
		const batch = records.slice(start, start + BATCH);
		opened.push(...(await Promise.all(batch.map((record) => openAttempt(recipient, record)))));
	}
	return opened;
}

/** The sessions of an export, still to be checked record by record; undefined if unreadable. */
export async function openSessions(
	recipient: Recipient,
	device: string,
	part: SealedPart
): Promise<unknown[] | undefined> {
	const value = await openBytes(recipient, part, SESSIONS_INFO, utf8(device));
	if (value === null || typeof value !== 'object') return undefined;
	const { v, sessions } = value as { v?: unknown; sessions?: unknown };
	return v === 1 && Array.isArray(sessions) ? (sessions as unknown[]) : undefined;
}
