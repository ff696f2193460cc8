import { listLessons } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// A small page of its own: lesson pages are plain HTML, and this one needs the database.
export const load: PageServerLoad = ({ params }) => ({
	lessons: listLessons(localeOf(params)).map(({ id, session, title, locale }) => ({
		id,
		session,
		title,
		locale
	}))
});
