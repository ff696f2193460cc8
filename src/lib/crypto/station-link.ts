/**
 * How the trainer's public key reaches a tablet: a link `…/quiz#station-key=…` (text and QR)
 * or a small JSON file. The key sits in the fragment, which browsers never send to a server.
 * The link carries four bytes of the key's SHA-256, so a mistyped or cut link is refused
 * instead of installing a key nobody holds; keys of small order are refused too, since
 * anything sealed to them could be opened by anyone.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import * as z from 'zod/mini';
import { concatBytes, fromBase64Url, sameBytes, toBase64Url } from './bytes';
import { isKeyId, keyIdSync } from './fingerprint';
import { isUsablePublicKey, PUBLIC_KEY_BYTES } from './public-key';

const FRAGMENT_NAME = 'station-key';
const CHECK_BYTES = 4;

const checkBytes = (publicKey: Uint8Array) => sha256(publicKey).subarray(0, CHECK_BYTES);

export function stationKeyFragment(publicKey: Uint8Array): string {
	return `${FRAGMENT_NAME}=${toBase64Url(concatBytes(publicKey, checkBytes(publicKey)))}`;
}

export type StationKeyProblem = 'missing' | 'malformed' | 'checksum' | 'invalid-key';

type Parsed<Problem> = { ok: true; publicKey: Uint8Array } | { ok: false; problem: Problem };

/** Takes "#station-key=…", "station-key=…" or a whole link (only its fragment is read). */
export function parseStationKey(hashOrUrl: string): Parsed<StationKeyProblem> {
	const text = hashOrUrl.trim();
	const fragment = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
	const value = fragment
		.split('&')
		.find((part) => part.startsWith(`${FRAGMENT_NAME}=`))
		?.slice(FRAGMENT_NAME.length + 1);
	if (value === undefined || value === '') return { ok: false, problem: 'missing' };
	let bytes: Uint8Array;
	try {
		bytes = fromBase64Url(value);
	} catch {
		return { ok: false, problem: 'malformed' };
	}
	if (bytes.length !== PUBLIC_KEY_BYTES + CHECK_BYTES) return { ok: false, problem: 'malformed' };
	const publicKey = bytes.slice(0, PUBLIC_KEY_BYTES);
	if (!sameBytes(bytes.subarray(PUBLIC_KEY_BYTES), checkBytes(publicKey))) {
		return { ok: false, problem: 'checksum' };
	}
	if (!isUsablePublicKey(publicKey)) return { ok: false, problem: 'invalid-key' };
	return { ok: true, publicKey };
}

export const STATION_KEY_FORMAT = 'safe-migration-classroom-station-key';
export const STATION_KEY_VERSION = 1;
/** A real key file is about 200 bytes; anything much larger is not one. */
export const STATION_KEY_FILE_MAX_BYTES = 4096;

export function stationKeyFile(publicKey: Uint8Array, keyId: string, createdAt: string): string {
	const file = {
		format: STATION_KEY_FORMAT,
		version: STATION_KEY_VERSION,
		publicKey: toBase64Url(publicKey),
		keyId,
		createdAt
	};
	return `${JSON.stringify(file, null, '\t')}\n`;
}

// Built on first use, so a page that only reads links does not carry the schema library.
let schemas: ReturnType<typeof fileSchemas> | undefined;

function fileSchemas() {
	return {
		header: z.object({ format: z.string(), version: z.number() }),
		file: z.strictObject({
			format: z.literal(STATION_KEY_FORMAT),
			version: z.literal(STATION_KEY_VERSION),
			publicKey: z.string().check(z.maxLength(100)),
			keyId: z.string().check(z.refine(isKeyId)),
			createdAt: z.iso.datetime({ offset: true })
		})
	};
}

/**
 * Strict: the size first, then the format and version (another file is 'wrong-format'), then
 * exactly these fields; the key must be usable and its keyId must be the key's own.
 */
export function parseStationKeyFile(text: string): Parsed<StationKeyProblem | 'wrong-format'> {
	if (text.length > STATION_KEY_FILE_MAX_BYTES) return { ok: false, problem: 'malformed' };
	if (new TextEncoder().encode(text).length > STATION_KEY_FILE_MAX_BYTES) {
		return { ok: false, problem: 'malformed' };
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'malformed' };
	}
	schemas ??= fileSchemas();
	const head = schemas.header.safeParse(json);
	if (
		!head.success ||
		head.data.format !== STATION_KEY_FORMAT ||
		head.data.version !== STATION_KEY_VERSION
	) {
		return { ok: false, problem: 'wrong-format' };
	}
	const file = schemas.file.safeParse(json);
	if (!file.success) return { ok: false, problem: 'malformed' };
	let publicKey: Uint8Array;
	try {
		publicKey = fromBase64Url(file.data.publicKey);
	} catch {
		return { ok: false, problem: 'malformed' };
	}
	if (publicKey.length !== PUBLIC_KEY_BYTES) return { ok: false, problem: 'malformed' };
	if (!isUsablePublicKey(publicKey)) return { ok: false, problem: 'invalid-key' };
	if (keyIdSync(publicKey) !== file.data.keyId) return { ok: false, problem: 'checksum' };
	return { ok: true, publicKey };
}
