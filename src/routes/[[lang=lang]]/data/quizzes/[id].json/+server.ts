import { error, json } from '@sveltejs/kit';
import { findQuiz, quizIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	quizIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

// The station, the paper sheet and paper entry all read this one file.
export const GET: RequestHandler = ({ params }) => {
	const quiz = findQuiz(localeOf(params), params.id);
	if (!quiz) error(404, 'Not found');
	return json(quiz);
};
