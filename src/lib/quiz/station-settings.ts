/**
 * How a tablet is set up as a quiz station: the class label the teacher types (the only
 * free text anywhere in the quiz flow, and never a student's name) and how long it may sit
 * untouched before it goes back to Start. Kept in localStorage, on this device only.
 */
import { normalizeClassLabel } from './class-label';

export interface StationSettings {
	classLabel: string;
	idleMinutes: number;
}

export const IDLE_CHOICES = [1, 2, 3, 5, 10] as const;
export const DEFAULT_IDLE_MINUTES = 3;
const KEY = 'smc.station';

function safeStorage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined; // storage disabled: the settings last as long as the page
	}
}

export function readStationSettings(storage = safeStorage()): StationSettings {
	const fallback = { classLabel: '', idleMinutes: DEFAULT_IDLE_MINUTES };
	try {
		const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<StationSettings> | null;
		if (!saved || typeof saved !== 'object') return fallback;
		return {
			classLabel: typeof saved.classLabel === 'string' ? normalizeClassLabel(saved.classLabel) : '',
			idleMinutes: IDLE_CHOICES.includes(saved.idleMinutes as (typeof IDLE_CHOICES)[number])
				? saved.idleMinutes!
				: DEFAULT_IDLE_MINUTES
		};
	} catch {
		return fallback;
	}
}

/** Saves the settings; false if this browser keeps nothing (they last until the page closes). */
export function saveStationSettings(settings: StationSettings, storage = safeStorage()): boolean {
	try {
		storage?.setItem(KEY, JSON.stringify(settings));
		return storage !== undefined;
	} catch {
		return false;
	}
}
