/**
 * A short name for a trainer key that two people can read to each other and compare: the
 * first 60 bits of the key's SHA-256 in Crockford's base32 (no I, L, O or U to misread), in
 * three groups of four, such as "7K2Q-M9XD-4RTB". It tells keys apart; it is not a secret.
 */
import { sha256 } from '@noble/hashes/sha2.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The same as `keyId`, without waiting: for checks inside synchronous parsers. */
export function keyIdSync(publicKey: Uint8Array): string {
	const digest = sha256(publicKey);
	// 60 bits = the first 7.5 bytes, read as twelve 5-bit digits from the top.
	let bits = 0n;
	for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
	bits >>= 4n;
	let digits = '';
	for (let shift = 55n; shift >= 0n; shift -= 5n) {
		digits += CROCKFORD[Number((bits >> shift) & 31n)];
	}
	return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

export async function keyId(publicKey: Uint8Array): Promise<string> {
	return keyIdSync(publicKey);
}

export function isKeyId(text: string): boolean {
	return KEY_ID_PATTERN.test(text);
}
