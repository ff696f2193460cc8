import { fetchContent } from '$lib/content/fetch-content';
import type { Lesson } from '$lib/content/types';
import { localeOf } from '$lib/i18n';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
	lesson: await fetchContent<Lesson>(fetch, 'lessons', params.id, localeOf(params))
});
