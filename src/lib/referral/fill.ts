/**
 * Compiled content keeps an empty place for the local contacts wherever `[contacts]` is
 * written (a card side, a lesson slide): `<div data-local-contacts>`, holding what to say
 * while the list is empty (`data-when-empty`). Pages drawn in the browser fill it with
 * `fillLocalContacts`; reading pages, which run no app script, with the inline script of
 * inline.ts. Both build the same list, and write every contact as text, never as HTML.
 */
import { MAX_CONTACTS, type LocalContact } from './contacts';

/** Each part of a contact, in the order shown, with its class. */
export const CONTACT_PARTS = [
	['number', 'local-number'],
	['name', 'local-name'],
	['helpsWith', 'local-what']
] as const satisfies readonly (readonly [keyof LocalContact, string])[];

export function fillLocalContacts(root: ParentNode, contacts: readonly LocalContact[]): void {
	for (const slot of root.querySelectorAll<HTMLElement>('[data-local-contacts]')) {
		slot.querySelector(':scope > .local-list')?.remove();
		for (const empty of slot.querySelectorAll<HTMLElement>('[data-when-empty]')) {
			empty.hidden = contacts.length > 0;
		}
		if (contacts.length === 0) continue;
		const list = document.createElement('ul');
		list.className = 'local-list';
		const max = Number(slot.dataset.max) || MAX_CONTACTS;
		for (const contact of contacts.slice(0, max)) {
			const item = document.createElement('li');
			for (const [field, className] of CONTACT_PARTS) {
				if (!contact[field]) continue;
				const part = document.createElement('span');
				part.className = className;
				part.textContent = contact[field];
				item.append(part, ' ');
			}
			list.append(item);
		}
		slot.append(list);
	}
}
