import { error, json } from '@sveltejs/kit';
import { storyIds } from '$lib/content/index.server';
import { storyPage } from '$lib/content/stories.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	storyIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const GET: RequestHandler = ({ params }) => {
	const story = storyPage(localeOf(params), params.id);
	if (!story) error(404, 'Not found');
	return json(story);
};
