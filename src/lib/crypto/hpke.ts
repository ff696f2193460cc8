/**
 * HPKE (RFC 9180), base mode, single-shot, one suite: DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-128-GCM. A station seals each attempt to the trainer's public key with a
 * fresh ephemeral key; only the trainer's private key opens it. The steps below follow the
 * RFC's pseudocode section by section; X25519 and AES-GCM come from backend.ts (WebCrypto or
 * the noble fallback), HKDF from @noble/hashes on both paths (a few microseconds, no await).
 * Checked against the RFC's test vector and against @hpke/core.
 */
import { expand, extract } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { aesGcmOpen, aesGcmSeal, x25519EphemeralKey, x25519PrivateKey } from './backend';
import { concatBytes, ownBytes, sameBytes, utf8 } from './bytes';
import { isUsablePublicKey } from './public-key';

export { useScriptBackend } from './backend';

export interface KeyPair {
	publicKey: Uint8Array;
	privateKey: Uint8Array;
}
export interface Sealed {
	enc: Uint8Array;
	ct: Uint8Array;
}
export interface SealOptions {
	info: Uint8Array;
	aad?: Uint8Array;
}

/** A public or private key that is not a usable X25519 key. */
export class KeyError extends Error {
	override name = 'KeyError';
}
/** Whatever does not open: another key, a changed or cut enc or ct, another info or aad. */
export class OpenError extends Error {
	override name = 'OpenError';
}

const KEY_BYTES = 32;
const TAG_BYTES = 16;
const N_SECRET = 32;
const N_K = 16;
const N_N = 12;
const N_H = 32;

const i2osp = (value: number, length: number) => {
	const bytes = new Uint8Array(length);
	for (let index = length - 1, rest = value; index >= 0; index--, rest = Math.floor(rest / 256)) {
		bytes[index] = rest & 0xff;
	}
	return bytes;
};

// §4.1 and §5.1: kem_id 0x0020, kdf_id 0x0001, aead_id 0x0001.
const KEM_SUITE_ID = concatBytes(utf8('KEM'), i2osp(0x0020, 2));
const HPKE_SUITE_ID = concatBytes(utf8('HPKE'), i2osp(0x0020, 2), i2osp(1, 2), i2osp(1, 2));
const VERSION_LABEL = utf8('HPKE-v1');
const EMPTY = new Uint8Array(0);
const MODE_BASE = 0x00;

// §4: LabeledExtract and LabeledExpand.
function labeledExtract(suiteId: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array) {
	return extract(sha256, concatBytes(VERSION_LABEL, suiteId, utf8(label), ikm), salt);
}

function labeledExpand(
	suiteId: Uint8Array,
	prk: Uint8Array,
	label: string,
	info: Uint8Array,
	length: number
) {
	const labeledInfo = concatBytes(i2osp(length, 2), VERSION_LABEL, suiteId, utf8(label), info);
	return expand(sha256, prk, labeledInfo, length);
}

// §4.1: ExtractAndExpand of DHKEM.
function extractAndExpand(dh: Uint8Array, kemContext: Uint8Array): Uint8Array {
	const eaePrk = labeledExtract(KEM_SUITE_ID, EMPTY, 'eae_prk', dh);
	return labeledExpand(KEM_SUITE_ID, eaePrk, 'shared_secret', kemContext, N_SECRET);
}

const allZero = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);

/**
 * §4.1 Encap. The ephemeral key is fresh for every seal; the test vector fixes it instead.
 */
async function encap(recipientPublicKey: Uint8Array, ephemeralPrivateKey?: Uint8Array) {
	if (!isUsablePublicKey(recipientPublicKey)) {
		throw new KeyError('The public key is not a usable X25519 key');
	}
	const ephemeral = ephemeralPrivateKey
		? await x25519PrivateKey(ephemeralPrivateKey)
		: await x25519EphemeralKey();
	const enc = await ephemeral.publicKey();
	let dh: Uint8Array;
	try {
		dh = await ephemeral.dh(recipientPublicKey);
	} catch {
		throw new KeyError('The public key is not a usable X25519 key');
	}
	// §7.1.4: an all-zero shared secret means a small-order key; never seal to it.
	if (allZero(dh)) throw new KeyError('The public key gives an all-zero shared secret');
	return { enc, sharedSecret: extractAndExpand(dh, concatBytes(enc, recipientPublicKey)) };
}

// psk_id_hash never changes in the base mode, and every attempt is sealed with the same info:
// both are worked out once, as they are the same bytes each time.
let pskIdHash: Uint8Array | undefined;
let lastInfo: { info: Uint8Array; hash: Uint8Array } | undefined;

