import { findQuiz, quizIds } from '$lib/content/index.server';
import { locales } from '$lib/content/types';
import type { PageServerLoad } from './$types';

// The page is prerendered without any result; results are read in the browser, once the
// trainer's key is unlocked. Its own data is only which quizzes there are, with the version of
// each language file (imported attempts are checked against them); the quizzes themselves
// come from their files (+page.ts), which the stations read too.
export const load: PageServerLoad = () => ({
	quizVersions: quizIds().map((id) => ({
		id,
		versions: locales.flatMap((locale) => findQuiz(locale, id)?.version ?? [])
	}))
});
