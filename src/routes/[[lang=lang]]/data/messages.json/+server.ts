import { json } from '@sveltejs/kit';
import { localeOf } from '$lib/i18n';
import { messagesOf } from '$lib/i18n/messages';
import type { EntryGenerator, RequestHandler } from './$types';

// The interface strings of each language, built once at build time for the browser.
export const prerender = true;

export const entries: EntryGenerator = () => [{}, { lang: 'km' }];

export const GET: RequestHandler = ({ params }) => json(messagesOf(localeOf(params)));
