import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	checkExportFile,
	checkExportSteps,
	checkExportText,
	checkImportTotals,
	checkSelection,
	checkSessionsPart,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_FILES,
	MAX_IMPORT_RECORDS,
	scanJson,
	type CheckedFile
} from '$lib/results/import-check';
import { keyId } from '$lib/crypto/fingerprint';
import { generateKeyPair } from '$lib/crypto/hpke';
import { answerRequest } from '$lib/results/results-worker';
import { sealPart } from '$lib/results/seal';
import {
	answersOf,
	attempt,
	KEY_ID,
	legacyExport,
	opaque,
	sealedExport,
	session,
	testUuid
} from './records';

const refusal = (text: string, keyId = KEY_ID) => {
	const result = checkExportText(text, { keyId });
	return result.ok ? undefined : result.refusal;
};

afterEach(() => {
	vi.restoreAllMocks();
});

describe('checking a sealed (version 2) export before anything is decrypted', () => {
	it('accepts a whole export and gives its sealed attempts as they are', () => {
		const file = sealedExport(3);
		const result = checkExportText(JSON.stringify(file), { keyId: KEY_ID });
		expect(result).toEqual({
			ok: true,
			file: {
				version: 2,
				device: file.device,
				exportedAt: file.exportedAt,
				keyId: KEY_ID,
				attempts: file.attempts,
				sessions: file.sessions
			}
		});
		expect(checkExportText('\uFEFF' + JSON.stringify({ ...file, sessions: null })).ok).toBe(true);
	});

	it('refuses a file sealed to another trainer’s key, naming that key', () => {
		const other = sealedExport(2, 'ZZZZ-1111-AAAA');
		expect(refusal(JSON.stringify(other))).toEqual({
			code: 'other-key',
			detail: 'ZZZZ-1111-AAAA'
		});
	});

	it('refuses a sealed record that is not what a station writes, with its path and reason', () => {
		const file = sealedExport(3);
		const shortKey = structuredClone(file);
		shortKey.attempts[1]!.parts[0]!.enc = opaque(20);
		expect(refusal(JSON.stringify(shortKey))).toEqual({
			code: 'invalid',
			path: 'attempts[1].parts[0].enc',
			reason: 'too short'
		});
		const noParts = structuredClone(file);
		noParts.attempts[2]!.parts = [];
		expect(refusal(JSON.stringify(noParts))).toEqual({
			code: 'invalid',
			path: 'attempts[2].parts',
			reason: 'too few items'
		});
		const clear = structuredClone(file) as unknown as { attempts: Record<string, unknown>[] };
		clear.attempts[0]!.classLabel = 'Grade 8B';
		expect(refusal(JSON.stringify(clear))).toEqual({
			code: 'invalid',
			path: 'attempts[0].classLabel',
			reason: 'unknown key'
		});
		const twice = { ...file, attempts: [...file.attempts, file.attempts[0]] };
		expect(refusal(JSON.stringify(twice))).toEqual({ code: 'duplicate', path: 'attempts[3]' });
	});

	it('refuses a __proto__ or constructor key anywhere as an unknown key, and pollutes nothing', () => {
		const text = JSON.stringify(sealedExport(2));
		expect(refusal(text.replace('{', '{"__proto__":{"admin":true},'))).toEqual({
			code: 'invalid',
			path: '__proto__',
			reason: 'unknown key'
		});
		expect(
			refusal(text.replace('"parts":', '"constructor":{"prototype":{"x":1}},"parts":'))
		).toEqual({ code: 'invalid', path: 'attempts[0].constructor', reason: 'unknown key' });
		expect(refusal(text.replace('"enc":', '"__proto__":1,"enc":'))).toEqual({
			code: 'invalid',
			path: 'attempts[0].parts[0].__proto__',
			reason: 'unknown key'
		});
		expect(({} as Record<string, unknown>).admin).toBeUndefined();
	});

	it('checks the envelope before any record, and stops at the first bad record', () => {
		const file = sealedExport(3) as unknown as Record<string, unknown>;
		expect(refusal(JSON.stringify({ ...file, keyId: 'nope' }))).toEqual({
			code: 'invalid',
			path: 'keyId',
			reason: 'not in the expected form'
		});
		expect(refusal(JSON.stringify({ ...file, note: 'hi' }))).toEqual({
			code: 'invalid',
			path: 'note',
			reason: 'unknown key'
		});
		// Every record is bad: the first one is named, and checking stopped there.
		const bad = { ...file, attempts: Array.from({ length: 5000 }, () => ({ uuid: 'x' })) };
		expect(refusal(JSON.stringify(bad))).toEqual({
			code: 'invalid',
			path: 'attempts[0].uuid',
			reason: 'not in the expected form'
		});
	});
});

