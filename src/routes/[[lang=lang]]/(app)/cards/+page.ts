import type { CardsFile } from '$lib/content/card';
import { fetchData } from '$lib/content/fetch-content';
import { localeOf } from '$lib/i18n';
import type { PageLoad } from './$types';

// The cards file the printing page reads too: the offline copy holds each card once.
export const load: PageLoad = ({ fetch, params }) =>
	fetchData<CardsFile>(fetch, '/data/cards.json', localeOf(params));
