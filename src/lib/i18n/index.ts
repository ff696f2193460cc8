/**
 * Interface strings in English and Khmer through svelte-i18n. The language comes from
 * the address (`/km/…` is Khmer), so every prerendered page is already in its language.
 * `en.json` is the source of the keys; `km.json` must hold the same ones (a unit test
 * checks it), and `t` only accepts keys that exist in `en.json`.
 */
import { derived, type Readable } from 'svelte/store';
import { _, init, locale, register, waitLocale } from 'svelte-i18n';
import { LANGUAGE_KEY } from '$lib/boot';
import type { Locale } from '$lib/content/types';
import type en from './en.json';

register('en', () => import('./en.json'));
register('km', () => import('./km.json'));
// svelte-i18n starts in English and loads its strings. That first switch must end before
// the page's own language is set (see useLocale): finishing after it, as it can when the
// English file arrives last, it would turn a Khmer page back to English.
const started = Promise.resolve(init({ fallbackLocale: 'en', initialLocale: 'en' }));

type Leaves<Tree, Prefix extends string = ''> = {
	[Key in keyof Tree & string]: Tree[Key] extends string
		? `${Prefix}${Key}`
		: Leaves<Tree[Key], `${Prefix}${Key}.`>;
}[keyof Tree & string];

export type MessageKey = Leaves<typeof en>;
export type MessageValues = Record<string, string | number | Date | boolean>;

/** `$t('nav.sessions')`, `$t('lesson.slides', { count: 3 })`. */
export const t: Readable<(key: MessageKey, values?: MessageValues) => string> = derived(
	_,
	(format) => (key: MessageKey, values?: MessageValues) =>
		format(key, values ? { values } : undefined)
);

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

export async function useLocale(lang: Locale): Promise<void> {
	await started;
	await waitLocale(lang);
	await locale.set(lang);
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
