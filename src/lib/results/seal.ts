/**
 * Sealing results to the trainer's public key (unseal.ts reads them back with the private key).
 * An attempt is stored as parts, each sealed with HPKE (crypto/hpke.ts) to the trainer's
 * key with the attempt's uuid as associated data, so a part cannot be moved to another
 * attempt unnoticed. A station can write parts but never read one: it keeps no private key.
 * - Part 0, written when the attempt starts, holds the header (quiz, class label, pairing
 *   code…) and the answers given on that page.
 * - A page that carries the attempt on after a reload cannot read part 0, so it adds a part
 *   of its own with its answers, and the end if it ends the attempt.
 * The trainer's device joins the parts into one `Attempt` (attempt.ts, `attemptFromParts`).
 * Stations load this module and not the reading side, nor the checks that come with it.
 */
import { toBase64Url, utf8 } from '$lib/crypto/bytes';
import { seal } from '$lib/crypto/hpke';
import type { AttemptPart } from './attempt';
import type { SealedPart, SessionRecord } from './db';

export type { AttemptEnd, AttemptHeader } from './attempt';
/** What one sealed part holds (see attempt.ts). */
export type PartContent = AttemptPart;

export const ATTEMPT_INFO = utf8('safe-migration-classroom attempt v1');
export const SESSIONS_INFO = utf8('safe-migration-classroom sessions v1');

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
