/** Records as a station makes them, for the results tests. */
import type { AnswerRecord, AttemptRecord, SessionRecord } from '$lib/results/db';
import { EXPORT_FORMAT, EXPORT_VERSION, type ResultsExport } from '$lib/results/export-format';

let counter = 0;

/** A valid, distinct version 4 UUID for each call (readable in failures: ends in a count). */
export function testUuid(): string {
	counter += 1;
	return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export const DEVICE_A = '5f0c7a5e-3b1d-4c2a-9e8f-0a1b2c3d4e5f';
export const DEVICE_B = '6a1d8b6f-4c2e-4d3b-8f90-1b2c3d4e5f60';

export function attempt(overrides: Partial<AttemptRecord> = {}): AttemptRecord {
	return {
		uuid: testUuid(),
		deviceId: DEVICE_A,
		quizId: 'before-the-sessions',
		quizVersion: '3fa2c1d09e8b',
		purpose: 'pre',
		classLabel: 'Grade 8B',
		locale: 'en',
		startedAt: '2025-03-03T01:20:00.000Z',
		finishedAt: '2025-03-03T01:31:00.000Z',
		status: 'finished',
		score: 2,
		maxScore: 4,
		seed: 12345,
		pairingCode: null,
		...overrides
	};
}

export function answer(
	attemptUuid: string,
	questionId: string,
	correct: boolean,
	overrides: Partial<AnswerRecord> = {}
): AnswerRecord {
	return { attemptUuid, questionId, given: ['a'], correct, ms: 4000, ...overrides };
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

export function exportOf(
	records: Partial<Pick<ResultsExport, 'attempts' | 'answers' | 'sessions'>>,
	device = DEVICE_A
): ResultsExport {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		device,
		exportedAt: '2025-03-04T09:00:00.000Z',
		attempts: records.attempts ?? [],
		answers: records.answers ?? [],
		sessions: records.sessions ?? []
	};
}
