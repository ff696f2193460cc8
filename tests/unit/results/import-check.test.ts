import { describe, expect, it } from 'vitest';
import { checkExportFile, checkExportText, MAX_IMPORT_BYTES } from '$lib/results/import-check';
import { answer, attempt, exportOf, session } from './records';

function good() {
	const taken = attempt({ classLabel: 'ថ្នាក់ទី៨ ខ', pairingCode: 'ស-12-5+', locale: 'km' });
	return exportOf({
		attempts: [taken, attempt({ classLabel: '=HYPERLINK("http://x","y")', purpose: 'post' })],
		answers: [answer(taken.uuid, 'broker-promise', true, { given: ['b', 'a'] })],
		sessions: [session()]
	});
}

const refusal = (text: string) => {
	const result = checkExportText(text);
	return result.ok ? undefined : result.refusal;
};

describe('checking an export before anything is written', () => {
	it('accepts a whole export, Khmer and formula-looking class labels kept as they are', () => {
		const file = good();
		const result = checkExportText(JSON.stringify(file));
		expect(result).toEqual({ ok: true, data: file });
		expect(checkExportText('\uFEFF' + JSON.stringify(file)).ok).toBe(true);
	});

	it('refuses what is not JSON, or is empty', () => {
		expect(refusal('hello')).toEqual({ code: 'not-json' });
		expect(refusal('attempt_uuid,quiz_id\r\n1,2')).toEqual({ code: 'not-json' });
		expect(refusal('   ')).toEqual({ code: 'empty' });
	});

	it('says a file cut short is truncated', () => {
		const text = JSON.stringify(good());
		expect(refusal(text.slice(0, text.length - 40))).toEqual({ code: 'truncated' });
	});

	it('refuses another format, or another version of this one', () => {
		expect(refusal('[1,2]')).toEqual({ code: 'wrong-format' });
		expect(refusal('null')).toEqual({ code: 'wrong-format' });
		expect(refusal(JSON.stringify({ ...good(), format: 'kobo-export' }))).toEqual({
			code: 'wrong-format',
			detail: 'kobo-export'
		});
		expect(refusal(JSON.stringify({ ...good(), version: 2 }))).toEqual({
			code: 'wrong-version',
			detail: '2'
		});
	});

	it('refuses wrong types, naming where', () => {
		const file = good();
		const score = structuredClone(file);
		(score.attempts[1] as unknown as { score: string }).score = '3';
		expect(refusal(JSON.stringify(score))).toEqual({
			code: 'invalid',
			detail: 'attempts[1].score'
		});
		const uuid = structuredClone(file);
		uuid.answers[0]!.attemptUuid = 'not-a-uuid';
		expect(refusal(JSON.stringify(uuid))).toEqual({
			code: 'invalid',
			detail: 'answers[0].attemptUuid'
		});
		const extra = { ...file, note: 'hi' };
		expect(refusal(JSON.stringify(extra))).toMatchObject({ code: 'invalid' });
		const given = structuredClone(file);
		given.answers[0]!.given = ['<script>'];
		expect(refusal(JSON.stringify(given))).toMatchObject({ code: 'invalid' });
		const label = structuredClone(file);
		label.attempts[0]!.classLabel = 'Grade\n8B';
		expect(refusal(JSON.stringify(label))).toEqual({
			code: 'invalid',
			detail: 'attempts[0].classLabel'
		});
	});

	it('refuses any key that could reach a prototype, however deep', () => {
		const text = JSON.stringify(good());
		expect(refusal(text.replace('{', '{"__proto__":{"admin":true},'))).toEqual({
			code: 'forbidden-key',
			detail: '__proto__'
		});
		expect(
			refusal(text.replace('"score":2', '"score":2,"constructor":{"prototype":{"x":1}}'))
		).toEqual({ code: 'forbidden-key', detail: 'attempts[0].constructor' });
		expect(refusal(text.replace('"given":[', '"prototype":1,"given":['))).toEqual({
			code: 'forbidden-key',
			detail: 'answers[0].prototype'
		});
		// Nothing leaked into Object.prototype while checking.
		expect(({} as Record<string, unknown>).admin).toBeUndefined();
	});

	it('refuses a file that disagrees with itself', () => {
		const file = good();
		expect(
			refusal(JSON.stringify({ ...file, attempts: [...file.attempts, file.attempts[0]] }))
		).toEqual({ code: 'duplicate', detail: 'attempts[2]' });
		const orphan = { ...file, answers: [answer(attempt().uuid, 'x', true)] };
		expect(refusal(JSON.stringify(orphan))).toEqual({
			code: 'orphan-answer',
			detail: 'answers[0].attemptUuid'
		});
		const over = structuredClone(file);
		over.attempts[0]!.score = 9;
		expect(refusal(JSON.stringify(over))).toEqual({
			code: 'inconsistent',
			detail: 'attempts[0].score'
		});
		const crowd = structuredClone(file);
		crowd.sessions[0]!.girls = 40;
		expect(refusal(JSON.stringify(crowd))).toEqual({
			code: 'inconsistent',
			detail: 'sessions[0].students'
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
		const fits = JSON.stringify(good());
		expect(await checkExportFile({ size: fits.length, text: async () => fits })).toMatchObject({
			ok: true
		});
		expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
	});
});
