import { describe, expect, it } from 'vitest';
import {
	elapsed,
	formatClock,
	parseStopwatch,
	pause,
	resume,
	startStopwatch
} from '$lib/present/stopwatch';

describe('the presenter clock', () => {
	it('counts time since the start, without the time spent paused', () => {
		let clock = startStopwatch(1_000);
		expect(elapsed(clock, 61_000)).toBe(60_000);
		clock = pause(clock, 61_000);
		expect(elapsed(clock, 500_000)).toBe(60_000);
		clock = resume(clock, 121_000);
		expect(elapsed(clock, 181_000)).toBe(120_000);
	});

	it('shows minutes and seconds, and hours past the first', () => {
		expect(formatClock(0)).toBe('00:00');
		expect(formatClock(65_999)).toBe('01:05');
		expect(formatClock(3_725_000)).toBe('1:02:05');
	});

	it('survives a reload, and ignores what it cannot read', () => {
		const clock = pause(startStopwatch(5), 10);
		expect(parseStopwatch(JSON.stringify(clock))).toEqual(clock);
		expect(parseStopwatch('not json')).toBeUndefined();
		expect(parseStopwatch('{"startedAt":"x"}')).toBeUndefined();
		expect(parseStopwatch(null)).toBeUndefined();
	});
});

describe('the clock in Khmer', () => {
	it('is written in Khmer digits', () => {
		expect(formatClock(65_000, 'km')).toBe('០១:០៥');
		expect(formatClock(65_000, 'en')).toBe('01:05');
	});
});
