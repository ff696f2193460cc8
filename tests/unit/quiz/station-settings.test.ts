import { describe, expect, it } from 'vitest';
import {
	cleanClassLabel,
	readStationSettings,
	saveStationSettings
} from '$lib/quiz/station-settings';

class MemoryStorage {
	items = new Map<string, string>();
	getItem = (key: string) => this.items.get(key) ?? null;
	setItem = (key: string, value: string) => void this.items.set(key, value);
}

const memory = () => new MemoryStorage() as unknown as Storage;

describe('station settings', () => {
	it('start with no class label and three idle minutes', () => {
		expect(readStationSettings(memory())).toEqual({ classLabel: '', idleMinutes: 3 });
	});

	it('are kept on the device', () => {
		const storage = memory();
		expect(saveStationSettings({ classLabel: 'Grade 8B', idleMinutes: 5 }, storage)).toBe(true);
		expect(readStationSettings(storage)).toEqual({ classLabel: 'Grade 8B', idleMinutes: 5 });
	});

	it('fall back to the defaults when what was stored is damaged or odd', () => {
		const storage = memory();
		storage.setItem('smc.station', '{not json');
		expect(readStationSettings(storage)).toEqual({ classLabel: '', idleMinutes: 3 });
		storage.setItem('smc.station', JSON.stringify({ classLabel: 42, idleMinutes: 7 }));
		expect(readStationSettings(storage)).toEqual({ classLabel: '', idleMinutes: 3 });
	});

	it('survive a browser that keeps nothing', () => {
		const broken = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		} as unknown as Storage;
		expect(readStationSettings(broken)).toEqual({ classLabel: '', idleMinutes: 3 });
		expect(saveStationSettings({ classLabel: '8B', idleMinutes: 3 }, broken)).toBe(false);
	});
});

describe('class labels', () => {
	it('are one trimmed line', () => {
		expect(cleanClassLabel('  Grade\n8B\t ')).toBe('Grade 8B');
	});

	it('keep Khmer, and are cut at 40 characters without splitting a character', () => {
		expect(cleanClassLabel('ថ្នាក់ទី៨ ខ')).toBe('ថ្នាក់ទី៨ ខ');
		expect([...cleanClassLabel('x'.repeat(39) + '😀😀')]).toHaveLength(40);
	});
});
