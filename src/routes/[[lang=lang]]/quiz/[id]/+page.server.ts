import { quizIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

// A tool page (the quiz station): its HTML is prerendered with its first screen, drawn from
// the quiz's JSON file, which the paper pages read too.

export const entries: EntryGenerator = () =>
	quizIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
