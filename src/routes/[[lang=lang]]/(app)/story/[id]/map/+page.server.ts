import { error } from '@sveltejs/kit';
import { findStory, storyIds } from '$lib/content/index.server';
import { localeOf } from '$lib/i18n';
import { layoutStory } from '$lib/story/layout';
import type { StoryOutline } from '$lib/story/types';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	storyIds().flatMap((id) => [{ id }, { lang: 'km', id }]);

/**
 * The map is laid out here, at build time, and the page gets only the story's outline (no
 * passage text or debriefs), so the map adds little to what a tablet keeps offline.
 */
export const load: PageServerLoad = ({ params }) => {
	const story = findStory(localeOf(params), params.id);
	if (!story) error(404, 'Not found');
	const { id, title, locale, fallback, translation, start, state } = story;
	const outline: StoryOutline = {
		id,
		title,
		locale,
		fallback,
		translation,
		start,
		state,
		passages: story.passages.map((passage) => ({
			id: passage.id,
			title: passage.title,
			ending: passage.ending && { kind: passage.ending.kind },
			choices: passage.choices.map(({ label, target, when, effects }) => ({
				label,
				target,
				when,
				effects
			}))
		}))
	};
	return { story: outline, map: layoutStory(outline) };
};
