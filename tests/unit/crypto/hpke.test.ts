import { Aes128Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { utf8 } from '$lib/crypto/bytes';
import {
	KeyError,
	OpenError,
	generateKeyPair,
	publicKeyFrom,
	recipient,
	rfc9180Steps,
	seal,
	useScriptBackend,
	type Sealed
} from '$lib/crypto/hpke';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// RFC 9180 Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode.
const vector = {
	info: hex('4f6465206f6e2061204772656369616e2055726e'),
	skEm: hex('52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736'),
	pkEm: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
	skRm: hex('4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8'),
	pkRm: hex('3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d'),
	sharedSecret: 'fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc',
	keyScheduleContext:
		'00725611c9d98c07c03f60095cd32d400d8347d45ed67097bbad50fc56da742d07cb6cffde367bb0565ba28bb02c90744a20f5ef37f30523526106f637abb05449',
	secret: '12fff91991e93b48de37e7daddb52981084bd8aa64289c3788471d9a9712f397',
	key: '4531685d41d65f03dc48f6b8302c05b0',
	baseNonce: '56d890e5accaaf011cff4b7d',
	exporterSecret: '45ff1c2e220db587171952c0592d5f5ebe103f1561a2614e38f2ffd47e99e3f8',
	pt: hex('4265617574792069732074727574682c20747275746820626561757479'),
	encryptions: [
		{
			sequence: 0,
			aad: '436f756e742d30',
			nonce: '56d890e5accaaf011cff4b7d',
			ct: 'f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a'
		},
		{
			sequence: 1,
			aad: '436f756e742d31',
			nonce: '56d890e5accaaf011cff4b7c',
			ct: 'af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab251c03d0c22a56b8ca42c2063b84'
		},
		{
			sequence: 2,
			aad: '436f756e742d32',
			nonce: '56d890e5accaaf011cff4b7f',
			ct: '498dfcabd92e8acedc281e85af1cb4e3e31c7dc394a1ca20e173cb72516491588d96a19ad4a683518973dcc180'
		},
		{
			sequence: 4,
			aad: '436f756e742d34',
			nonce: '56d890e5accaaf011cff4b79',
			ct: '583bd32bc67a5994bb8ceaca813d369bca7b2a42408cddef5e22f880b631215a09fc0012bc69fccaa251c0246d'
		},
		{
			sequence: 255,
			aad: '436f756e742d323535',
			nonce: '56d890e5accaaf011cff4b82',
			ct: '7175db9717964058640a3a11fb9007941a5d1757fda1a6935c805c21af32505bf106deefec4a49ac38d71c9e0a'
		},
		{
			sequence: 256,
			aad: '436f756e742d323536',
			nonce: '56d890e5accaaf011cff4a7d',
			ct: '957f9800542b0b8891badb026d79cc54597cb2d225b54c00c5238c25d05c30e3fbeda97d2e0e1aba483a2df9f2'
		}
	]
};

// Points of order 1, 2, 4 and 8 (RFC 7748 §7), and u = p + 1, which is 1 once reduced.
const SMALL_ORDER_KEYS = [
	'0000000000000000000000000000000000000000000000000000000000000000',
	'0100000000000000000000000000000000000000000000000000000000000000',
	'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
	'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
	'5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
	'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'
].map(hex);

const backends = [
	{ name: 'WebCrypto', script: false },
	{ name: 'JavaScript (noble)', script: true }
];

afterEach(() => {
	useScriptBackend(false);
	vi.restoreAllMocks();
});

const options = { info: utf8('attempt v3'), aad: utf8('device 1') };

describe.each(backends)('HPKE on the $name backend', ({ script }) => {
	it('gives the RFC 9180 A.1.1 key schedule, enc and every listed ciphertext', async () => {
		useScriptBackend(script);
		expect(toHex(await publicKeyFrom(vector.skRm))).toBe(toHex(vector.pkRm));
		const { enc, sharedSecret } = await rfc9180Steps.encap(vector.pkRm, vector.skEm);
		expect(toHex(enc)).toBe(vector.pkEm);
		expect(toHex(sharedSecret)).toBe(vector.sharedSecret);
		const schedule = rfc9180Steps.keySchedule(sharedSecret, vector.info);
		expect(toHex(schedule.keyScheduleContext)).toBe(vector.keyScheduleContext);
		expect(toHex(schedule.secret)).toBe(vector.secret);
		expect(toHex(schedule.key)).toBe(vector.key);
		expect(toHex(schedule.baseNonce)).toBe(vector.baseNonce);
		expect(toHex(schedule.exporterSecret)).toBe(vector.exporterSecret);
		for (const encryption of vector.encryptions) {
			const nonce = rfc9180Steps.computeNonce(schedule.baseNonce, encryption.sequence);
			expect(toHex(nonce)).toBe(encryption.nonce);
			const ct = await rfc9180Steps.aeadSeal(schedule.key, nonce, hex(encryption.aad), vector.pt);
			expect(toHex(ct)).toBe(encryption.ct);
		}
	});

	it('opens the RFC 9180 A.1.1 single-shot ciphertext (sequence 0) with the recipient key', async () => {
		useScriptBackend(script);
		const trainer = await recipient(vector.skRm);
		expect(toHex(trainer.publicKey)).toBe(toHex(vector.pkRm));
		const first = vector.encryptions[0]!;
		const sealed = { enc: hex(vector.pkEm), ct: hex(first.ct) };
		const opened = await trainer.open(sealed, { info: vector.info, aad: hex(first.aad) });
		expect(toHex(opened)).toBe(toHex(vector.pt));
	});

	it('round-trips a sealed attempt, with and without aad, and seals each time afresh', async () => {
		useScriptBackend(script);
		const keys = await generateKeyPair();
		expect(keys.privateKey).toHaveLength(32);
		expect(keys.publicKey).toHaveLength(32);
		const plaintext = utf8('{"score":7,"classLabel":"Grade 8A ថ្នាក់"}');
		const trainer = await recipient(keys.privateKey);
		const first = await seal(keys.publicKey, plaintext, options);
		const second = await seal(keys.publicKey, plaintext, options);
		expect(first.enc).toHaveLength(32);
		expect(first.ct).toHaveLength(plaintext.length + 16);
		expect(toHex(first.enc)).not.toBe(toHex(second.enc));
		expect(toHex(first.ct)).not.toBe(toHex(second.ct));
		expect(await trainer.open(first, options)).toEqual(plaintext);
		expect(await trainer.open(second, options)).toEqual(plaintext);
		const noAad = await seal(keys.publicKey, new Uint8Array(0), { info: options.info });
		expect(await trainer.open(noAad, { info: options.info })).toEqual(new Uint8Array(0));
	});

	describe('refuses what does not open, with OpenError', () => {
		async function sealedOne() {
			useScriptBackend(script);
			const keys = await generateKeyPair();
			const sealed = await seal(keys.publicKey, utf8('answers'), options);
			return { keys, sealed, trainer: await recipient(keys.privateKey) };
		}
		const flip = (bytes: Uint8Array, index: number) => {
			const copy = bytes.slice();
			copy[index] = copy[index]! ^ 1;
			return copy;
		};

		it('a changed byte anywhere in ct, tag included', async () => {
			const { sealed, trainer } = await sealedOne();
			for (const index of [0, sealed.ct.length - 17, sealed.ct.length - 1]) {
				const tampered = { ...sealed, ct: flip(sealed.ct, index) };
				await expect(trainer.open(tampered, options)).rejects.toThrow(OpenError);
			}
		});

		it('a changed enc', async () => {
			const { sealed, trainer } = await sealedOne();
			const tampered = { ...sealed, enc: flip(sealed.enc, 5) };
			await expect(trainer.open(tampered, options)).rejects.toThrow(OpenError);
		});

		it('an enc of small order, or of the wrong length', async () => {
			const { sealed, trainer } = await sealedOne();
			for (const enc of [...SMALL_ORDER_KEYS, sealed.enc.subarray(0, 31), new Uint8Array(0)]) {
				await expect(trainer.open({ ...sealed, enc }, options)).rejects.toThrow(OpenError);
			}
		});

		it('another aad or info, or none where there was one', async () => {
			const { sealed, trainer } = await sealedOne();
			const attempts = [
				{ info: options.info, aad: utf8('device 2') },
				{ info: options.info },
				{ info: utf8('attempt v4'), aad: options.aad },
				{ info: new Uint8Array(0), aad: options.aad }
			];
			for (const other of attempts) {
				await expect(trainer.open(sealed, other)).rejects.toThrow(OpenError);
			}
		});

		it('a cut ct: shorter by one byte, only the tag, or nothing', async () => {
			const { sealed, trainer } = await sealedOne();
			for (const ct of [
				sealed.ct.subarray(0, sealed.ct.length - 1),
				sealed.ct.subarray(sealed.ct.length - 16),
				sealed.ct.subarray(0, 15),
				new Uint8Array(0)
			]) {
				await expect(trainer.open({ ...sealed, ct }, options)).rejects.toThrow(OpenError);
			}
		});

		it('another trainer’s private key', async () => {
			const { sealed } = await sealedOne();
			const other = await recipient((await generateKeyPair()).privateKey);
			await expect(other.open(sealed, options)).rejects.toThrow(OpenError);
		});
	});

	it('refuses to seal to a small-order or wrong-length public key, with KeyError', async () => {
		useScriptBackend(script);
		for (const publicKey of [...SMALL_ORDER_KEYS, new Uint8Array(31), new Uint8Array(33)]) {
			await expect(seal(publicKey, utf8('x'), options)).rejects.toThrow(KeyError);
		}
	});

	it('refuses a private key that is not 32 bytes, with KeyError', async () => {
		useScriptBackend(script);
		await expect(recipient(new Uint8Array(31))).rejects.toThrow(KeyError);
		await expect(publicKeyFrom(new Uint8Array(64))).rejects.toThrow(KeyError);
	});
});

describe('HPKE backend choice', () => {
	it('uses WebCrypto X25519 and AES-GCM where they work (Node has both)', async () => {
		const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
		const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
		const keys = await generateKeyPair();
		await seal(keys.publicKey, utf8('x'), options);
		expect(
			deriveBits.mock.calls.some(([algorithm]) => (algorithm as Algorithm).name === 'X25519')
		).toBe(true);
		expect(encrypt).toHaveBeenCalled();
	});

	it('never calls WebCrypto while the script backend is forced, as on plain http', async () => {
		const calls = (['importKey', 'deriveBits', 'encrypt', 'decrypt'] as const).map((name) =>
			vi.spyOn(crypto.subtle, name)
		);
		useScriptBackend(true);
		const keys = await generateKeyPair();
		const sealed = await seal(keys.publicKey, utf8('x'), options);
		await (await recipient(keys.privateKey)).open(sealed, options);
		for (const call of calls) expect(call).not.toHaveBeenCalled();
	});
});

describe('HPKE across backends and implementations', () => {
	const suite = new CipherSuite({
		kem: new DhkemX25519HkdfSha256(),
		kdf: new HkdfSha256(),
		aead: new Aes128Gcm()
	});
	const plaintext = utf8('{"answers":[{"questionId":"q1","given":["b"]}]}');

	it('opens on one backend what the other sealed, both ways', async () => {
		const keys = await generateKeyPair();
		useScriptBackend(true);
		const byScript = await seal(keys.publicKey, plaintext, options);
		const scriptTrainer = await recipient(keys.privateKey);
		useScriptBackend(false);
		const bySubtle = await seal(keys.publicKey, plaintext, options);
		const subtleTrainer = await recipient(keys.privateKey);
		expect(await subtleTrainer.open(byScript, options)).toEqual(plaintext);
		expect(await scriptTrainer.open(bySubtle, options)).toEqual(plaintext);
	});

	it('derives the same public key on both backends', async () => {
		const { privateKey, publicKey } = await generateKeyPair();
		useScriptBackend(true);
		expect(await publicKeyFrom(privateKey)).toEqual(publicKey);
	});

	it.each(backends)('opens with @hpke/core what ours sealed ($name)', async ({ script }) => {
		useScriptBackend(script);
		const keys = await generateKeyPair();
		const sealed = await seal(keys.publicKey, plaintext, options);
		const opened = await suite.open(
			{
				recipientKey: await suite.kem.deserializePrivateKey(keys.privateKey),
				enc: sealed.enc,
				info: options.info
			},
			sealed.ct,
			options.aad
		);
		expect(new Uint8Array(opened)).toEqual(plaintext);
	});

	it.each(backends)('opens what @hpke/core sealed ($name)', async ({ script }) => {
		useScriptBackend(script);
		const keys = await generateKeyPair();
		const { ct, enc } = await suite.seal(
			{
				recipientPublicKey: await suite.kem.deserializePublicKey(keys.publicKey),
				info: options.info
			},
			plaintext,
			options.aad
		);
		const sealed: Sealed = { enc: new Uint8Array(enc), ct: new Uint8Array(ct) };
		expect(await (await recipient(keys.privateKey)).open(sealed, options)).toEqual(plaintext);
	});
});
