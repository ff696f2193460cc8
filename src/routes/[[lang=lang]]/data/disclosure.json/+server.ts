import { json } from '@sveltejs/kit';
import { guideSection } from '$lib/content/guide';
import { findGuide } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import { DISCLOSURE } from '$lib/present/disclosure';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [{}, { lang: 'km' }];

/**
 * The guide's advice on a student's disclosure, which every lesson page links to and prints:
 * one file per language, so that the offline copy holds it once, not once per lesson. The
 * build stops here if the section is gone.
 */
export const GET: RequestHandler = ({ params }) => {
	const locale = localeOf(params);
	const guide = findGuide(locale, DISCLOSURE.guide);
	const section = guide && guideSection(guide.html, DISCLOSURE.section);
	if (!guide || !section) {
		throw new Error(
			`content/${locale}/guides/${DISCLOSURE.guide}.md: no section "{#${DISCLOSURE.section}}", which every lesson links to`
		);
	}
	return json({ ...section, locale: guide.locale });
};
