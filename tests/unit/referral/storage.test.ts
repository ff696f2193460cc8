import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toReferralFile } from '$lib/referral/contacts';
import { loadContacts, REFERRAL_KEY, saveContacts } from '$lib/referral/storage';

/** A localStorage of our own: Node has none, and tests must not share one. */
class MemoryStorage {
	items = new Map<string, string>();
	full = false;
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

let storage: MemoryStorage;
beforeEach(() => {
	storage = new MemoryStorage();
	vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const police = { name: 'Police post', helpsWith: 'Trafficking cases', number: '012 345 678' };

describe("the device's local contacts", () => {
	it('are kept in the shape of the exported file, and read back', () => {
		expect(saveContacts([police])).toBe(true);
		expect(JSON.parse(storage.getItem(REFERRAL_KEY)!)).toMatchObject({
			format: 'safe-migration-classroom-referrals',
			contacts: [police]
		});
		expect(loadContacts()).toEqual([police]);
	});

	it('are an empty list when none were saved, and saving none removes the entry', () => {
		expect(loadContacts()).toEqual([]);
		saveContacts([police]);
		saveContacts([]);
		expect(storage.getItem(REFERRAL_KEY)).toBeNull();
	});

	it('are checked again when read, so a damaged or tampered entry shows nothing', () => {
		storage.setItem(REFERRAL_KEY, '{"format": "safe-migration-classroom-referrals", "ver');
		expect(loadContacts()).toEqual([]);
		storage.setItem(REFERRAL_KEY, toReferralFile([{ ...police, number: 'javascript:alert(1)' }]));
		expect(loadContacts()).toEqual([]);
	});

	it('report a full or disabled storage instead of throwing, and leave what was saved', () => {
		saveContacts([police]);
		storage.full = true;
		expect(saveContacts([police, { ...police, name: 'Health centre' }])).toBe(false);
		expect(loadContacts()).toEqual([police]);
		vi.stubGlobal('localStorage', undefined);
		expect(loadContacts()).toEqual([]);
		expect(saveContacts([police])).toBe(false);
	});
});
