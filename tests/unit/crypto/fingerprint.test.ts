import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isKeyId, keyId, keyIdSync } from '$lib/crypto/fingerprint';
import { generateKeyPair } from '$lib/crypto/hpke';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The same figure computed another way: the digest's bits as a string of 0s and 1s. */
function expectedId(publicKey: Uint8Array): string {
	const digest = createHash('sha256').update(publicKey).digest();
	const bits = [...digest].map((byte) => byte.toString(2).padStart(8, '0')).join('');
	const digits = Array.from(
		{ length: 12 },
		(_, i) => CROCKFORD[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]
	).join('');
	return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

describe('key id', () => {
	it('is the first 60 bits of the key’s SHA-256 in Crockford base32, as XXXX-XXXX-XXXX', async () => {
		for (let round = 0; round < 20; round++) {
			const { publicKey } = await generateKeyPair();
			const id = await keyId(publicKey);
			expect(id).toBe(expectedId(publicKey));
			expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
			expect(isKeyId(id)).toBe(true);
			expect(keyIdSync(publicKey)).toBe(id);
		}
	});

	it('has a known value for the all-zero key and never uses I, L, O or U', async () => {
		// SHA-256 of 32 zero bytes starts 66687aadf862bd77…
		expect(await keyId(new Uint8Array(32))).toBe(expectedId(new Uint8Array(32)));
		expect(await keyId(new Uint8Array(32))).toBe('CSM7-NBFR-CAYQ');
		expect(CROCKFORD).not.toMatch(/[ILOU]/);
	});

	it('tells apart keys that differ in one bit', async () => {
		const { publicKey } = await generateKeyPair();
		const other = publicKey.slice();
		other[31] = other[31]! ^ 1;
		expect(await keyId(other)).not.toBe(await keyId(publicKey));
	});

	it('recognises only well-formed ids', () => {
		for (const text of ['CSM7-NBFR-CAYQ', '0000-0000-0000']) expect(isKeyId(text)).toBe(true);
		for (const text of ['csm7-nbfr-cayq', 'CSM7NBFRCAYQ', 'CSM7-NBFR-CAYI', 'CSM7-NBFR-CAY', ''])
			expect(isKeyId(text)).toBe(false);
	});
});