describe('checking a plaintext (version 1) export', () => {
	it('reads it as today’s attempts, answers inside them, pairing codes language-free', () => {
		const khmer = attempt({ classLabel: 'ថ្នាក់ទី៨ ខ', pairingCode: 'ស-12-5+', locale: 'km' });
		const english = attempt({ pairingCode: 'K-07-2', status: 'unfinished', finishedAt: null });
		const log = session();
		const result = checkExportText(JSON.stringify(legacyExport([khmer, english], [log])));
		expect(result).toEqual({
			ok: true,
			file: {
				version: 1,
				device: expect.any(String),
				exportedAt: expect.any(String),
				attempts: [
					{ ...khmer, pairingCode: 'S-12-5+' },
					{ ...english, pairingCode: 'K-07-2' }
				],
				sessions: [log]
			}
		});
	});

	it('refuses what the file itself contradicts', () => {
		const taken = attempt();
		const file = legacyExport([taken], [session()]);
		expect(
			refusal(JSON.stringify({ ...file, attempts: [...file.attempts, file.attempts[0]] }))
		).toEqual({ code: 'duplicate', path: 'attempts[1]' });
		expect(
			refusal(JSON.stringify({ ...file, answers: [...file.answers, file.answers[0]] }))
		).toEqual({ code: 'duplicate', path: 'answers[4]' });
		const orphan = { ...file, answers: [{ ...file.answers[0]!, attemptUuid: testUuid() }] };
		expect(refusal(JSON.stringify(orphan))).toEqual({
			code: 'orphan-answer',
			path: 'answers[0].attemptUuid'
		});
		const over = structuredClone(file);
		over.attempts[0]!.score = 9;
		expect(refusal(JSON.stringify(over))).toEqual({
			code: 'inconsistent',
			path: 'attempts[0].score'
		});
		const crowd = structuredClone(file);
		crowd.sessions[0]!.girls = 40;
		expect(refusal(JSON.stringify(crowd))).toEqual({
			code: 'inconsistent',
			path: 'sessions[0].students'
		});
		const seconds = structuredClone(file);
		seconds.attempts[0]!.startedAt = '2025-03-03T01:20:17.000Z';
		expect(refusal(JSON.stringify(seconds))).toEqual({
			code: 'invalid',
			path: 'attempts[0].startedAt',
			reason: 'expected a UTC time to the minute'
		});
	});

	it('refuses 150,000 answers that each have one unknown field with one message, naming the first', () => {
		const attempts = Array.from({ length: 1500 }, () =>
			attempt({ answers: answersOf([true, true, true, true]) })
		);
		const file = legacyExport(attempts);
		const answers = Array.from({ length: 150_000 }, (_, index) => ({
			attemptUuid: attempts[index % attempts.length]!.uuid,
			questionId: `q-${index}`,
			given: ['a'],
			correct: true,
			ms: 4000,
			note: 'x'
		}));
		const text = JSON.stringify({ ...file, answers });
		expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
		expect(refusal(text)).toEqual({
			code: 'invalid',
			path: 'answers[0].note',
			reason: 'unknown key'
		});
		// Only the last is wrong: found, and named.
		const cut = text.lastIndexOf(',"note":"x"');
		const last = text.slice(0, cut).replaceAll(',"note":"x"', '') + text.slice(cut);
		expect(refusal(last)).toEqual({
			code: 'invalid',
			path: 'answers[149999].note',
			reason: 'unknown key'
		});
		// Big files take seconds to make on a busy machine: a longer timeout, no time asserted.
	}, 30_000);
});

