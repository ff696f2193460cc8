import { lessonIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

// A reading page: plain HTML, no scripts to download or run (see README, "How it is built").
export const csr = false;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
