import { fetchContent } from '$lib/content/fetch-content';
import { localeOf } from '$lib/i18n';
import { quizInfo } from '$lib/results/quiz-info';
import type { Quiz } from '$lib/quiz/types';
import type { PageLoad } from './$types';

// Every quiz in the page's language, from the files the stations read: the offline copy holds
// each quiz once, not again in this page's data.
export const load: PageLoad = async ({ data, fetch, params }) => ({
	quizzes: await Promise.all(
		data.quizVersions.map(async ({ id, versions }) =>
			quizInfo(await fetchContent<Quiz>(fetch, 'quizzes', id, localeOf(params)), versions)
		)
	)
});