describe('hostile or broken text', () => {
	it('refuses what is not JSON, is empty, or was cut short', () => {
		expect(refusal('hello')).toEqual({ code: 'not-json' });
		expect(refusal('attempt_uuid,quiz_id\r\n1,2')).toEqual({ code: 'not-json' });
		expect(refusal('   ')).toEqual({ code: 'empty' });
		const text = JSON.stringify(sealedExport(3));
		expect(refusal(text.slice(0, text.length - 40))).toEqual({ code: 'truncated' });
		expect(refusal(text.slice(0, 200))).toEqual({ code: 'truncated' });
	});

	it('refuses another format, or a version it does not know', () => {
		expect(refusal('[1,2]')).toEqual({ code: 'wrong-format' });
		expect(refusal('null')).toEqual({ code: 'wrong-format' });
		const file = sealedExport(1);
		expect(refusal(JSON.stringify({ ...file, format: 'kobo-export' }))).toEqual({
			code: 'wrong-format',
			detail: 'kobo-export'
		});
		expect(refusal(JSON.stringify({ ...file, version: 3 }))).toEqual({
			code: 'wrong-version',
			detail: '3'
		});
	});

	it('refuses 100,000 nested arrays from the scan, without parsing them', () => {
		const parse = vi.spyOn(JSON, 'parse');
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(refusal(deep)).toEqual({ code: 'too-deep', detail: '5' });
		expect(parse).not.toHaveBeenCalled();
	});

	it('refuses a 78 KB file of nested objects from the scan, without parsing it', () => {
		const parse = vi.spyOn(JSON, 'parse');
		const levels = 13_000;
		const nested =
			'{"format":"safe-migration-classroom-results","attempts":[' +
			'{"a":'.repeat(levels) +
			'1' +
			'}'.repeat(levels) +
			']}';
		expect(nested.length).toBeGreaterThan(78_000);
		expect(refusal(nested)).toEqual({ code: 'too-deep', detail: '5' });
		expect(parse).not.toHaveBeenCalled();
	});

	it('refuses 19.5 MB of empty objects from the scan, without parsing them', () => {
		const parse = vi.spyOn(JSON, 'parse');
		const head = JSON.stringify({ ...sealedExport(0), attempts: [] }).replace(
			'"attempts":[]',
			'"attempts":['
		);
		const empties = head + '{},'.repeat(6_500_000) + '{}]}';
		expect(empties.length).toBeGreaterThan(19_500_000);
		expect(refusal(empties)).toEqual({ code: 'too-many-values', detail: '400000' });
		expect(parse).not.toHaveBeenCalled();
		// Millions of plain values in one list, too.
		expect(refusal('[' + '1,'.repeat(3_000_000) + '1]')).toEqual({
			code: 'too-many-values',
			detail: '2000000'
		});
	});

	it('scans strings whole: brackets, quotes and backslashes inside them count for nothing', () => {
		expect(scanJson('{"a":"[[[[[[[[{{{{{{\\"[[[[[[\\\\"}')).toEqual({ ok: true, whole: true });
		expect(scanJson('{"a":"\\\\\\"[[[[[[[[[[')).toEqual({ ok: true, whole: false });
		expect(scanJson('[[[[[[')).toEqual({ ok: false, code: 'too-deep', limit: 5 });
		expect(scanJson('[[[[[]]]]]')).toEqual({ ok: true, whole: true });
	});
});

describe('the steps of a check', () => {
	it('gives the browser a turn between chunks of records, and ends as the whole check does', () => {
		const text = JSON.stringify(sealedExport(50));
		const steps = checkExportSteps(text, { keyId: KEY_ID, chunk: 10 });
		let turns = 0;
		let step = steps.next();
		while (!step.done) {
			turns += 1;
			step = steps.next();
		}
		expect(turns).toBe(2 + 5);
		expect(step.value).toEqual(checkExportText(text, { keyId: KEY_ID }));
	});
});

