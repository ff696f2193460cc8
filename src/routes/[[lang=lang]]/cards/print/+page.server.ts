import { listCards } from '$lib/content/index.server';
import type { PageServerLoad } from './$types';

// A tool page (the card printing page): its HTML is prerendered with its first screen.

// Both languages, whatever the page's: the print language is chosen in the page.
export const load: PageServerLoad = () => ({ cards: { en: listCards('en'), km: listCards('km') } });
