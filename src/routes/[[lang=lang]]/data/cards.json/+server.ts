import { json } from '@sveltejs/kit';
import { citeSources, listCards } from '$lib/content/index.server';
import type { CardsFile } from '$lib/content/card';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [{}, { lang: 'km' }];

// The pocket cards of one language, read by the cards page and, both languages, by the
// printing page: the offline copy holds each card once.
export const GET: RequestHandler = ({ params }) => {
	const cards = listCards(localeOf(params));
	const refs = cards.flatMap((card) => card.sources);
	const unique = refs.filter(
		(ref, index) =>
			refs.findIndex((other) => other.id === ref.id && other.where === ref.where) === index
	);
	return json({ cards, sources: citeSources(unique) } satisfies CardsFile);
};
