import { storyIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () =>
	storyIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
