import { listGuides, listLessons } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// A reading page, complete as plain HTML; its script only adds a class's progress, read
// from the session log on this device once the page is shown.

export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params);
	return {
		// What the list shows of each lesson, no more: the rest is in the lesson's own file.
		lessons: listLessons(locale).map(
			({ id, title, locale, translation, fallback, session, minutes, summary, objectives }) => ({
				id,
				title,
				locale,
				translation,
				fallback,
				session,
				minutes,
				summary,
				objectives
			})
		),
		guides: listGuides(locale).map(({ id, title, summary, locale }) => ({
			id,
			title,
			summary,
			locale
		}))
	};
};
