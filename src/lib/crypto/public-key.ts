/**
 * Whether 32 bytes can be an X25519 public key worth sealing to. Every 32 bytes decode to some
 * point, but the few of small order (RFC 7748 §7; the list libsodium and @noble/curves reject)
 * make every shared secret all zeros, so anything sealed to them could be opened by anyone.
 * Checked here without any curve arithmetic, so a link or a key file can be refused at once
 * on a page that has not loaded the curve code.
 */

const P = 2n ** 255n - 19n;

/** The u-coordinates of order 1, 2, 4 and 8, on the curve and on its twist, reduced mod p. */
const SMALL_ORDER = new Set([
	0n,
	1n,
	P - 1n,
	325606250916557431795983626356110631294008115727848805560023387167927233504n,
	39382357235489614581723060781553021112529911719440698176882885853963445705823n
]);

export const PUBLIC_KEY_BYTES = 32;

export function isUsablePublicKey(bytes: Uint8Array): boolean {
	if (bytes.length !== PUBLIC_KEY_BYTES) return false;
	// RFC 7748 §5: little-endian, the top bit ignored, values of p and above taken mod p.
	let u = 0n;
	for (let index = PUBLIC_KEY_BYTES - 1; index >= 0; index--) {
		u = (u << 8n) | BigInt(index === 31 ? bytes[index]! & 0x7f : bytes[index]!);
	}
	return !SMALL_ORDER.has(u % P);
}
