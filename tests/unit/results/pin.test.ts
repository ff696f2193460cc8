import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsDatabase, type PinRecord } from '$lib/results/db';
import { afterWrongPin, delayAfter, noLockout, triesLeft, waitLeft } from '$lib/results/lockout';
import {
	PIN_ITERATIONS,
	derivations,
	fromBase64,
	hashPin,
	pinMatches,
	pinProblem,
	toBase64
} from '$lib/results/pin';
import { changePin, pinStatus, setFirstPin, tryPin } from '$lib/results/pin-store';

// Full strength where the test is about what is stored; a few iterations where it is about logic.
const quick = (pin: string, salt: Uint8Array) => derivations.subtle(pin, salt, 1000);

const opened: ResultsDatabase[] = [];
let count = 0;
function database(name = `pin-${++count}`): ResultsDatabase {
	const db = new ResultsDatabase(name);
	opened.push(db);
	return db;
}
afterEach(() => {
	for (const db of opened.splice(0)) db.close();
});

const at = (time: string) => new Date(`2025-03-03T${time}Z`);

describe('PIN hashing', () => {
	it('is PBKDF2-SHA-256, the same bytes through WebCrypto and through the JavaScript fallback', async () => {
		// RFC 7914's PBKDF2-HMAC-SHA-256 test vector ("password", "salt", 1 iteration).
		const salt = new TextEncoder().encode('salt');
		const expected = '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b';
		const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
		expect(hex(await derivations.subtle('password', salt, 1))).toBe(expected);
		expect(hex(await derivations.script('password', salt, 1))).toBe(expected);
		const random = crypto.getRandomValues(new Uint8Array(16));
		expect(await derivations.script('482916', random, 2000)).toEqual(
			await derivations.subtle('482916', random, 2000)
		);
	});

	it('stores only the hash, a random salt and 600,000 iterations, never the PIN', async () => {
		const first = await hashPin('482916');
		const second = await hashPin('482916');
		expect(first.iterations).toBe(PIN_ITERATIONS);
		expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		expect(Object.keys(first).sort()).toEqual(['algorithm', 'hash', 'iterations', 'key', 'salt']);
		expect(JSON.stringify(first)).not.toContain('482916');
		expect(fromBase64(first.salt)).toHaveLength(16);
		expect(fromBase64(first.hash)).toHaveLength(32);
		expect(first.salt).not.toBe(second.salt);
		expect(first.hash).not.toBe(second.hash);
	});

	it('accepts the right PIN and refuses any other, whichever derivation set it', async () => {
		const stored = await hashPin('482916', derivations.script, 1000);
		expect(await pinMatches('482916', stored, derivations.subtle)).toBe(true);
		expect(await pinMatches('482917', stored, derivations.subtle)).toBe(false);
		expect(await pinMatches('', stored, derivations.subtle)).toBe(false);
		expect(await pinMatches('4829160', stored, derivations.script)).toBe(false);
	});

	it('opens with the PIN stored by schema version 2 (tests/fixtures/results/v2.json)', async () => {
		const fixture = JSON.parse(readFileSync('tests/fixtures/results/v2.json', 'utf8')) as {
			records: { trainer: PinRecord[] };
		};
		const stored = fixture.records.trainer.find((record) => record.key === 'pin')!;
		expect(await pinMatches('246810', stored)).toBe(true);
		expect(await pinMatches('246811', stored)).toBe(false);
	});

	it('round-trips bytes through base64', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
		expect(fromBase64(toBase64(bytes))).toEqual(bytes);
	});
});

describe('choosing a PIN', () => {
	it('wants 6 to 12 digits, and not one anybody would guess first', () => {
		expect(pinProblem('482916')).toBeNull();
		expect(pinProblem('90817263544')).toBeNull();
		expect(pinProblem('12345')).toBe('short');
		expect(pinProblem('1234567890123')).toBe('long');
		expect(pinProblem('48291a')).toBe('digits');
		expect(pinProblem('４８２９１６')).toBe('digits');
		for (const simple of ['000000', '111111', '123456', '654321', '890123', '987654321'])
			expect(pinProblem(simple), simple).toBe('simple');
	});
});

