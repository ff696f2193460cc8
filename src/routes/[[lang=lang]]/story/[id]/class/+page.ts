import { fetchContent } from '$lib/content/fetch-content';
import type { StoryPageData } from '$lib/content/stories.server';
import { localeOf } from '$lib/i18n';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) =>
	fetchContent<StoryPageData>(fetch, 'stories', params.id, localeOf(params));
