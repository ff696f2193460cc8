import { wordlist } from '@scure/bip39/wordlists/english.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '$lib/crypto/bytes';
import { useScriptBackend } from '$lib/crypto/hpke';
import {
	PASSPHRASE_MIN_LENGTH,
	WrongPassphrase,
	passphraseProblem,
	suggestPassphrase,
	unwrapKey,
	wrapKey,
	type WrappedKey
} from '$lib/crypto/passphrase';

afterEach(() => useScriptBackend(false));

// Few iterations where a test is about logic; the figure itself is checked by its default.
const QUICK = 1000;
const privateKey = Uint8Array.from({ length: 32 }, (_, index) => index * 7);
const passphrase = 'tiger-lamp-orbit-quilt-mango-seven';

describe('passphrase rules', () => {
	it('counts user-perceived characters: 12 Khmer letters with their signs are enough', () => {
		// Each of these is a consonant with a vowel sign: two code points, one character.
		const khmer = 'កា'.repeat(3) + 'គិ'.repeat(3) + 'ចុ'.repeat(3) + 'ដេ'.repeat(3);
		expect([...khmer].length).toBe(24);
		expect(passphraseProblem(khmer)).toBe(null);
		expect(passphraseProblem('កាគិចុដេ'.repeat(2))).toBe('short');
	});

	it('refuses fewer than 12 characters, then one character repeated or under 4 distinct', () => {
		expect(PASSPHRASE_MIN_LENGTH).toBe(12);
		expect(passphraseProblem('')).toBe('short');
		expect(passphraseProblem('abcdefghijk')).toBe('short');
		expect(passphraseProblem('abcdefghijkl')).toBe(null);
		expect(passphraseProblem('aaaaaaaaaaaaaaaa')).toBe('repetitive');
		expect(passphraseProblem('abcabcabcabcabc')).toBe('repetitive');
		expect(passphraseProblem('abcdabcdabcd')).toBe(null);
		expect(passphraseProblem('😀😀😀😀😀😀😀😀😀😀😀😀')).toBe('repetitive');
	});

	it('suggests six words of the BIP39 English list, joined by "-"', () => {
		const words = suggestPassphrase().split('-');
		expect(words).toHaveLength(6);
		for (const word of words) expect(wordlist).toContain(word);
		expect(suggestPassphrase(8).split('-')).toHaveLength(8);
		expect(passphraseProblem(suggestPassphrase())).toBe(null);
		expect(suggestPassphrase()).not.toBe(suggestPassphrase());
		expect(() => suggestPassphrase(0)).toThrow(RangeError);
		expect(() => suggestPassphrase(2.5)).toThrow(RangeError);
	});

	it('draws from the whole list alike: over 40,000 words neither half is favoured', () => {
		const index = new Map(wordlist.map((word, position) => [word, position]));
		const halves = [0, 0];
		for (let round = 0; round < 1000; round++) {
			for (const word of suggestPassphrase(40).split('-')) halves[index.get(word)! >> 10]!++;
		}
		// A biased draw (such as modulo a number that is not a power of two) skews the halves.
		expect(Math.abs(halves[0]! - halves[1]!)).toBeLessThan(1200);
	});
});

describe.each([
	{ name: 'WebCrypto', script: false },
	{ name: 'JavaScript (noble)', script: true }
])('wrapping the trainer key ($name)', ({ script }) => {
	it('round-trips the private key and stores only base64url fields', async () => {
		useScriptBackend(script);
		const wrapped = await wrapKey(privateKey, passphrase, QUICK);
		expect(wrapped.kdf).toBe('PBKDF2-SHA-256');
		expect(wrapped.iterations).toBe(QUICK);
		expect(fromBase64Url(wrapped.salt)).toHaveLength(16);
		expect(fromBase64Url(wrapped.iv)).toHaveLength(12);
		expect(fromBase64Url(wrapped.ct)).toHaveLength(48);
		expect(JSON.stringify(wrapped)).not.toContain(toBase64Url(privateKey));
		expect(await unwrapKey(wrapped, passphrase)).toEqual(privateKey);
	});

	it('unwraps a record wrapped on the other backend', async () => {
		useScriptBackend(!script);
		const wrapped = await wrapKey(privateKey, passphrase, 2000);
		useScriptBackend(script);
		expect(await unwrapKey(wrapped, passphrase)).toEqual(privateKey);
	});

	it('takes the same passphrase typed composed or decomposed (NFC)', async () => {
		useScriptBackend(script);
		const wrapped = await wrapKey(privateKey, 'café-crème-brûlée', QUICK);
		const decomposed = 'café-crème-brûlée'.normalize('NFD');
		expect(await unwrapKey(wrapped, decomposed)).toEqual(privateKey);
	});

	it('throws WrongPassphrase for another passphrase, and for a damaged record', async () => {
		useScriptBackend(script);
		const wrapped = await wrapKey(privateKey, passphrase, QUICK);
		await expect(unwrapKey(wrapped, `${passphrase}x`)).rejects.toThrow(WrongPassphrase);
		await expect(unwrapKey(wrapped, '')).rejects.toThrow(WrongPassphrase);
		const ct = fromBase64Url(wrapped.ct);
		ct[3] = ct[3]! ^ 1;
		const damaged: unknown[] = [
			{ ...wrapped, ct: toBase64Url(ct) },
			{ ...wrapped, ct: wrapped.ct.slice(0, -4) },
			{ ...wrapped, salt: toBase64Url(new Uint8Array(16)) },
			{ ...wrapped, iv: 'not base64url!' },
			{ ...wrapped, iterations: QUICK + 1 },
			{ ...wrapped, iterations: 0 },
			{ ...wrapped, iterations: 1e12 },
			{ ...wrapped, iterations: '1000' },
			{ ...wrapped, kdf: 'scrypt' },
			{ ...wrapped, salt: undefined },
			null
		];
		for (const record of damaged) {
			await expect(unwrapKey(record as WrappedKey, passphrase)).rejects.toThrow(WrongPassphrase);
		}
	});
});

describe('wrapping defaults', () => {
	it('uses 600,000 iterations unless told otherwise, and fresh salt and iv each time', async () => {
		const a = await wrapKey(privateKey, passphrase);
		const b = await wrapKey(privateKey, passphrase, QUICK);
		expect(a.iterations).toBe(600_000);
		expect(a.salt).not.toBe(b.salt);
		expect(a.iv).not.toBe(b.iv);
	});

	it('refuses a private key that is not 32 bytes and impossible iteration counts', async () => {
		await expect(wrapKey(new Uint8Array(31), passphrase, QUICK)).rejects.toThrow(RangeError);
		await expect(wrapKey(privateKey, passphrase, 0)).rejects.toThrow(RangeError);
		await expect(wrapKey(privateKey, passphrase, 1.5)).rejects.toThrow(RangeError);
	});
});
