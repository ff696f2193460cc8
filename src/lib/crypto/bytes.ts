/**
 * Bytes as text and back. Keys and sealed records travel as base64url (RFC 4648 §5, no
 * padding) in links, files and the database; the decoder is strict (only the canonical form of
 * each byte string is accepted), so one key has exactly one spelling and a changed character
 * is never silently read as the same bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// The value of each character by its code, -1 for those outside the alphabet: a sealed
// attempt is a kilobyte or two of this text, and a trainer opens thousands at a time.
const VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < ALPHABET.length; value++) VALUES[ALPHABET.charCodeAt(value)] = value;

export function toBase64Url(bytes: Uint8Array): string {
	let text = '';
	for (let index = 0; index < bytes.length; index += 3) {
		const a = bytes[index]!;
		const b = bytes[index + 1] ?? 0;
		const c = bytes[index + 2] ?? 0;
		const left = bytes.length - index;
		text += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
		if (left > 1) text += ALPHABET[((b & 15) << 2) | (c >> 6)]!;
		if (left > 2) text += ALPHABET[c & 63]!;
	}
	return text;
}

/** Throws RangeError on a character outside the alphabet, padding, or an impossible length. */
export function fromBase64Url(text: string): Uint8Array {
	if (text.length % 4 === 1) throw new RangeError('base64url text has an impossible length');
	const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
	let buffer = 0;
	let bits = 0;
	let out = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		const value = code < 128 ? VALUES[code]! : -1;
		if (value < 0) throw new RangeError('base64url text has a character outside it');
		buffer = ((buffer << 6) | value) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[out++] = (buffer >> bits) & 0xff;
		}
	}
	// Leftover bits must be zero: otherwise two spellings would give the same bytes.
	if ((buffer & ((1 << bits) - 1)) !== 0) {
		throw new RangeError('base64url text is not in its canonical form');
	}
	return bytes;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
	return encoder.encode(text);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Throws TypeError on bytes that are not UTF-8, instead of inventing replacement characters. */
export function fromUtf8(bytes: Uint8Array): string {
	return strictDecoder.decode(bytes);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		whole.set(part, offset);
		offset += part.length;
	}
	return whole;
}

/** Compares every byte whatever the first difference, so timing tells nothing. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	let difference = a.length ^ b.length;
	for (let index = 0; index < Math.max(a.length, b.length); index++) {
		difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
	}
	return difference === 0;
}

/** A copy in a fresh ArrayBuffer: the type WebCrypto accepts, and safe from later changes. */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return new Uint8Array(bytes);
}
