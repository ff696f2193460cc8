import { error } from '@sveltejs/kit';
import { findLesson } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => {
	const lesson = findLesson(localeOf(params), params.id);
	if (!lesson) error(404, 'Not found');
	return { lesson };
};
