import { describe, expect, it } from 'vitest';
import { readStationSettings, saveStationSettings } from '$lib/quiz/station-settings';

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

describe('the class label kept on the device', () => {
	it('is read back as one line, cut at 40 user-perceived characters, never inside a Khmer cluster', () => {
		const storage = memory();
		const khmer = 'ក្រ'.repeat(40);
		storage.setItem('smc.station', JSON.stringify({ classLabel: khmer, idleMinutes: 3 }));
		expect(readStationSettings(storage).classLabel).toBe(khmer);
		storage.setItem('smc.station', JSON.stringify({ classLabel: khmer + 'ក្រ', idleMinutes: 3 }));
		expect(readStationSettings(storage).classLabel).toBe(khmer);
		storage.setItem(
			'smc.station',
			JSON.stringify({ classLabel: '  Grade\n8B\t ', idleMinutes: 3 })
		);
		expect(readStationSettings(storage).classLabel).toBe('Grade 8B');
	});

	it('loses the text-direction marks an earlier version let through', () => {
		const storage = memory();
		storage.setItem(
			'smc.station',
			JSON.stringify({ classLabel: 'Grade\u202e 8B', idleMinutes: 3 })
		);
		expect(readStationSettings(storage).classLabel).toBe('Grade 8B');
	});
});
