import { lessonIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
