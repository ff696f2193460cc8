/**
 * An attempt as the trainer's device reads it: decrypted, its sealed parts joined, its
 * answers inside it. Stations never hold this in storage; they seal it (seal.ts).
 */
import type { Locale } from '$lib/content/types';
import type { Purpose } from '$lib/quiz/types';

export interface AttemptAnswer {
	questionId: string;
	given: string[];
	correct: boolean;
	ms: number;
}

export type AttemptStatus = 'finished' | 'unfinished';
export type AttemptSource = 'tablet' | 'paper';

export interface Attempt {
	uuid: string;
	deviceId: string;
	quizId: string;
	quizVersion: string;
	purpose: Purpose;
	classLabel: string;
	locale: Locale;
	/** ISO time, to the minute. */
	startedAt: string;
	finishedAt: string | null;
	status: AttemptStatus;
	score: number;
	maxScore: number;
	seed: number;
	/** Language-free pairing code, such as `K-07-2` (quiz/pairing.ts), or null. */
	pairingCode: string | null;
	source: AttemptSource;
	answers: AttemptAnswer[];
}
