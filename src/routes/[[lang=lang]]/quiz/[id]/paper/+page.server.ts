import { listQuizzes } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

// Only the quizzes before and after the sessions have a paper sheet: practice quizzes give
// feedback as the student answers, which paper cannot.
export const entries: EntryGenerator = () =>
	listQuizzes('en')
		.filter((quiz) => quiz.purpose !== 'practice')
		.flatMap(({ id }) => [{ id }, { lang: 'km', id }]);
