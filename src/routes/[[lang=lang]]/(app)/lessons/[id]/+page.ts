import { fetchContent } from '$lib/content/fetch-content';
import type { CitedSource, Lesson } from '$lib/content/types';
import { localeOf } from '$lib/i18n';
import type { PageLoad } from './$types';

// The page is drawn from the lesson's JSON file, the one the projector reads: prerendered
// at build time, and offline in the browser from that file, so a device holds each lesson
// once.
export const load: PageLoad = async ({ data, fetch, params }) => {
	const lesson = await fetchContent<Lesson & { sources: CitedSource[] }>(
		fetch,
		'lessons',
		params.id,
		localeOf(params)
	);
	return { ...data, lesson, sources: lesson.sources };
};
