/**
 * The presenter's clock: time since the lesson started, which can be paused and reset.
 * Kept as plain numbers so it survives a reload of the presenter window.
 */
import type { Locale } from '$lib/content/types';

export interface StopwatchState {
	startedAt: number;
	/** When it was paused, or null while running. */
	pausedAt: number | null;
	/** Milliseconds spent paused before the current pause. */
	pausedFor: number;
}

export function startStopwatch(now: number): StopwatchState {
	return { startedAt: now, pausedAt: null, pausedFor: 0 };
}

export function elapsed(state: StopwatchState, now: number): number {
	const end = state.pausedAt ?? now;
	return Math.max(0, end - state.startedAt - state.pausedFor);
}

export function pause(state: StopwatchState, now: number): StopwatchState {
	return state.pausedAt === null ? { ...state, pausedAt: now } : state;
}

export function resume(state: StopwatchState, now: number): StopwatchState {
	if (state.pausedAt === null) return state;
	return { ...state, pausedAt: null, pausedFor: state.pausedFor + (now - state.pausedAt) };
}

const khmerDigits = '០១២៣៤៥៦៧៨៩';

/** `mm:ss`, or `h:mm:ss` past an hour; in Khmer digits for Khmer text. */
export function formatClock(milliseconds: number, locale: Locale = 'en'): string {
	const text = latinClock(milliseconds);
	return locale === 'km' ? text.replace(/\d/g, (digit) => khmerDigits[Number(digit)]!) : text;
}

function latinClock(milliseconds: number): string {
	const total = Math.floor(milliseconds / 1000);
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const pad = (value: number) => String(value).padStart(2, '0');
	return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

export function parseStopwatch(text: string | null): StopwatchState | undefined {
	if (!text) return undefined;
	try {
		const value = JSON.parse(text) as StopwatchState;
		const valid =
			Number.isFinite(value.startedAt) &&
			Number.isFinite(value.pausedFor) &&
			(value.pausedAt === null || Number.isFinite(value.pausedAt));
		return valid ? value : undefined;
	} catch {
		return undefined;
	}
}
