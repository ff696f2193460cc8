/**
 * The trainer's private key, kept on the trainer's device only wrapped by a passphrase:
 * PBKDF2-HMAC-SHA-256 turns the passphrase and a random salt into an AES-256-GCM key that
 * seals the 32 private-key bytes. WebCrypto derives where the page has it; on plain http the
 * same derivation runs in JavaScript (@noble/hashes, loaded only then, handing the page back
 * every few milliseconds) and gives the same bytes, so a key wrapped one way unwraps the other.
 * A wrong passphrase and a damaged record look the same: AES-GCM's tag refuses both.
 */
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { aesGcmOpen, aesGcmSeal, subtleCrypto } from './backend';
import { fromBase64Url, ownBytes, toBase64Url, utf8 } from './bytes';

export interface WrappedKey {
	kdf: 'PBKDF2-SHA-256';
	iterations: number;
	salt: string;
	iv: string;
	ct: string;
}

/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). Stored with each record, so it can grow. */
export const WRAP_ITERATIONS = 600_000;
/** A record asking for more is refused rather than freezing the page for minutes. */
export const MAX_WRAP_ITERATIONS = 10_000_000;
export const PASSPHRASE_MIN_LENGTH = 12;
export const SUGGESTED_WORDS = 6;

const PRIVATE_KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const AES_KEY_BYTES = 32;
const TAG_BYTES = 16;
// Binds the ciphertext to what it is, so it cannot pass for another kind of record.
const AAD = utf8('safe-migration-classroom trainer private key');

export type PassphraseProblem = 'short' | 'repetitive';

/** User-perceived characters: a Khmer consonant with its vowel sign counts once. */
function characters(text: string): string[] {
	if (typeof Intl.Segmenter !== 'function') return [...text];
	const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
	return Array.from(segmenter.segment(text), (part) => part.segment);
}

/**
 * At least 12 characters and at least 4 different ones: a floor that turns away the shortest
 * and the held-down key, not a guarantee. A common phrase of 12 letters can still be guessed
 * through 600,000 PBKDF2 rounds each; the suggested six random words (66 bits) cannot.
 */
export function passphraseProblem(passphrase: string): PassphraseProblem | null {
	const chars = characters(passphrase.normalize('NFC'));
	if (chars.length < PASSPHRASE_MIN_LENGTH) return 'short';
	if (new Set(chars).size < 4) return 'repetitive';
	return null;
}

/**
 * Random words from the BIP39 English list (2048 words, 11 bits each: 66 bits for six).
 * 2048 divides 65536, so keeping 11 bits of a random 16-bit number picks every word alike.
 */
export function suggestPassphrase(words = SUGGESTED_WORDS): string {
	if (!Number.isInteger(words) || words < 1 || words > 64) {
		throw new RangeError('A passphrase has 1 to 64 words');
	}
	const picks = crypto.getRandomValues(new Uint16Array(words));
	return Array.from(picks, (pick) => wordlist[pick & 2047]!).join('-');
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number) {
	const password = ownBytes(utf8(passphrase.normalize('NFC')));
	const subtle = subtleCrypto();
	if (subtle) {
		const key = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
		const params = { name: 'PBKDF2', hash: 'SHA-256', salt: ownBytes(salt), iterations };
		return new Uint8Array(await subtle.deriveBits(params, key, AES_KEY_BYTES * 8));
	}
	const [{ pbkdf2Async }, { sha256 }] = await Promise.all([
		import('@noble/hashes/pbkdf2.js'),
		import('@noble/hashes/sha2.js')
	]);
	// asyncTick: hand the page back every few milliseconds, so the screen stays responsive.
	return pbkdf2Async(sha256, password, salt, {
		c: iterations,
		dkLen: AES_KEY_BYTES,
		asyncTick: 20
	});
}

export async function wrapKey(
	privateKey: Uint8Array,
	passphrase: string,
	iterations = WRAP_ITERATIONS
): Promise<WrappedKey> {
	if (privateKey.length !== PRIVATE_KEY_BYTES) {
		throw new RangeError(`A private key has ${PRIVATE_KEY_BYTES} bytes`);
	}
	if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_WRAP_ITERATIONS) {
		throw new RangeError(`Iterations run from 1 to ${MAX_WRAP_ITERATIONS}`);
	}
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await deriveKey(passphrase, salt, iterations);
	const ct = await aesGcmSeal(key, iv, AAD, privateKey);
	return {
		kdf: 'PBKDF2-SHA-256',
		iterations,
		salt: toBase64Url(salt),
		iv: toBase64Url(iv),
		ct: toBase64Url(ct)
	};
}

/** The passphrase does not open the record, or the record is damaged: the same to the user. */
export class WrongPassphrase extends Error {
	override name = 'WrongPassphrase';
	constructor() {
		super('The passphrase does not open this key');
	}
}

function decodeField(text: unknown, length: number): Uint8Array {
	if (typeof text !== 'string') throw new WrongPassphrase();
	try {
		const bytes = fromBase64Url(text);
		if (bytes.length === length) return bytes;
	} catch {
		// reported below, as any other damage
	}
	throw new WrongPassphrase();
}

export async function unwrapKey(wrapped: WrappedKey, passphrase: string): Promise<Uint8Array> {
	const record: Partial<Record<keyof WrappedKey, unknown>> =
		typeof wrapped === 'object' && wrapped !== null ? wrapped : {};
	const { iterations } = record;
	if (
		record.kdf !== 'PBKDF2-SHA-256' ||
		typeof iterations !== 'number' ||
		!Number.isInteger(iterations) ||
		iterations < 1 ||
		iterations > MAX_WRAP_ITERATIONS
	) {
		throw new WrongPassphrase();
	}
	const salt = decodeField(record.salt, SALT_BYTES);
	const iv = decodeField(record.iv, IV_BYTES);
	const ct = decodeField(record.ct, PRIVATE_KEY_BYTES + TAG_BYTES);
	const key = await deriveKey(passphrase, salt, iterations);
	try {
		return await aesGcmOpen(key, iv, AAD, ct);
	} catch {
		throw new WrongPassphrase();
	}
}
