import { findQuiz, quizIds } from '$lib/content/index.server';
import { locales } from '$lib/content/types';
import { localeOf } from '$lib/i18n';
import { quizInfo } from '$lib/results/quiz-info';
import type { Quiz } from '$lib/quiz/types';
import type { PageServerLoad } from './$types';

// The page is prerendered without any result; results are read in the browser, once the
// trainer's key is unlocked. Its data is the quizzes, in this page's language, once, with
// the versions of every language (imported attempts are checked against them).
export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params);
	return {
		quizzes: quizIds().map((id) =>
			quizInfo(
				findQuiz(locale, id)!,
				locales.map((other) => findQuiz(other, id)).filter((quiz): quiz is Quiz => !!quiz)
			)
		)
	};
};
