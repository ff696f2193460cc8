/**
 * Sealing results to the trainer's public key, and reading them back with the private key.
 * An attempt is stored as parts, each sealed with HPKE (crypto/hpke.ts) to the trainer's
 * key with the attempt's uuid as associated data, so a part cannot be moved to another
 * attempt unnoticed. A station can write parts but never read one: it keeps no private key.
 * - Part 0, written when the attempt starts, holds the header (quiz, class label, pairing
 *   code…) and the answers given on that page.
 * - A page that carries the attempt on after a reload cannot read part 0, so it adds a part
 *   of its own with its answers, and the end if it ends the attempt.
 * The trainer's device joins the parts into one `Attempt` (attempt.ts, `attemptFromParts`).
 */
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '$lib/crypto/bytes';
import { seal, type Recipient } from '$lib/crypto/hpke';
import { attemptFromParts, type AttemptPart, type Joined } from './attempt';
import type { SealedAttemptRecord, SealedPart, SessionRecord } from './db';

export type { AttemptEnd, AttemptHeader } from './attempt';
/** What one sealed part holds (see attempt.ts). */
export type PartContent = AttemptPart;

const ATTEMPT_INFO = utf8('safe-migration-classroom attempt v1');
const SESSIONS_INFO = utf8('safe-migration-classroom sessions v1');

/** The public half of the trainer's key, as a station seals to it. */
export interface SealingKey {
	publicKey: Uint8Array;
	keyId: string;
}

/** Seals one part of the attempt `uuid`. */
export async function sealPart(
	key: SealingKey,
	uuid: string,
	content: PartContent
): Promise<SealedPart> {
	const sealed = await seal(key.publicKey, utf8(JSON.stringify(content)), {
		info: ATTEMPT_INFO,
		aad: utf8(uuid)
	});
	return { enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) };
}

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

/** The session log of an export, sealed as one part (bound to the exporting device). */
export async function sealSessions(
	key: SealingKey,
	device: string,
	sessions: readonly SessionRecord[]
): Promise<SealedPart> {
	const sealed = await seal(key.publicKey, utf8(JSON.stringify({ v: 1, sessions })), {
		info: SESSIONS_INFO,
		aad: utf8(device)
	});
	return { enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) };
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
