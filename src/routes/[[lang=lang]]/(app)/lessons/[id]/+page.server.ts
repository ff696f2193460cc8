import { error } from '@sveltejs/kit';
import { guideSection } from '$lib/content/guide';
import { citeSources, findGuide, findLesson, lessonIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import { DISCLOSURE } from '$lib/present/disclosure';
import type { EntryGenerator, PageServerLoad } from './$types';

// A reading page: plain HTML (see README, "How it is built"), with a few lines of script
// inline for its print buttons.
export const csr = false;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params);
	const lesson = findLesson(locale, params.id);
	if (!lesson) error(404, 'Not found');
	// Every lesson links to the guide's advice on disclosures, and prints it: the build
	// stops here if the section is gone.
	const guide = findGuide(locale, DISCLOSURE.guide);
	const disclosure = guide && guideSection(guide.html, DISCLOSURE.section);
	if (!guide || !disclosure) {
		throw new Error(
			`content/${locale}/guides/${DISCLOSURE.guide}.md: no section "{#${DISCLOSURE.section}}", which every lesson links to`
		);
	}
	return {
		lesson,
		disclosure: { ...disclosure, locale: guide.locale },
		sources: citeSources(lesson.sources)
	};
};
