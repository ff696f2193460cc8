import { describe, expect, it } from 'vitest';
import { toBase64Url } from '$lib/crypto/bytes';
import { keyId } from '$lib/crypto/fingerprint';
import { generateKeyPair } from '$lib/crypto/hpke';
import {
	STATION_KEY_FORMAT,
	parseStationKey,
	parseStationKeyFile,
	stationKeyFile,
	stationKeyFragment
} from '$lib/crypto/station-link';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
// Of small order: anything sealed to them opens for anyone (RFC 7748 §7).
const ZERO_KEY = new Uint8Array(32);
const ORDER_EIGHT = hex('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800');

describe('station link', () => {
	it('round-trips from "#station-key=…", "station-key=…" and a whole link', async () => {
		const { publicKey } = await generateKeyPair();
		const fragment = stationKeyFragment(publicKey);
		expect(fragment).toMatch(/^station-key=[A-Za-z0-9_-]{48}$/);
		for (const text of [
			fragment,
			`#${fragment}`,
			`https://classroom.example/quiz#${fragment}`,
			`http://192.168.1.20:4173/km/quiz#lang=km&${fragment}`,
			`  https://classroom.example/quiz#${fragment}\n`
		]) {
			expect(parseStationKey(text), text).toEqual({ ok: true, publicKey });
		}
	});

	it('says the key is missing from a link without one', () => {
		for (const text of ['', 'https://classroom.example/quiz', '#', '#station-key=', '#other=abc']) {
			expect(parseStationKey(text), text).toEqual({ ok: false, problem: 'missing' });
		}
	});

	it('refuses a cut link or one with characters outside base64url as malformed', async () => {
		const { publicKey } = await generateKeyPair();
		const fragment = stationKeyFragment(publicKey);
		for (const text of [fragment.slice(0, -1), fragment.slice(0, -4), `${fragment}AAAA`]) {
			expect(parseStationKey(text), text).toEqual({ ok: false, problem: 'malformed' });
		}
		expect(parseStationKey(fragment.replace(/.$/, '+'))).toEqual({
			ok: false,
			problem: 'malformed'
		});
	});

	it('refuses a link with one character changed (checksum)', async () => {
		const { publicKey } = await generateKeyPair();
		const fragment = stationKeyFragment(publicKey);
		const at = 'station-key='.length + 10;
		const changed = fragment[at] === 'A' ? 'B' : 'A';
		const text = fragment.slice(0, at) + changed + fragment.slice(at + 1);
		expect(parseStationKey(text)).toEqual({ ok: false, problem: 'checksum' });
	});

	it('refuses a small-order key even with a right checksum', async () => {
		for (const key of [ZERO_KEY, ORDER_EIGHT]) {
			expect(parseStationKey(`#${stationKeyFragment(key)}`)).toEqual({
				ok: false,
				problem: 'invalid-key'
			});
		}
	});
});

describe('station key file', () => {
	const createdAt = '2026-03-02T08:15:00.000Z';

	async function file(change: (fields: Record<string, unknown>) => void = () => {}) {
		const { publicKey } = await generateKeyPair();
		const fields = JSON.parse(stationKeyFile(publicKey, await keyId(publicKey), createdAt));
		change(fields);
		return { publicKey, text: JSON.stringify(fields) };
	}

	it('round-trips, and names its format, version, key, key id and date', async () => {
		const { publicKey } = await generateKeyPair();
		const text = stationKeyFile(publicKey, await keyId(publicKey), createdAt);
		expect(JSON.parse(text)).toEqual({
			format: STATION_KEY_FORMAT,
			version: 1,
			publicKey: toBase64Url(publicKey),
			keyId: await keyId(publicKey),
			createdAt
		});
		expect(parseStationKeyFile(text)).toEqual({ ok: true, publicKey });
	});

	it('refuses another file, or another version, as wrong-format', async () => {
		const cases = [
			(await file((f) => (f.format = 'safe-migration-classroom-results'))).text,
			(await file((f) => (f.version = 2))).text,
			(await file((f) => delete f.format)).text,
			'[]',
			'"station"',
			'null'
		];
		for (const text of cases) {
			expect(parseStationKeyFile(text), text).toEqual({ ok: false, problem: 'wrong-format' });
		}
	});

	it('refuses an extra field, a missing one, a bad date or text that is not JSON', async () => {
		const cases = [
			(await file((f) => (f.privateKey = 'AAAA'))).text,
			(await file((f) => delete f.createdAt)).text,
			(await file((f) => (f.createdAt = 'yesterday'))).text,
			(await file((f) => (f.keyId = 'not-an-id'))).text,
			(await file((f) => (f.publicKey = 'AAAA'))).text,
			(await file((f) => (f.publicKey = 42))).text,
			'{"format": "safe-migration-classroom-station-key",',
			''
		];
		for (const text of cases) {
			expect(parseStationKeyFile(text), text).toEqual({ ok: false, problem: 'malformed' });
		}
	});

	it('refuses a key id that is not the key’s own (checksum)', async () => {
		const other = await generateKeyPair();
		const { text } = await file((f) => (f.keyId = ''));
		const mismatched = text.replace('"keyId":""', `"keyId":"${await keyId(other.publicKey)}"`);
		expect(parseStationKeyFile(mismatched)).toEqual({ ok: false, problem: 'checksum' });
	});

	it('refuses a small-order key', async () => {
		const text = stationKeyFile(ZERO_KEY, await keyId(ZERO_KEY), createdAt);
		expect(parseStationKeyFile(text)).toEqual({ ok: false, problem: 'invalid-key' });
	});

	it('refuses a file over 4 KB before reading it, even padded with spaces', async () => {
		const { text } = await file();
		const padded = text.replace('{', `{${' '.repeat(5 * 1024)}`);
		expect(JSON.parse(padded)).toBeTruthy();
		expect(parseStationKeyFile(padded)).toEqual({ ok: false, problem: 'malformed' });
		// Multi-byte characters count as bytes: 1,500 Khmer letters are 4,500 bytes.
		const khmer = text.replace('{', `{"note":"${'ក'.repeat(1500)}",`);
		expect(parseStationKeyFile(khmer)).toEqual({ ok: false, problem: 'malformed' });
	});
});
