/**
 * The local contacts as pages show them. They are read from storage when a page first
 * shows them (in the browser: prerendering sees none), and follow changes made in another
 * tab, such as the settings page open beside the projector.
 */
import type { LocalContact } from './contacts';
import { loadContacts, REFERRAL_KEY, saveContacts } from './storage';

class LocalContacts {
	list: readonly LocalContact[] = $state.raw([]);
	#started = false;

	/** Reads the list once; call it when a component is mounted. */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.list = loadContacts();
		addEventListener('storage', (event) => {
			if (event.key === REFERRAL_KEY || event.key === null) this.list = loadContacts();
		});
	}

	/** Replaces the list, if the device stores it; false (and nothing changed) if not. */
	save(next: readonly LocalContact[]): boolean {
		if (!saveContacts(next)) return false;
		this.list = next;
		return true;
	}
}

export const localContacts = new LocalContacts();
