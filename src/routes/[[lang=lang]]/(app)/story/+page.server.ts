import { listStories } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({ stories: listStories(localeOf(params)) });
