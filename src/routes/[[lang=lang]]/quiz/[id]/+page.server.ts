import { error } from '@sveltejs/kit';
import { findQuiz, quizIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	quizIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const quiz = findQuiz(localeOf(params), params.id);
	if (!quiz) error(404, 'Not found');
	return { quiz };
};
