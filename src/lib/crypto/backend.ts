/**
 * Where the primitives come from. WebCrypto does X25519 and AES-GCM where the browser offers
 * them; a page served over plain http on a classroom network has no `crypto.subtle`, and some
 * browsers have it without X25519, so there the same operations run in JavaScript
 * (@noble/curves, @noble/ciphers). Those are loaded with import() on that path only, so a
 * page in a secure context never downloads them. Both give the same bytes: a record sealed
 * one way opens the other way (tested).
 */
import { concatBytes, ownBytes, sameBytes } from './bytes';

let scriptOnly = false;

/**
 * For tests and benchmarks only: `true` makes every operation take the JavaScript path, as on
 * a page served over plain http; `false` goes back to WebCrypto where it works.
 */
export function useScriptBackend(on: boolean): void {
	scriptOnly = on;
}

/** WebCrypto, or null on a page without it (plain http) and while the script path is forced. */
export function subtleCrypto(): SubtleCrypto | null {
	if (scriptOnly) return null;
	return globalThis.crypto?.subtle ?? null;
}

const loadCurves = () => import('@noble/curves/ed25519.js');
const loadCiphers = () => import('@noble/ciphers/aes.js');

const hex = (text: string) => Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16));

// RFC 8410 PrivateKeyInfo for X25519 up to the key: WebCrypto imports a raw private key only
// wrapped in PKCS#8 (or JWK, which would need the public key as well).
const PKCS8_X25519_PREFIX = hex('302e020100300506032b656e04220420');
const X25519 = { name: 'X25519' };
// u = 9, the curve's base point: X25519(k, 9) is the public key of k (RFC 7748 §6.1).
const BASE_POINT = concatBytes(new Uint8Array([9]), new Uint8Array(31));

let x25519Works: Promise<boolean> | undefined;

/**
 * WebCrypto if it does X25519 right, checked once with RFC 7748's own example (Alice's key
 * and Bob's public key give their shared secret), so a browser that lists the algorithm but
 * lacks a piece of it (PKCS#8 import, raw public keys) takes the JavaScript path instead.
 */
async function subtleX25519(): Promise<SubtleCrypto | null> {
	const subtle = subtleCrypto();
	if (!subtle) return null;
	x25519Works ??= (async () => {
		try {
			const alice = await subtleImportPrivate(
				subtle,
				hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a')
			);
			const bob = hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
			const shared = await subtleDh(subtle, alice, bob);
			return sameBytes(
				shared,
				hex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742')
			);
		} catch {
			return false;
		}
	})();
	return (await x25519Works) ? subtle : null;
}

function subtleImportPrivate(subtle: SubtleCrypto, privateKey: Uint8Array): Promise<CryptoKey> {
	return subtle.importKey('pkcs8', concatBytes(PKCS8_X25519_PREFIX, privateKey), X25519, false, [
		'deriveBits'
	]);
}

async function subtleDh(
	subtle: SubtleCrypto,
	privateKey: CryptoKey,
	publicKey: Uint8Array
): Promise<Uint8Array> {
	const peer = await subtle.importKey('raw', ownBytes(publicKey), X25519, false, []);
	return new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
}

/**
 * An X25519 private key made ready for use once (imported into WebCrypto, or kept for the
 * script). `dh` throws on a public key of small order, on either path.
 */
export interface X25519PrivateKey {
	dh(publicKey: Uint8Array): Promise<Uint8Array>;
	publicKey(): Promise<Uint8Array>;
}

export async function x25519PrivateKey(privateKey: Uint8Array): Promise<X25519PrivateKey> {
	const subtle = await subtleX25519();
	if (subtle) {
		const key = await subtleImportPrivate(subtle, privateKey);
		return {
			dh: (publicKey) => subtleDh(subtle, key, publicKey),
			publicKey: () => subtleDh(subtle, key, BASE_POINT)
		};
	}
	const { x25519 } = await loadCurves();
	const secret = ownBytes(privateKey);
	return {
		dh: async (publicKey) => x25519.getSharedSecret(secret, publicKey),
		publicKey: async () => x25519.getPublicKey(secret)
	};
}

/**
 * A fresh key for one seal: WebCrypto generates it inside (quicker than importing random
 * bytes as PKCS#8), the script path draws 32 random bytes. Only its public key leaves.
 */
export async function x25519EphemeralKey(): Promise<X25519PrivateKey> {
	const subtle = await subtleX25519();
	if (!subtle) return x25519PrivateKey(crypto.getRandomValues(new Uint8Array(32)));
	const pair = (await subtle.generateKey(X25519, false, ['deriveBits'])) as CryptoKeyPair;
	const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
	return {
		dh: (peer) => subtleDh(subtle, pair.privateKey, peer),
		publicKey: async () => publicKey
	};
}

/** AES-GCM with a 16-byte tag appended, as both WebCrypto and RFC 9180 lay it out. */
export async function aesGcmSeal(
	key: Uint8Array,
	nonce: Uint8Array,
	aad: Uint8Array,
	plaintext: Uint8Array
): Promise<Uint8Array> {
	const subtle = subtleCrypto();
	if (subtle) {
		const aesKey = await subtle.importKey('raw', ownBytes(key), 'AES-GCM', false, ['encrypt']);
		const params = { name: 'AES-GCM', iv: ownBytes(nonce), additionalData: ownBytes(aad) };
		return new Uint8Array(await subtle.encrypt(params, aesKey, ownBytes(plaintext)));
	}
	const { gcm } = await loadCiphers();
	return gcm(key, nonce, aad).encrypt(plaintext);
}

/** Throws (whatever the error) when the ciphertext, its tag, the key, nonce or aad differ. */
export async function aesGcmOpen(
	key: Uint8Array,
	nonce: Uint8Array,
	aad: Uint8Array,
	ciphertext: Uint8Array
): Promise<Uint8Array> {
	const subtle = subtleCrypto();
	if (subtle) {
		const aesKey = await subtle.importKey('raw', ownBytes(key), 'AES-GCM', false, ['decrypt']);
		const params = { name: 'AES-GCM', iv: ownBytes(nonce), additionalData: ownBytes(aad) };
		return new Uint8Array(await subtle.decrypt(params, aesKey, ownBytes(ciphertext)));
	}
	const { gcm } = await loadCiphers();
	return gcm(key, nonce, aad).decrypt(ciphertext);
}
