/**
 * The contacts of content/contacts.yml in one language, for pages that show the help block
 * without content of their own that names them (the quiz end screen).
 */
import { contacts } from '$lib/content/index.server';
import type { Locale } from '$lib/content/types';
import type { HelpContact } from './help';

export function helpContacts(lang: Locale): HelpContact[] {
	return contacts.map((contact) => ({
		id: contact.id,
		number: contact.number,
		name: contact.name[lang],
		when: contact.when[lang]
	}));
}
