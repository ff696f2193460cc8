/**
 * The presenter's clock and part times, kept in localStorage per lesson, so that closing
 * and reopening the presenter window (or the browser) mid-lesson keeps them. A clock
 * started more than 12 hours ago belongs to an earlier class, and starts afresh.
 */
import { parsePartTimes, startParts, type PartTimes } from './part-timer';
import { parseStopwatch, startStopwatch, type StopwatchState } from './stopwatch';

export interface PresenterTimes {
	clock: StopwatchState;
	parts: PartTimes;
}

export const STALE_AFTER = 12 * 3600_000;

const keyOf = (lessonId: string) => `smc.presenter.${lessonId}`;

export function freshTimes(part: number, now: number): PresenterTimes {
	return { clock: startStopwatch(now), parts: startParts(part, 0) };
}

/** The times stored for this lesson, if they can be read and are from today's class. */
export function readTimes(text: string | null, now: number): PresenterTimes | undefined {
	if (!text) return undefined;
	try {
		const value = JSON.parse(text) as { clock?: unknown; parts?: unknown };
		const clock = parseStopwatch(JSON.stringify(value.clock ?? null));
		const parts = parsePartTimes(value.parts);
		if (!clock || !parts) return undefined;
		return now - clock.startedAt > STALE_AFTER || clock.startedAt > now
			? undefined
			: { clock, parts };
	} catch {
		return undefined;
	}
}

export function loadTimes(lessonId: string, now: number): PresenterTimes | undefined {
	try {
		return readTimes(localStorage.getItem(keyOf(lessonId)), now);
	} catch {
		// Storage can be disabled (private mode): the clock then lasts as long as the window.
		return undefined;
	}
}

export function saveTimes(lessonId: string, times: PresenterTimes): void {
	try {
		localStorage.setItem(keyOf(lessonId), JSON.stringify(times));
	} catch {
		// As above: nothing to keep it in, and nothing lost that the window does not show.
	}
}