function infoHash(info: Uint8Array): Uint8Array {
	if (!lastInfo || !sameBytes(lastInfo.info, info)) {
		const hash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'info_hash', info);
		lastInfo = { info: ownBytes(info), hash };
	}
	return lastInfo.hash;
}

/** §5.1 KeySchedule for the base mode (no PSK), without the exporter secret single-shot never uses. */
function keySchedule(sharedSecret: Uint8Array, info: Uint8Array) {
	pskIdHash ??= labeledExtract(HPKE_SUITE_ID, EMPTY, 'psk_id_hash', EMPTY);
	const context = concatBytes(new Uint8Array([MODE_BASE]), pskIdHash, infoHash(info));
	const secret = labeledExtract(HPKE_SUITE_ID, sharedSecret, 'secret', EMPTY);
	return {
		keyScheduleContext: context,
		secret,
		key: labeledExpand(HPKE_SUITE_ID, secret, 'key', context, N_K),
		baseNonce: labeledExpand(HPKE_SUITE_ID, secret, 'base_nonce', context, N_N)
	};
}

/** §5.2 ComputeNonce: the base nonce XOR the sequence number, big-endian. */
function computeNonce(baseNonce: Uint8Array, sequence: number): Uint8Array {
	const counter = i2osp(sequence, N_N);
	return baseNonce.map((byte, index) => byte ^ counter[index]!);
}

function checkPrivateKey(privateKey: Uint8Array): void {
	if (privateKey.length !== KEY_BYTES) {
		throw new KeyError(`A private key has ${KEY_BYTES} bytes, not ${privateKey.length}`);
	}
}

/** Any 32 random bytes are an X25519 private key (RFC 7748 §5 clamps them when used). */
export async function generateKeyPair(): Promise<KeyPair> {
	const privateKey = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
	return { publicKey: await publicKeyFrom(privateKey), privateKey };
}

export async function publicKeyFrom(privateKey: Uint8Array): Promise<Uint8Array> {
	checkPrivateKey(privateKey);
	return (await x25519PrivateKey(privateKey)).publicKey();
}

/** §6.1 SealBase: a fresh ephemeral key for every call, so two seals never share a key. */
export async function seal(
	recipientPublicKey: Uint8Array,
	plaintext: Uint8Array,
	options: SealOptions
): Promise<Sealed> {
	const { enc, sharedSecret } = await encap(ownBytes(recipientPublicKey));
	const { key, baseNonce } = keySchedule(sharedSecret, options.info);
	const ct = await aesGcmSeal(key, baseNonce, options.aad ?? EMPTY, plaintext);
	return { enc, ct };
}

export interface Recipient {
	readonly publicKey: Uint8Array;
	open(sealed: Sealed, options: SealOptions): Promise<Uint8Array>;
}

/**
 * The trainer's side: the private key is imported once, so opening thousands of attempts
 * does only the per-record work (§6.1 OpenBase: Decap, KeySchedule, Open).
 */
export async function recipient(privateKey: Uint8Array): Promise<Recipient> {
	checkPrivateKey(privateKey);
	const key = await x25519PrivateKey(privateKey);
	const publicKey = await key.publicKey();
	return {
		publicKey: ownBytes(publicKey),
		async open(sealed, options) {
			const { enc, ct } = sealed;
			if (ct.length < TAG_BYTES || !isUsablePublicKey(enc)) {
				throw new OpenError('The sealed record is damaged');
			}
			let dh: Uint8Array;
			try {
				dh = await key.dh(enc);
			} catch {
				throw new OpenError('The sealed record is damaged');
			}
			if (allZero(dh)) throw new OpenError('The sealed record is damaged');
			const sharedSecret = extractAndExpand(dh, concatBytes(enc, publicKey));
			const schedule = keySchedule(sharedSecret, options.info);
			try {
				return await aesGcmOpen(schedule.key, schedule.baseNonce, options.aad ?? EMPTY, ct);
			} catch {
				throw new OpenError('The record does not open with this key');
			}
		}
	};
}

/**
 * For the RFC 9180 test vector only: the steps of `seal` with the ephemeral key fixed, the
 * key schedule's intermediate values, and the nonce of any sequence number.
 */
export const rfc9180Steps = {
	encap: (recipientPublicKey: Uint8Array, ephemeralPrivateKey: Uint8Array) =>
		encap(recipientPublicKey, ephemeralPrivateKey),
	keySchedule(sharedSecret: Uint8Array, info: Uint8Array) {
		const schedule = keySchedule(sharedSecret, info);
		const { secret, keyScheduleContext } = schedule;
		const exporterSecret = labeledExpand(HPKE_SUITE_ID, secret, 'exp', keyScheduleContext, N_H);
		return { ...schedule, exporterSecret };
	},
	computeNonce,
	aeadSeal: aesGcmSeal
};
