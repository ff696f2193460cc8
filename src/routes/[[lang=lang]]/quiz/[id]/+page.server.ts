import { error } from '@sveltejs/kit';
import { findQuiz, quizIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import { helpContacts } from '$lib/referral/help.server';
import type { EntryGenerator, PageServerLoad } from './$types';

// A tool page (the quiz station): its prerendered HTML is a light shell and the page is drawn
// in the browser from its data, so the offline copy holds the content once, not twice.
export const ssr = false;

export const entries: EntryGenerator = () =>
	quizIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

export const load: PageServerLoad = ({ params }) => {
	const quiz = findQuiz(localeOf(params), params.id);
	if (!quiz) error(404, 'Not found');
	// The end screen's help block (LocalHelp) reads the hotline from here.
	return { quiz, helpContacts: helpContacts(localeOf(params)) };
};
