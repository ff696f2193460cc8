import { fetchContent } from '$lib/content/fetch-content';
import type { StoryPageData } from '$lib/content/stories.server';
import { localeOf } from '$lib/i18n';
import { layoutStory } from '$lib/story/layout';
import type { StoryOutline } from '$lib/story/types';
import type { PageLoad } from './$types';

/**
 * The map is drawn from the story's JSON file, the one the player reads, so a device holds
 * each story once; the page gets only the story's outline (no passage text or debriefs).
 */
export const load: PageLoad = async ({ fetch, params }) => {
	const { story } = await fetchContent<StoryPageData>(
		fetch,
		'stories',
		params.id,
		localeOf(params)
	);
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
