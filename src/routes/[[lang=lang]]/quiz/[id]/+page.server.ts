import { quizIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

// A tool page (the quiz station): its prerendered HTML is a light shell and the page is drawn
// in the browser from the quiz's JSON file, which the paper pages read too.
export const ssr = false;

export const entries: EntryGenerator = () =>
	quizIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
