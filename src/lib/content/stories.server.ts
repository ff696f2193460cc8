/**
 * What a story's pages receive: the story, and the key messages and help contacts its
 * endings name, already in the page's language, so the browser gets no more than it shows.
 */
import type { Story, StoryHelp } from '../story/types';
import { citeSources, contacts, findStory, keyMessages } from './index.server';
import type { CitedSource, Locale } from './types';

export interface StoryPageData {
	story: Story;
	help: StoryHelp;
	sources: CitedSource[];
}

export function storyPage(lang: Locale, id: string): StoryPageData | undefined {
	const story = findStory(lang, id);
	if (!story) return undefined;
	const endings = story.passages.flatMap((passage) => (passage.ending ? [passage.ending] : []));
	const messageIds = new Set(endings.flatMap((ending) => ending.messages));
	const contactIds = new Set(endings.flatMap((ending) => ending.help));
	return {
		story,
		help: {
			messages: keyMessages
				.filter((message) => messageIds.has(message.id))
				.map((message) => ({ id: message.id, text: message.text[lang] })),
			contacts: contacts
				.filter((contact) => contactIds.has(contact.id))
				.map((contact) => ({
					id: contact.id,
					number: contact.number,
					name: contact.name[lang],
					when: contact.when[lang]
				}))
		},
		sources: citeSources(story.sources)
	};
}
