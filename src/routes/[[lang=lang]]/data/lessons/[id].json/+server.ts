import { error, json } from '@sveltejs/kit';
import { citeSources, findLesson, lessonIds } from '$lib/content/index.server';
import type { Lesson } from '$lib/content/types';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

// The lesson page reads this file too: its sources come with their titles, for its list.
export const GET: RequestHandler = ({ params }) => {
	const lesson = findLesson(localeOf(params), params.id);
	if (!lesson) error(404, 'Not found');
	return json({ ...lesson, sources: citeSources(lesson.sources) } satisfies Lesson);
};
