import { lessonIds } from '$lib/content/index.server';
import type { EntryGenerator } from './$types';

// A tool page (the projector): its HTML is prerendered with its first screen, drawn from the
// item's JSON file, which it shares with the other pages showing the same item (offline,
// the shell draws the page from that file alone).

export const entries: EntryGenerator = () =>
	lessonIds().flatMap((id) => [{ id }, { lang: 'km', id }]);
