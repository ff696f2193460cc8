import { listStories } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// A reading page: plain HTML, no scripts to download or run (see README, "How it is built").
export const csr = false;

export const load: PageServerLoad = ({ params }) => ({ stories: listStories(localeOf(params)) });
