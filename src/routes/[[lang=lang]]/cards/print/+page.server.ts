import { listCards } from '$lib/content/index.server';
import type { PageServerLoad } from './$types';

// A tool page (the card printing page): its prerendered HTML is a light shell and the page is drawn
// in the browser from its data, so the offline copy holds the content once, not twice.
export const ssr = false;

// Both languages, whatever the page's: the print language is chosen in the page.
export const load: PageServerLoad = () => ({ cards: { en: listCards('en'), km: listCards('km') } });
