import { error } from '@sveltejs/kit';
import { storyIds } from '$lib/content/index.server';
import { storyPage } from '$lib/content/stories.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	storyIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const page = storyPage(localeOf(params), params.id);
	if (!page) error(404, 'Not found');
	return page;
};
