import { citeSources, listCards } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const cards = listCards(localeOf(params));
	const refs = cards.flatMap((card) => card.sources);
	const unique = refs.filter(
		(ref, index) =>
			refs.findIndex((other) => other.id === ref.id && other.where === ref.where) === index
	);
	return { cards, sources: citeSources(unique) };
};
