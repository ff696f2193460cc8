import { describe, expect, it } from 'vitest';
import {
	enterPart,
	parsePartTimes,
	partStatus,
	spentIn,
	startParts
} from '$lib/present/part-timer';
import { freshTimes, readTimes, STALE_AFTER } from '$lib/present/presenter-store';
import { pause, startStopwatch } from '$lib/present/stopwatch';

const minute = 60_000;

describe('time in each part of the lesson', () => {
	it('gathers the time of the part on show, and keeps it when the teacher goes back', () => {
		let times = startParts(0, 0);
		times = enterPart(times, 1, 4 * minute);
		expect(spentIn(times, 0, 6 * minute)).toBe(4 * minute);
		expect(spentIn(times, 1, 6 * minute)).toBe(2 * minute);
		times = enterPart(times, 0, 7 * minute);
		expect(spentIn(times, 0, 8 * minute)).toBe(5 * minute);
		expect(spentIn(times, 1, 8 * minute)).toBe(3 * minute);
		expect(spentIn(times, 4, 8 * minute)).toBe(0);
	});

	it('changes nothing when the slide moves within the same part', () => {
		const times = startParts(2, 1000);
		expect(enterPart(times, 2, 5000)).toBe(times);
	});

	it('says how much is left, to wrap up in the last minute, and by how much it runs over', () => {
		expect(partStatus(2 * minute, 10)).toEqual({ left: 8 * minute, status: 'on-time' });
		expect(partStatus(9.5 * minute, 10)).toEqual({ left: 0.5 * minute, status: 'ending' });
		expect(partStatus(10 * minute, 10)).toEqual({ left: 0, status: 'ending' });
		expect(partStatus(11 * minute, 10)).toEqual({ left: -minute, status: 'over' });
		// A two-minute part warns in its last half minute, not for half of it.
		expect(partStatus(1 * minute, 2).status).toBe('on-time');
		expect(partStatus(1.6 * minute, 2).status).toBe('ending');
	});

	it('reads back only well-formed times', () => {
		const times = enterPart(startParts(0, 0), 3, minute);
		expect(parsePartTimes(JSON.parse(JSON.stringify(times)))).toEqual(times);
		for (const bad of [
			null,
			5,
			{ part: -1, since: 0, spent: [] },
			{ part: 0, since: 0, spent: [-5] }
		]) {
			expect(parsePartTimes(bad)).toBeUndefined();
		}
	});
});

describe('the presenter’s stored times', () => {
	const now = Date.parse('2026-03-02T08:30:00Z');

	it('come back after the window is closed and opened again', () => {
		const stored = {
			clock: pause(startStopwatch(now - 20 * minute), now),
			parts: startParts(1, 0)
		};
		expect(readTimes(JSON.stringify(stored), now)).toEqual(stored);
	});

	it('start afresh when they are from an earlier class, from the future, or unreadable', () => {
		const old = freshTimes(0, now - STALE_AFTER - 1);
		expect(readTimes(JSON.stringify(old), now)).toBeUndefined();
		expect(readTimes(JSON.stringify(freshTimes(0, now + minute)), now)).toBeUndefined();
		for (const bad of [null, '', '{', '{"clock":null}', '{"clock":{"startedAt":1},"parts":{}}']) {
			expect(readTimes(bad, now)).toBeUndefined();
		}
	});
});
