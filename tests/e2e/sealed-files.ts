/**
 * Result files as stations make them, sealed to a test trainer's key with the app's own
 * sealing code, for the trainer's tests: many attempts without playing each one through.
 * Their quiz version is an earlier wording, so only what such a file can be checked for
 * is checked (validate.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Attempt } from '../../src/lib/results/attempt';
import { sealPart } from '../../src/lib/results/seal';
import type { TestTrainer } from './station-helpers';

export interface MadeAttempt {
	classLabel: string;
	score: number;
	quizId?: string;
	purpose?: 'pre' | 'post';
	maxScore?: number;
	pairingCode?: string | null;
	/** Day of the attempt, `YYYY-MM-DD` (at 09:20 in Cambodia). */
	day?: string;
}

export function attemptOf(made: MadeAttempt, device: string): Attempt {
	const maxScore = made.maxScore ?? 4;
	const day = made.day ?? '2025-03-03';
	return {
		uuid: randomUUID(),
		deviceId: device,
		quizId: made.quizId ?? 'before-the-sessions',
		quizVersion: '3fa2c1d09e8b',
		purpose: made.purpose ?? 'pre',
		classLabel: made.classLabel,
		locale: 'en',
		startedAt: `${day}T02:20:00.000Z`,
		finishedAt: `${day}T02:31:00.000Z`,
		status: 'finished',
		score: made.score,
		maxScore,
		seed: 12345,
		pairingCode: made.pairingCode ?? null,
		source: 'tablet',
		answers: Array.from({ length: maxScore }, (_, index) => ({
			questionId: `question-${index + 1}`,
			given: ['a'],
			correct: index < made.score,
			ms: 5000
		}))
	};
}

/** A sealed export (format version 2) of these attempts, as a station saves it. */
export async function sealedFile(
	trainer: Pick<TestTrainer, 'publicKey' | 'keyId'>,
	attempts: readonly Attempt[],
	device = randomUUID()
): Promise<string> {
	const key = { publicKey: trainer.publicKey, keyId: trainer.keyId };
	const records = await Promise.all(
		attempts.map(async (attempt) => {
			const { score: _, answers, finishedAt, status, ...header } = attempt;
			const part = await sealPart(key, attempt.uuid, {
				v: 1,
				header: { ...header, deviceId: device },
				answers,
				end: finishedAt ? { finishedAt, status } : null
			});
			return { uuid: attempt.uuid, parts: [part] };
		})
	);
	return JSON.stringify({
		format: 'safe-migration-classroom-results',
		version: 2,
		device,
		exportedAt: '2025-03-20T09:00:00.000Z',
		keyId: trainer.keyId,
		attempts: records,
		sessions: null
	});
}

/** A plaintext export of version 1, as tablets of an earlier version saved them. */
export function legacyFile(attempts: readonly Attempt[], device = randomUUID()): string {
	return JSON.stringify({
		format: 'safe-migration-classroom-results',
		version: 1,
		device,
		exportedAt: '2025-03-20T09:00:00.000Z',
		attempts: attempts.map(({ answers: _, source: __, ...attempt }) => ({
			...attempt,
			deviceId: device
		})),
		answers: attempts.flatMap((attempt) =>
			attempt.answers.map((answer) => ({ attemptUuid: attempt.uuid, ...answer }))
		),
		sessions: []
	});
}
