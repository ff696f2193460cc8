/** Records as stations make them, for the results tests. */
import type { Attempt, AttemptAnswer } from '$lib/results/attempt';
import type { SessionRecord } from '$lib/results/db';
import {
	EXPORT_FORMAT,
	EXPORT_VERSION,
	LEGACY_VERSION,
	type LegacyAnswer,
	type LegacyAttempt,
	type LegacyExport,
	type SealedExport
} from '$lib/results/export-format';
import type { QuizInfo } from '$lib/results/quiz-info';

let counter = 0;

/** A valid, distinct version 4 UUID for each call (readable in failures: ends in a count). */
export function testUuid(): string {
	counter += 1;
	return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export const DEVICE_A = '5f0c7a5e-3b1d-4c2a-9e8f-0a1b2c3d4e5f';
export const DEVICE_B = '6a1d8b6f-4c2e-4d3b-8f90-1b2c3d4e5f60';
export const KEY_ID = 'K7QX-2MPA-9ZT4';
export const EXPORTED_AT = '2025-03-04T09:00:00.000Z';

/** A pre quiz of four questions and its post quiz, as the catalogue knows them. */
export const preQuiz: QuizInfo = {
	id: 'before-the-sessions',
	title: 'Before the sessions',
	locale: 'en',
	purpose: 'pre',
	pair: 'after-the-sessions',
	versions: ['3fa2c1d09e8b', '77aa01c3d2e4'],
	questions: [
		{
			id: 'broker-promise',
			text: 'A broker promises a job…',
			checks: 'broker-promises',
			type: 'single',
			options: 3,
			correct: ['b']
		},
		{
			id: 'hotline',
			text: 'Which number do you call?',
			checks: 'call-1288',
			type: 'multiple',
			options: 4,
			correct: ['a', 'c']
		},
		{
			id: 'hotline-when',
			text: 'When do you call it?',
			checks: 'call-1288',
			type: 'true-false',
			options: 2,
			correct: ['b']
		},
		{
			id: 'passport',
			text: 'Put the steps in order',
			checks: 'valid-passport',
			type: 'order',
			options: 3,
			correct: ['a', 'b', 'c']
		}
	],
	messages: [
		{ id: 'broker-promises', text: "Don't trust a broker who promises you a job." },
		{ id: 'call-1288', text: 'If you are in trouble, call the 1288 hotline.' },
		{ id: 'valid-passport', text: 'Get a valid passport.' }
	]
};

export const postQuiz: QuizInfo = {
	...preQuiz,
	id: 'after-the-sessions',
	title: 'After the sessions',
	purpose: 'post',
	pair: 'before-the-sessions',
	versions: ['e2b0946c51fa']
};

/** A right and a wrong answer to each question of the pre quiz, by question id. */
export const answersTo: Record<string, { right: string[]; wrong: string[] }> = {
	'broker-promise': { right: ['b'], wrong: ['a'] },
	hotline: { right: ['c', 'a'], wrong: ['a'] },
	'hotline-when': { right: ['b'], wrong: ['a'] },
	passport: { right: ['a', 'b', 'c'], wrong: ['b', 'a', 'c'] }
};

/** The answers of an attempt right (true) or wrong (false), in question order. */
export function answersOf(rights: readonly boolean[]): AttemptAnswer[] {
	return rights.map((right, index) => {
		const id = preQuiz.questions[index]!.id;
		return {
			questionId: id,
			given: right ? answersTo[id]!.right : answersTo[id]!.wrong,
			correct: right,
			ms: 4000
		};
	});
}

/** A finished attempt at the current pre quiz, all four answered; half of them right. */
export function attempt(overrides: Partial<Attempt> = {}): Attempt {
	const answers = overrides.answers ?? answersOf([true, false, true, false]);
	return {
		uuid: testUuid(),
		deviceId: DEVICE_A,
		quizId: preQuiz.id,
		quizVersion: preQuiz.versions[0]!,
		purpose: 'pre',
		classLabel: 'Grade 8B',
		locale: 'en',
		startedAt: '2025-03-03T01:20:00.000Z',
		finishedAt: '2025-03-03T01:31:00.000Z',
		status: 'finished',
		score: answers.filter((answer) => answer.correct).length,
		maxScore: 4,
		seed: 12345,
		pairingCode: null,
		source: 'tablet',
		...overrides,
		answers
	};
}

export function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
	return {
		uuid: testUuid(),
		deviceId: DEVICE_A,
		date: '2025-03-03',
		classLabel: 'Grade 8B',
		lessonId: 'six-key-messages',
		students: 30,
		girls: 16,
		boys: 14,
		recordedAt: '2025-03-03T02:00:00.000Z',
		...overrides
	};
}

/** A version 1 (plaintext) export of these attempts, as earlier stations wrote it. */
export function legacyExport(
	attempts: readonly Attempt[],
	sessions: readonly SessionRecord[] = [],
	device = DEVICE_A
): LegacyExport {
	return {
		format: EXPORT_FORMAT,
		version: LEGACY_VERSION,
		device,
		exportedAt: EXPORTED_AT,
		attempts: attempts.map(({ answers: _, source: __, ...record }): LegacyAttempt => ({
			...record
		})),
		answers: attempts.flatMap((one) =>
			one.answers.map((answer): LegacyAnswer => ({ attemptUuid: one.uuid, ...answer }))
		),
		sessions: [...sessions]
	};
}

/** Base64url text of `bytes` made-up bytes: what a sealed part looks like from outside. */
export function opaque(bytes: number, seed = 1): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	let text = '';
	let state = seed;
	for (let index = 0; index < Math.ceil((bytes * 4) / 3); index++) {
		state = (state * 1103515245 + 12345) >>> 0;
		text += alphabet[state % 64];
	}
	return text;
}

/** A version 2 export of `count` sealed attempts (made-up ciphertext). */
export function sealedExport(count: number, keyId = KEY_ID): SealedExport {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		device: DEVICE_A,
		exportedAt: EXPORTED_AT,
		keyId,
		attempts: Array.from({ length: count }, (_, index) => ({
			uuid: testUuid(),
			parts: [{ enc: opaque(32, index), ct: opaque(900, index + 7) }]
		})),
		sessions: { enc: opaque(32, 99), ct: opaque(300, 98) }
	};
}
