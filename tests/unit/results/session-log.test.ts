import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsDatabase } from '$lib/results/db';
import { UUID } from '$lib/results/ids';
import { localDay, sessionProblems, type SessionInput } from '$lib/results/session-log';
import { listSessions, logSession } from '$lib/results/session-store';

const lessons = ['welcome-pre-quiz', 'six-key-messages'];
const form: SessionInput = {
	date: '2025-03-03',
	classLabel: 'ថ្នាក់ទី៨ ខ',
	lessonId: 'six-key-messages',
	students: 30,
	girls: 16,
	boys: 14
};

const opened: ResultsDatabase[] = [];
afterEach(() => {
	for (const db of opened.splice(0)) db.close();
});

describe('the session log form', () => {
	it('accepts a session held, with or without girls and boys counted', () => {
		expect(sessionProblems(form, lessons, '2025-03-03')).toEqual([]);
		expect(sessionProblems({ ...form, girls: null, boys: null }, lessons, '2025-03-03')).toEqual(
			[]
		);
	});

	it('names each thing to fix', () => {
		expect(sessionProblems({ ...form, date: '2025-02-30' }, lessons, '2025-03-03')).toEqual([
			'date'
		]);
		expect(sessionProblems({ ...form, date: '2025-03-04' }, lessons, '2025-03-03')).toEqual([
			'future'
		]);
		expect(sessionProblems({ ...form, classLabel: ' \n ' }, lessons, '2025-03-03')).toEqual([
			'class'
		]);
		for (const classLabel of ['8\u202eB', 'x'.repeat(41)])
			expect(sessionProblems({ ...form, classLabel }, lessons, '2025-03-03')).toEqual(['class']);
		expect(
			sessionProblems({ ...form, classLabel: 'ថ្នាក់'.repeat(20) }, lessons, '2025-03-03')
		).toEqual([]);
		expect(sessionProblems({ ...form, lessonId: 'no-such-lesson' }, lessons, '2025-03-03')).toEqual(
			['lesson']
		);
		for (const students of [null, 0, -1, 2.5, 1001])
			expect(sessionProblems({ ...form, students }, lessons, '2025-03-03')).toEqual(['students']);
		expect(sessionProblems({ ...form, girls: 20, boys: 14 }, lessons, '2025-03-03')).toEqual([
			'counts'
		]);
		expect(sessionProblems({ ...form, girls: -1, boys: null }, lessons, '2025-03-03')).toEqual([
			'counts'
		]);
	});

	it('gives today in the device’s own time zone', () => {
		expect(localDay(new Date(2025, 2, 3, 23, 59))).toBe('2025-03-03');
	});
});

describe('logging a session', () => {
	it('stores counts with this device’s id and the time to the minute, and lists them latest first', async () => {
		const db = new ResultsDatabase('session-log');
		opened.push(db);
		const first = await logSession(form, new Date('2025-03-03T02:10:42Z'), db);
		await logSession({ ...form, date: '2025-03-10' }, new Date('2025-03-10T02:10:00Z'), db);
		expect(first).toMatchObject({
			date: '2025-03-03',
			classLabel: 'ថ្នាក់ទី៨ ខ',
			students: 30,
			girls: 16,
			boys: 14,
			recordedAt: '2025-03-03T02:10:00.000Z'
		});
		expect(first.uuid).toMatch(UUID);
		expect(first.deviceId).toMatch(UUID);
		expect((await listSessions(db)).map((session) => session.date)).toEqual([
			'2025-03-10',
			'2025-03-03'
		]);
	});
});
