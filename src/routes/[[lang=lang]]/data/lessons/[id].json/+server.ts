import { error, json } from '@sveltejs/kit';
import { findLesson, lessonIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const GET: RequestHandler = ({ params }) => {
	const lesson = findLesson(localeOf(params), params.id);
	if (!lesson) error(404, 'Not found');
	return json(lesson);
};
