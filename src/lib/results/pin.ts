/**
 * The trainer's PIN, kept only as a PBKDF2-SHA-256 hash with a random salt. WebCrypto does
 * the hashing where the browser offers it; a page served over plain http on a classroom
 * network has no `crypto.subtle`, so there the same derivation runs in JavaScript
 * (@noble/hashes, loaded only then) and gives the same bytes, so a PIN set one way opens
 * the other way too.
 */
import type { PinRecord } from './db';

/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). Stored with each hash, so it can grow. */
export const PIN_ITERATIONS = 600_000;
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Why a new PIN is refused, if it is. */
export type PinProblem = 'digits' | 'short' | 'long' | 'simple';

/**
 * Digits only, 6 to 12 of them, and not one of the PINs anyone tries first (all one digit,
 * a run up or down): a student guessing has five tries before the delays start.
 */
export function pinProblem(pin: string): PinProblem | null {
	if (!/^\d*$/.test(pin)) return 'digits';
	if (pin.length < PIN_MIN_LENGTH) return 'short';
	if (pin.length > PIN_MAX_LENGTH) return 'long';
	const digits = [...pin].map(Number);
	const steps = new Set(digits.slice(1).map((digit, index) => (digit - digits[index]! + 10) % 10));
	if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return 'simple';
	return null;
}

type Derive = (pin: string, salt: Uint8Array, iterations: number) => Promise<Uint8Array>;

const subtleDerive: Derive = async (pin, salt, iterations) => {
	const subtle = globalThis.crypto.subtle;
	const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
		key,
		KEY_BYTES * 8
	);
	return new Uint8Array(bits);
};

const scriptDerive: Derive = async (pin, salt, iterations) => {
	const [{ pbkdf2Async }, { sha256 }] = await Promise.all([
		import('@noble/hashes/pbkdf2.js'),
		import('@noble/hashes/sha2.js')
	]);
	// asyncTick: hand the page back every few milliseconds, so the screen stays responsive.
	return pbkdf2Async(sha256, pin, salt, { c: iterations, dkLen: KEY_BYTES, asyncTick: 20 });
};

/** WebCrypto where there is one (a secure context), otherwise the JavaScript derivation. */
export function pinDerivation(): Derive {
	return globalThis.crypto?.subtle ? subtleDerive : scriptDerive;
}

/** The two derivations, by name, for the tests that check they agree. */
export const derivations = { subtle: subtleDerive, script: scriptDerive };

export function toBase64(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += String.fromCharCode(byte);
	return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
	return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

export async function hashPin(
	pin: string,
	derive: Derive = pinDerivation(),
	iterations = PIN_ITERATIONS
): Promise<PinRecord> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(pin, salt, iterations);
	return {
		key: 'pin',
		algorithm: 'PBKDF2-SHA-256',
		hash: toBase64(hash),
		salt: toBase64(salt),
		iterations
	};
}

/** Compares every byte whatever the first difference, so timing says nothing of the PIN. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	let difference = a.length ^ b.length;
	for (let index = 0; index < Math.max(a.length, b.length); index++) {
		difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
	}
	return difference === 0;
}

export async function pinMatches(
	pin: string,
	stored: PinRecord,
	derive: Derive = pinDerivation()
): Promise<boolean> {
	const hash = await derive(pin, fromBase64(stored.salt), stored.iterations);
	return sameBytes(hash, fromBase64(stored.hash));
}