describe('wrong PINs', () => {
	it('are free five times, then shut the form for longer each time, up to half an hour', () => {
		expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0]);
		expect([5, 6, 7, 8].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(delayAfter(30)).toBe(30 * 60_000);
		let state = noLockout;
		for (let index = 0; index < 4; index++) state = afterWrongPin(state, at('08:00:00'));
		expect(state.lockedUntil).toBeNull();
		expect(triesLeft(state)).toBe(1);
		state = afterWrongPin(state, at('08:00:00'));
		expect(state).toEqual({ key: 'lockout', failures: 5, lockedUntil: '2025-03-03T08:00:30.000Z' });
		expect(waitLeft(state, at('08:00:10'))).toBe(20_000);
		expect(waitLeft(state, at('08:00:30'))).toBe(0);
	});

	it('lock the PIN out, even the right one, and a reload (a new connection) keeps the lockout', async () => {
		const db = database();
		expect(await pinStatus(db)).toEqual({ set: false, lockout: noLockout });
		expect(await setFirstPin('482916', db, quick)).toEqual({ ok: true });
		for (let index = 1; index <= 4; index++) {
			expect(await tryPin('000001', at('08:00:00'), db, quick)).toMatchObject({
				ok: false,
				reason: 'wrong',
				lockout: { failures: index, lockedUntil: null }
			});
		}
		expect(await tryPin('000001', at('08:00:00'), db, quick)).toMatchObject({
			reason: 'wrong',
			lockout: { failures: 5, lockedUntil: '2025-03-03T08:00:30.000Z' }
		});
		const reloaded = database(db.name);
		expect(await tryPin('482916', at('08:00:20'), reloaded, quick)).toMatchObject({
			ok: false,
			reason: 'locked'
		});
		// The sixth wrong PIN, once the wait is over, doubles it.
		expect(await tryPin('000001', at('08:00:31'), reloaded, quick)).toMatchObject({
			lockout: { failures: 6, lockedUntil: '2025-03-03T08:01:31.000Z' }
		});
		expect(await tryPin('482916', at('08:01:31'), reloaded, quick)).toEqual({ ok: true });
		expect((await pinStatus(db)).lockout).toEqual(noLockout);
	});

	it('count once each when two tabs try at the same moment', async () => {
		const db = database();
		await setFirstPin('482916', db, quick);
		await Promise.all([
			tryPin('000001', at('08:00:00'), db, quick),
			tryPin('000002', at('08:00:00'), database(db.name), quick)
		]);
		expect((await pinStatus(db)).lockout.failures).toBe(2);
	});
});

describe('setting and changing the PIN', () => {
	it('sets the first PIN once; a second first PIN is refused', async () => {
		const db = database();
		expect(await setFirstPin('123', db, quick)).toEqual({ ok: false, reason: 'short' });
		expect(await setFirstPin('482916', db, quick)).toEqual({ ok: true });
		expect(await setFirstPin('917364', db, quick)).toEqual({ ok: false, reason: 'already-set' });
		expect(await tryPin('917364', at('08:00:00'), db, quick)).toMatchObject({ reason: 'wrong' });
	});

	it('changes the PIN only with the current one', async () => {
		const db = database();
		await setFirstPin('482916', db, quick);
		expect(await changePin('000001', '917364', at('08:00:00'), db, quick)).toMatchObject({
			ok: false,
			reason: 'wrong'
		});
		expect(await changePin('482916', '111111', at('08:00:00'), db, quick)).toEqual({
			ok: false,
			reason: 'simple'
		});
		expect(await changePin('482916', '917364', at('08:00:00'), db, quick)).toEqual({ ok: true });
		expect(await tryPin('482916', at('08:00:00'), db, quick)).toMatchObject({ reason: 'wrong' });
		expect(await tryPin('917364', at('08:00:00'), db, quick)).toEqual({ ok: true });
	});
});
