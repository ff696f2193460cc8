import { json } from '@sveltejs/kit';
import { localeOf } from '$lib/i18n';
import { helpContacts } from '$lib/referral/help.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [{}, { lang: 'km' }];

// The help contacts (content/contacts.yml) in one language, for the quiz station's end
// screen: one small file shared by every quiz, not a copy in each quiz's file.
export const GET: RequestHandler = ({ params }) => json(helpContacts(localeOf(params)));
