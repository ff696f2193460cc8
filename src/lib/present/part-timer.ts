/**
 * Time spent in each part of the lesson, on the presenter's clock (so a paused clock pauses
 * the parts too): the part shown gathers time, and the presenter says how much of its
 * planned minutes is left, and when it runs over.
 */

export interface PartTimes {
	/** The part being taught, and the clock's reading when it began to be. */
	part: number;
	since: number;
	/** Milliseconds gathered by each part before the current stretch. */
	spent: number[];
}

export function startParts(part: number, clock: number): PartTimes {
	return { part, since: clock, spent: [] };
}

/** The part shown is now `part`: the stretch of the one before is added to its time. */
export function enterPart(times: PartTimes, part: number, clock: number): PartTimes {
	if (part === times.part) return times;
	const spent = [...times.spent];
	spent[times.part] = (spent[times.part] ?? 0) + Math.max(0, clock - times.since);
	return { part, since: clock, spent };
}

export function spentIn(times: PartTimes, part: number, clock: number): number {
	const before = times.spent[part] ?? 0;
	return part === times.part ? before + Math.max(0, clock - times.since) : before;
}

export type PartStatus = 'on-time' | 'ending' | 'over';

/** Time left of the part's planned minutes (below zero once over), and how it stands. */
export function partStatus(spent: number, minutes: number): { left: number; status: PartStatus } {
	const planned = minutes * 60_000;
	const left = planned - spent;
	// The last minute, or the last quarter of a short part, is the time to wrap up.
	const ending = Math.min(60_000, planned / 4);
	return { left, status: left < 0 ? 'over' : left <= ending ? 'ending' : 'on-time' };
}

export function parsePartTimes(value: unknown): PartTimes | undefined {
	const times = value as PartTimes | null;
	const count = (entry: unknown) =>
		entry === null || entry === undefined || (Number.isFinite(entry) && (entry as number) >= 0);
	return typeof times === 'object' &&
		times !== null &&
		Number.isInteger(times.part) &&
		times.part >= 0 &&
		Number.isFinite(times.since) &&
		Array.isArray(times.spent) &&
		times.spent.length < 100 &&
		times.spent.every(count)
		? { part: times.part, since: times.since, spent: times.spent.map((entry) => entry ?? 0) }
		: undefined;
}
