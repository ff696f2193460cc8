import { error } from '@sveltejs/kit';
import { citeSources, findLesson, lessonIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, PageServerLoad } from './$types';

// A reading page: plain HTML, no scripts to download or run (see README, "How it is built").
export const csr = false;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const lesson = findLesson(localeOf(params), params.id);
	if (!lesson) error(404, 'Not found');
	return { lesson, sources: citeSources(lesson.sources) };
};
