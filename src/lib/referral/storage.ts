/**
 * Where this device keeps its local contacts: one localStorage entry, in the same shape as
 * the file a trainer exports, so the inline script of reading pages (inline.ts) can read it
 * too. Storage can be full or switched off (private mode): reading then gives an empty
 * list, and saving says it failed, so that the page can tell the teacher.
 */
import { readReferralFile, toReferralFile, type LocalContact } from './contacts';

export const REFERRAL_KEY = 'smc.referrals';

/** The list kept on this device; empty when there is none, or when it cannot be read. */
export function loadContacts(): LocalContact[] {
	try {
		const text = localStorage.getItem(REFERRAL_KEY);
		if (text === null) return [];
		// Checked again on the way in: the stored text is only as good as whoever wrote it last.
		const read = readReferralFile(text);
		return read.ok ? read.contacts : [];
	} catch {
		return [];
	}
}

/** Keeps the list on this device; false when the browser would not store it. */
export function saveContacts(contacts: readonly LocalContact[]): boolean {
	try {
		if (contacts.length === 0) localStorage.removeItem(REFERRAL_KEY);
		else localStorage.setItem(REFERRAL_KEY, toReferralFile(contacts));
		return true;
	} catch {
		return false;
	}
}
