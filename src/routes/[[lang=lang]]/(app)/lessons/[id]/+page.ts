import { error } from '@sveltejs/kit';
import { fetchContent } from '$lib/content/fetch-content';
import type { CitedSource, Lesson, Locale } from '$lib/content/types';
import { localeOf, localizePath } from '$lib/i18n';
import type { PageLoad } from './$types';

interface Disclosure {
	title: string;
	html: string;
	locale: Locale;
}

// The page is drawn from the lesson's JSON file, the one the projector reads, and from the
// one file of the guide's advice on disclosures: prerendered at build time, and offline in the
// browser from those files, so a device holds each lesson, and the advice, once.
export const load: PageLoad = async ({ fetch, params }) => {
	const lang = localeOf(params);
	const [lesson, response] = await Promise.all([
		fetchContent<Lesson & { sources: CitedSource[] }>(fetch, 'lessons', params.id, lang),
		fetch(localizePath('/data/disclosure.json', lang))
	]);
	if (!response.ok) error(500, 'The guide’s advice on disclosures is missing');
	const disclosure = (await response.json()) as Disclosure;
	return { lesson, sources: lesson.sources, disclosure };
};
