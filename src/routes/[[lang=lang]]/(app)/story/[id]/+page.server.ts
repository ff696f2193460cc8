import { storyIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

// A tool page (the story player): a light prerendered shell, drawn in the browser from the
// item's JSON file, which it shares with the other pages showing the same item.
export const ssr = false;

export const entries: EntryGenerator = () =>
	storyIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
