/**
 * Interface strings in English and Khmer. The language comes from the address (`/km/…` is
 * Khmer), so every prerendered page is already in its language. `en.json` is the source of
 * the keys; `km.json` must hold the same ones (a unit test checks it), and `t` only accepts
 * keys that exist in `en.json`. The strings keep svelte-i18n's ICU syntax, but the browser
 * gets no message-format library: it fetches its language's strings, built once at build
 * time (/data/messages.json, see messages.ts), and formats them with message-format.ts.
 */
import { derived, writable, type Readable } from 'svelte/store';
import { LANGUAGE_KEY } from '$lib/boot';
import type { Locale } from '$lib/content/types';
import type en from './en.json';
import { formatMessage } from './message-format';
import type { MessageTree } from './messages';

type Leaves<Tree, Prefix extends string = ''> = {
	[Key in keyof Tree & string]: Tree[Key] extends string
		? `${Prefix}${Key}`
		: Leaves<Tree[Key], `${Prefix}${Key}.`>;
}[keyof Tree & string];

export type MessageKey = Leaves<typeof en>;
export type MessageValues = Record<string, string | number | Date | boolean>;

const strings = writable<{ lang: Locale; messages: MessageTree } | undefined>();

/** The language of the interface, once its strings are in place. */
export const locale: Readable<Locale | undefined> = derived(strings, (current) => current?.lang);

/** `$t('nav.sessions')`, `$t('lesson.slides', { count: 3 })`. */
export const t: Readable<(key: MessageKey, values?: MessageValues) => string> = derived(
	strings,
	(current) => (key: MessageKey, values?: MessageValues) => {
		let message: string | MessageTree | undefined = current?.messages;
		for (const part of key.split('.'))
			message = typeof message === 'object' ? message[part] : undefined;
		return typeof message === 'string' && current
			? formatMessage(message, values, current.lang)
			: key;
	}
);

/** Where the browser finds the strings of `lang` (the page's HTML preloads it). */
export function messagesFile(lang: Locale): string {
	return localizePath('/data/messages.json', lang);
}

const loading = new Map<Locale, Promise<MessageTree>>();

function loadMessages(lang: Locale): Promise<MessageTree> {
	let messages = loading.get(lang);
	if (!messages) {
		messages = import.meta.env.SSR
			? import('./messages').then((built) => built.messagesOf(lang))
			: fetch(messagesFile(lang)).then((response) => {
					if (!response.ok) throw new Error(`${messagesFile(lang)}: ${response.status}`);
					return response.json() as Promise<MessageTree>;
				});
		// A failed fetch (offline before the app was saved) is tried again next time.
		void messages.catch(() => loading.delete(lang));
		loading.set(lang, messages);
	}
	return messages;
}

let latest = 0;

export async function useLocale(lang: Locale): Promise<void> {
	// Only the latest call sets the language: strings that arrive late for a page the reader
	// already left must not turn the current page into the other language.
	const call = ++latest;
	const messages = await loadMessages(lang);
	if (call === latest) strings.set({ lang, messages });
}

export function localeFromPath(pathname: string): Locale {
	return pathname === '/km' || pathname.startsWith('/km/') ? 'km' : 'en';
}

/** The address of `path` (written as for English, `/sessions`) in `lang`. */
export function localizePath(path: string, lang: Locale): string {
	if (lang === 'en') return path;
	return path === '/' ? '/km' : `/km${path}`;
}

/** The same page in another language: `/km/sessions` ↔ `/sessions`. */
export function switchPath(pathname: string, lang: Locale): string {
	const english = localeFromPath(pathname) === 'km' ? pathname.slice(3) || '/' : pathname;
	return localizePath(english, lang);
}

export function rememberLocale(lang: Locale): void {
	try {
		localStorage.setItem(LANGUAGE_KEY, lang);
	} catch {
		// Storage can be disabled (private mode); the address still carries the language.
	}
}

/** The language of a route from its optional `[[lang=lang]]` parameter. */
export function localeOf(params: { lang?: string }): Locale {
	return params.lang === 'km' ? 'km' : 'en';
}
