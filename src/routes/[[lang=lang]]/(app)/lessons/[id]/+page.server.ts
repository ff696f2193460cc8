import { guideSection } from '$lib/content/guide';
import { findGuide, lessonIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import { DISCLOSURE } from '$lib/present/disclosure';
import type { EntryGenerator, PageServerLoad } from './$types';

// A reading page: plain HTML (see README, "How it is built"), with a few lines of script
// inline for its print buttons.
export const csr = false;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

// The lesson itself comes from its JSON file (+page.ts); the guide's advice on disclosures,
// which every lesson links to and prints, from here: the build stops if the section is gone.
export const load: PageServerLoad = ({ params }) => {
	const locale = localeOf(params);
	const guide = findGuide(locale, DISCLOSURE.guide);
	const disclosure = guide && guideSection(guide.html, DISCLOSURE.section);
	if (!guide || !disclosure) {
		throw new Error(
			`content/${locale}/guides/${DISCLOSURE.guide}.md: no section "{#${DISCLOSURE.section}}", which every lesson links to`
		);
	}
	return { disclosure: { ...disclosure, locale: guide.locale } };
};
