import { describe, expect, it } from 'vitest';
import { countdownFor, parseCountdown, startCountdown, timeLeft } from '$lib/present/countdown';

describe('the countdown of an activity', () => {
	it('counts the part’s minutes down to zero, and no further', () => {
		const countdown = startCountdown(2, 10, 1_000);
		expect(timeLeft(countdown, 1_000)).toBe(600_000);
		expect(timeLeft(countdown, 61_000)).toBe(540_000);
		expect(timeLeft(countdown, 10_000_000)).toBe(0);
	});

	it('keeps running when hidden and shown again, and starts anew for another part or once done', () => {
		const running = startCountdown(1, 5, 0);
		expect(countdownFor(running, 1, 5, 60_000)).toBe(running);
		expect(countdownFor(running, 2, 8, 60_000)).toEqual({ part: 2, endsAt: 60_000 + 480_000 });
		expect(countdownFor(running, 1, 5, 400_000)).toEqual({ part: 1, endsAt: 700_000 });
		expect(countdownFor(undefined, 0, 3, 0)).toEqual({ part: 0, endsAt: 180_000 });
	});

	it('survives a reload, and ignores what it cannot read', () => {
		const countdown = startCountdown(3, 4, 99);
		expect(parseCountdown(JSON.stringify(countdown))).toEqual(countdown);
		for (const bad of [
			null,
			'',
			'nope',
			'{"part":-1,"endsAt":5}',
			'{"part":1.5,"endsAt":5}',
			'{}'
		]) {
			expect(parseCountdown(bad)).toBeUndefined();
		}
	});
});
