/**
 * What to do when a student tells the teacher about a case: a section of the teacher's
 * guide, one tap away from every lesson page and the presenter window, and printed with the
 * lesson plan. The section carries this anchor in both languages (the guide's heading says
 * `{#disclosure}`); the lesson page's build fails if it goes missing.
 */
import type { Locale } from '$lib/content/types';
import { localizePath } from '$lib/i18n';

export const DISCLOSURE = { guide: 'teachers-guide', section: 'disclosure' } as const;

export function disclosurePath(lang: Locale): string {
	return `${localizePath(`/guides/${DISCLOSURE.guide}`, lang)}#${DISCLOSURE.section}`;
}
