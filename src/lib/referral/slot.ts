/**
 * What `[contacts]` becomes in compiled content, at build time, in the content's own
 * language: the contacts of content/contacts.yml (1288), with who can call, and the place
 * kept for this device's local contacts (see fill.ts), with what to say while there are
 * none. The words come from the interface strings, so they are translated in one place.
 */
import en from '../i18n/en.json' with { type: 'json' };
import km from '../i18n/km.json' with { type: 'json' };
import type { Contact, Locale } from '../content/types';
import { localContactsScript } from './inline';

const words: Record<Locale, typeof en.referral> = { en: en.referral, km: km.referral };

function escapeText(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export interface SlotOptions {
	/** A heading above the local contacts, shown whether or not there are any. */
	heading?: boolean;
	/** The short line a card has room for, instead of the full advice on where to ask. */
	short?: boolean;
	/** Empty lines to write on while the list is empty (on paper). */
	blanks?: number;
	/** Show at most this many local contacts (a small card has room for few). */
	max?: number;
	/** Fill the place with the inline script, for pages that run no app script. */
	script?: boolean;
}

/** The place kept for the local contacts. */
export function localContactsSlot(locale: Locale, options: SlotOptions = {}): string {
	const say = words[locale];
	const max = options.max ? ` data-max="${options.max}"` : '';
	const parts = [
		options.heading ? `<p class="local-heading">${escapeText(say.heading)}</p>` : '',
		`<p class="local-ask" data-when-empty>${escapeText(options.short ? say.cardAsk : say.whereToAsk)}</p>`,
		'<p class="local-blank" data-when-empty></p>'.repeat(options.blanks ?? 0)
	];
	const script = options.script ? `<script>${localContactsScript}</script>` : '';
	return `<div class="local-contacts" data-local-contacts${max}>${parts.join('')}</div>${script}`;
}

/**
 * The help block of a lesson slide: every contact with its number and name, who can call,
 * and the local list. When to call is left to the slide around it: the block must fit a
 * projected slide of its own, in large type.
 */
export function helpBlock(contacts: readonly Contact[], locale: Locale): string {
	const items = contacts.map(
		(contact) =>
			`<li><span class="help-number">${escapeText(contact.number)}</span> ` +
			`<span class="help-name">${escapeText(contact.name[locale])}</span></li>`
	);
	return (
		`<div class="help-block"><ul class="help-contacts">${items.join('')}</ul>` +
		`<p class="help-who">${escapeText(words[locale].hotlineWho)}</p>` +
		localContactsSlot(locale, { heading: true, script: true }) +
		'</div>'
	);
}
