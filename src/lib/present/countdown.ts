/**
 * The countdown the class sees for an activity (T on the projector): the current part's
 * minutes, counted down from when the teacher shows it. Plain numbers, so it survives a
 * reload of the projector.
 */

export interface Countdown {
	/** Index of the lesson part it counts down. */
	part: number;
	/** When it reaches zero, in milliseconds since the epoch. */
	endsAt: number;
}

export function startCountdown(part: number, minutes: number, now: number): Countdown {
	return { part, endsAt: now + Math.max(0, minutes) * 60_000 };
}

/** Milliseconds left, never below zero. */
export function timeLeft(countdown: Countdown, now: number): number {
	return Math.max(0, countdown.endsAt - now);
}

/**
 * What T does to the countdown of `part`: one that is running for this part is kept,
 * so hiding and showing it again does not restart it; otherwise a new one starts.
 */
export function countdownFor(
	current: Countdown | undefined,
	part: number,
	minutes: number,
	now: number
): Countdown {
	if (current && current.part === part && timeLeft(current, now) > 0) return current;
	return startCountdown(part, minutes, now);
}

export function parseCountdown(text: string | null): Countdown | undefined {
	if (!text) return undefined;
	try {
		const value = JSON.parse(text) as Countdown;
		return Number.isInteger(value.part) && value.part >= 0 && Number.isFinite(value.endsAt)
			? { part: value.part, endsAt: value.endsAt }
			: undefined;
	} catch {
		return undefined;
	}
}
