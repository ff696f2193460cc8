import { describe, expect, it } from 'vitest';
import { contentFileOf } from '$lib/content/fetch-content';

describe('the content file a tool page preloads', () => {
	it('is the lesson for the projector and the presenter window, in the page’s language', () => {
		expect(contentFileOf('/present/documents')).toBe('/data/lessons/documents.json');
		expect(contentFileOf('/present/documents/presenter')).toBe('/data/lessons/documents.json');
		expect(contentFileOf('/km/present/six-key-messages')).toBe(
			'/km/data/lessons/six-key-messages.json'
		);
	});

	it('is the story for the player and the class mode', () => {
		expect(contentFileOf('/story/sophea')).toBe('/data/stories/sophea.json');
		expect(contentFileOf('/km/story/sophea/class')).toBe('/km/data/stories/sophea.json');
	});

	it('is nothing for pages that fetch no content file', () => {
		for (const path of [
			'/',
			'/km',
			'/story',
			'/story/sophea/map',
			'/lessons/documents',
			'/present/documents/notes',
			'/present/../data/x',
			'/quiz/before-the-sessions'
		]) {
			expect(contentFileOf(path), path).toBeUndefined();
		}
	});
});
