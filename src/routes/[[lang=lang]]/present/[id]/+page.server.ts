import { error } from '@sveltejs/kit';
import { findLesson, lessonIds, projectLesson } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const lesson = findLesson(localeOf(params), params.id);
	if (!lesson) error(404, 'Not found');
	return { lesson: projectLesson(lesson) };
};
