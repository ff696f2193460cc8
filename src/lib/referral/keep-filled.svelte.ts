/**
 * For components that draw compiled HTML holding places for the local contacts (a card
 * side, a slide): fills them once the HTML is on the page, and again whenever the HTML or
 * the list changes. Call it while the component is created.
 */
import { onMount } from 'svelte';
import { fillLocalContacts } from './fill';
import { localContacts } from './local-contacts.svelte';

export function keepLocalContactsFilled(
	root: () => HTMLElement | undefined,
	html: () => string
): void {
	onMount(() => localContacts.start());
	// An effect runs after the DOM is updated, so the new HTML is there to be filled.
	$effect(() => {
		html();
		const element = root();
		if (element) fillLocalContacts(element, localContacts.list);
	});
}
