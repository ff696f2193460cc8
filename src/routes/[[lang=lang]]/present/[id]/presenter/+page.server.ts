import { error } from '@sveltejs/kit';
import { findLesson, lessonIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { EntryGenerator, PageServerLoad } from './$types';

// The presenter window is the teacher's own screen, opened from the projector: it needs
// no server-rendered copy of the lesson, so its page is a light shell that loads the data.
export const ssr = false;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const lesson = findLesson(localeOf(params), params.id);
	if (!lesson) error(404, 'Not found');
	return { lesson };
};