describe('the limits of one import', () => {
	it('refuses a pick of 200 files, or of too many bytes, before reading any', () => {
		const files = Array.from({ length: 200 }, (_, index) => ({
			name: `${index}.json`,
			size: 1000
		}));
		expect(checkSelection(files)).toEqual({ code: 'too-many-files', detail: '200' });
		expect(checkSelection(files.slice(0, MAX_IMPORT_FILES))).toBeUndefined();
		const big = Array.from({ length: 6 }, (_, index) => ({
			name: `${index}.json`,
			size: 19 * 1024 * 1024
		}));
		expect(checkSelection(big)).toEqual({
			code: 'too-much-data',
			detail: String(6 * 19 * 1024 * 1024)
		});
	});

	it('refuses checked files that hold too many records together', () => {
		const file = (attempts: number): CheckedFile => ({
			version: 2,
			device: testUuid(),
			exportedAt: '2025-03-04T09:00:00.000Z',
			keyId: KEY_ID,
			attempts: Array.from({ length: attempts }, () => ({ uuid: testUuid(), parts: [] })),
			sessions: null
		});
		const half = file(MAX_IMPORT_RECORDS / 2);
		expect(checkImportTotals([half, half])).toBeUndefined();
		expect(checkImportTotals([half, half, file(1)])).toEqual({
			code: 'too-many-records',
			detail: String(MAX_IMPORT_RECORDS + 1)
		});
	});

	it('refuses a file over 20 MB from its size, without reading it', async () => {
		let read = false;
		const huge = {
			size: 50 * 1024 * 1024,
			text: async () => {
				read = true;
				return '';
			}
		};
		expect(await checkExportFile(huge)).toEqual({
			ok: false,
			refusal: { code: 'too-large', detail: String(50 * 1024 * 1024) }
		});
		expect(read).toBe(false);
		const fits = JSON.stringify(sealedExport(2));
		expect(
			await checkExportFile({ size: fits.length, text: async () => fits }, { keyId: KEY_ID })
		).toMatchObject({ ok: true });
		const broken = { size: 10, text: () => Promise.reject(new Error('gone')) };
		expect(await checkExportFile(broken)).toEqual({ ok: false, refusal: { code: 'unreadable' } });
	});
});

describe('the decrypted session log of a sealed export', () => {
	it('is checked record by record, its class labels normalised', () => {
		const log = session({ classLabel: 'Grade\u00a08B\u200b' });
		expect(checkSessionsPart({ v: 1, sessions: [log] })).toEqual({
			ok: true,
			sessions: [{ ...log, classLabel: 'Grade 8B' }]
		});
		expect(checkSessionsPart({ v: 2, sessions: [] })).toMatchObject({
			ok: false,
			refusal: { code: 'invalid', path: 'sessions.v' }
		});
		expect(checkSessionsPart({ v: 1, sessions: [{ ...log, extra: 1 }] })).toMatchObject({
			ok: false,
			refusal: { code: 'invalid', path: 'sessions.sessions[0].extra', reason: 'unknown key' }
		});
		expect(checkSessionsPart({ v: 1, sessions: [{ ...log, classLabel: '\u200b\u2066' }] })).toEqual(
			{
				ok: false,
				refusal: {
					code: 'invalid',
					path: 'sessions.sessions[0].classLabel',
					reason: 'nothing visible'
				}
			}
		);
	});
});

describe('the trainer’s worker', () => {
	it('answers a request with the check of its file, under the request’s id', async () => {
		const text = JSON.stringify(sealedExport(2));
		const response = await answerRequest({
			kind: 'check',
			id: 7,
			file: { size: text.length, text: async () => text },
			options: { keyId: 'ZZZZ-1111-AAAA' },
			privateKey: new Uint8Array(32).fill(1)
		});
		expect(response).toMatchObject({
			id: 7,
			result: { ok: false, refusal: { code: 'other-key', detail: KEY_ID } }
		});
		// Refused: nothing in it was opened.
		expect(response.opened).toBeUndefined();
		expect(response.spent.open).toBe(0);
	});

	it('opens the attempts of a sealed file that passes, in order, one of them tampered', async () => {
		const pair = await generateKeyPair();
		const key = { publicKey: pair.publicKey, keyId: await keyId(pair.publicKey) };
		const taken = [attempt(), attempt({ classLabel: 'Grade 9A' }), attempt()];
		const records = await Promise.all(
			taken.map(async ({ score: _, answers, finishedAt, status, ...header }) => ({
				uuid: header.uuid,
				parts: [
					await sealPart(key, header.uuid, {
						v: 1,
						header,
						answers,
						end: { finishedAt: finishedAt!, status }
					})
				]
			}))
		);
		// The middle one's ciphertext is changed on the way.
		const part = records[1]!.parts[0]!;
		part.ct = part.ct.slice(0, 10) + (part.ct[10] === 'A' ? 'B' : 'A') + part.ct.slice(11);
		const text = JSON.stringify({ ...sealedExport(0, key.keyId), attempts: records });
		const response = await answerRequest({
			kind: 'check',
			id: 1,
			file: { size: text.length, text: async () => text },
			options: { keyId: key.keyId },
			privateKey: pair.privateKey
		});
		expect(response.result.ok).toBe(true);
		expect(response.opened!.map((outcome) => outcome.ok)).toEqual([true, false, true]);
		expect(response.opened![0]).toEqual({ ok: true, attempt: taken[0] });
		expect(response.opened![2]).toEqual({ ok: true, attempt: taken[2] });
	});
});
