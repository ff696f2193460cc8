import { describe, expect, it } from 'vitest';
import { contentFilesOf } from '$lib/content/fetch-content';

describe('the content files a tool page preloads', () => {
	it('are the lesson for the projector and the presenter window, in the page’s language', () => {
		expect(contentFilesOf('/present/documents')).toEqual(['/data/lessons/documents.json']);
		expect(contentFilesOf('/present/documents/presenter')).toEqual([
			'/data/lessons/documents.json'
		]);
		expect(contentFilesOf('/km/present/six-key-messages')).toEqual([
			'/km/data/lessons/six-key-messages.json'
		]);
	});

	it('are the story for the player and the class mode', () => {
		expect(contentFilesOf('/story/sophea')).toEqual(['/data/stories/sophea.json']);
		expect(contentFilesOf('/km/story/sophea/class')).toEqual(['/km/data/stories/sophea.json']);
	});

	it('are the quiz and the shared help contacts for the station', () => {
		expect(contentFilesOf('/quiz/before-the-sessions')).toEqual([
			'/data/quizzes/before-the-sessions.json',
			'/data/contacts.json'
		]);
		expect(contentFilesOf('/km/quiz/documents-practice')).toEqual([
			'/km/data/quizzes/documents-practice.json',
			'/km/data/contacts.json'
		]);
	});

	it('are the quiz alone for paper entry', () => {
		expect(contentFilesOf('/km/quiz/after-the-sessions/paper/enter')).toEqual([
			'/km/data/quizzes/after-the-sessions.json'
		]);
	});

	it('are none for pages that fetch no content file, or whose HTML holds it already', () => {
		for (const path of [
			'/',
			'/km',
			'/story',
			'/quiz',
			'/story/sophea/map',
			'/lessons/documents',
			'/present/documents/notes',
			'/present/../data/x',
			'/quiz/../data/x',
			'/quiz/before-the-sessions/paper',
			'/quiz/before-the-sessions/results',
			'/present/documents/paper/enter'
		]) {
			expect(contentFilesOf(path), path).toEqual([]);
		}
	});
});
