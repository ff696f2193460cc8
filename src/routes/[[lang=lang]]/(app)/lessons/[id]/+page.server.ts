import { lessonIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

// A reading page: plain HTML (see README, "How it is built"), with a few lines of script
// inline for its print buttons.
export const csr = false;

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
