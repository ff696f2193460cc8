import { listLessons, listQuizzes } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// A reading page: plain HTML, no scripts (the station, /quiz/[id], is where the app runs).
export const csr = false;

export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params);
	const lessons = listLessons(locale);
	return {
		quizzes: listQuizzes(locale),
		lessons: lessons.map(({ id, title, session, locale }) => ({ id, title, session, locale }))
	};
};
