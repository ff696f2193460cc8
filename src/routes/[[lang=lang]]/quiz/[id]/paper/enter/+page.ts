import { error } from '@sveltejs/kit';
import { fetchContent } from '$lib/content/fetch-content';
import { localeOf } from '$lib/i18n';
import type { Quiz } from '$lib/quiz/types';
import type { PageLoad } from './$types';

// The quiz's JSON file, the one the station reads; a practice quiz has no paper sheet.
export const load: PageLoad = async ({ fetch, params }) => {
	const quiz = await fetchContent<Quiz>(fetch, 'quizzes', params.id, localeOf(params));
	if (quiz.purpose === 'practice') error(404, 'Not found');
	return { quiz };
};
