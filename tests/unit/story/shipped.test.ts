import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContent } from '$lib/content/compile';
import { formatProblem } from '$lib/content/problems';
import { readContentFiles } from '$lib/content/read-files';
import { availableChoices, begin, choose, current, endingOf } from '$lib/story/engine';

const { content, problems } = compileContent(readContentFiles('.'));
const stories = [...content.stories.en, ...content.stories.km.filter((story) => !story.fallback)];
const CARE_MESSAGES = [
	'broker-promises',
	'check-with-authorities',
	'read-before-signing',
	'wages-and-contract',
	'valid-passport',
	'call-1288'
];

describe('the shipped stories', () => {
	it('exist in English and in Khmer', () => {
		expect(content.stories.en.length).toBeGreaterThan(0);
		expect(content.stories.km.every((story) => !story.fallback)).toBe(true);
	});

	it('pass every check, with no warning either', () => {
		const found = problems.filter((problem) => problem.file.includes('/stories/'));
		expect(found.map(formatProblem)).toEqual([]);
	});

	it.each(content.stories.en.map((story) => [story.id, story] as const))(
		'"%s" is long enough for a class: 20 passages, 5 endings, 2 safe and 2 unsafe, the six CARE messages, and 1288 at every ending',
		(_id, story) => {
			const endings = story.passages.flatMap((passage) => (passage.ending ? [passage.ending] : []));
			expect(story.passages.length).toBeGreaterThanOrEqual(20);
			expect(endings.length).toBeGreaterThanOrEqual(5);
			expect(endings.filter((ending) => ending.kind === 'safe').length).toBeGreaterThanOrEqual(2);
			expect(endings.filter((ending) => ending.kind === 'unsafe').length).toBeGreaterThanOrEqual(2);
			const taught = new Set(endings.flatMap((ending) => ending.messages));
			expect(CARE_MESSAGES.filter((message) => !taught.has(message))).toEqual([]);
			// Help at every ending, of every kind: a class may stop at any of them.
			for (const ending of endings) expect(ending.help).toContain('hotline-1288');
		}
	);

	it.each(stories.map((story) => [`${story.locale}/${story.id}`, story] as const))(
		'%s: every random walk reaches an ending within twice as many steps as it has passages',
		(_name, story) => {
			const limit = story.passages.length * 2;
			fc.assert(
				fc.property(fc.array(fc.nat(), { minLength: limit, maxLength: limit }), (picks) => {
					let play = begin(story);
					for (const pick of picks) {
						if (endingOf(story, play)) return true;
						const shown = availableChoices(story, play);
						expect(shown.length, current(play).passage).toBeGreaterThan(0);
						play = choose(story, play, shown[pick % shown.length]!);
					}
					return endingOf(story, play) !== null;
				}),
				{ numRuns: 500, seed: 2015 }
			);
		}
	);
});
