import { findQuiz, quizIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import { quizInfo } from '$lib/results/quiz-info';
import type { PageServerLoad } from './$types';

// The page is prerendered with the PIN form only; results are read in the browser, after
// the PIN. Its data is the quizzes' texts, in this page's language, once.
export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params);
	return { quizzes: quizIds().map((id) => quizInfo(findQuiz(locale, id)!)) };
};
