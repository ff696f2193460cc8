import { error } from '@sveltejs/kit';
import { findQuiz, listQuizzes } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, PageServerLoad } from './$types';

// A tool page, drawn in the browser like the station itself.
export const ssr = false;

// Only the quizzes before and after the sessions have a paper sheet: practice quizzes give
// feedback as the student answers, which paper cannot.
export const entries: EntryGenerator = () =>
	listQuizzes('en')
		.filter((quiz) => quiz.purpose !== 'practice')
		.flatMap(({ id }) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const quiz = findQuiz(localeOf(params), params.id);
	if (!quiz || quiz.purpose === 'practice') error(404, 'Not found');
	return { quiz };
};
