import type { CardsFile } from '$lib/content/card';
import { fetchData } from '$lib/content/fetch-content';
import type { PageLoad } from './$types';

// Both languages, whatever the page's: the print language is chosen in the page.
export const load: PageLoad = async ({ fetch }) => {
	const [en, km] = await Promise.all([
		fetchData<CardsFile>(fetch, '/data/cards.json', 'en'),
		fetchData<CardsFile>(fetch, '/data/cards.json', 'km')
	]);
	return { cards: { en: en.cards, km: km.cards } };
};
