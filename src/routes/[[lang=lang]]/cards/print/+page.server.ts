import { listCards } from '$lib/content/index.server';
import type { PageServerLoad } from './$types';

// Both languages, whatever the page's: the print language is chosen in the page.
export const load: PageServerLoad = () => ({ cards: { en: listCards('en'), km: listCards('km') } });
