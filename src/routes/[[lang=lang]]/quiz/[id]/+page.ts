import { fetchContent, fetchData } from '$lib/content/fetch-content';
import { localeOf } from '$lib/i18n';
import type { HelpContact } from '$lib/referral/help';
import type { Quiz } from '$lib/quiz/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const lang = localeOf(params);
	const [quiz, helpContacts] = await Promise.all([
		fetchContent<Quiz>(fetch, 'quizzes', params.id, lang),
		// The end screen's help block (LocalHelp) reads the hotline from here.
		fetchData<HelpContact[]>(fetch, '/data/contacts.json', lang)
	]);
	return { quiz, helpContacts };
};
