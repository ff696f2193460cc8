import { describe, expect, it } from 'vitest';
import { compileContent } from '$lib/content/compile';
import { formatProblem } from '$lib/content/problems';
import { readContentFiles } from '$lib/content/read-files';

// The shipped content itself, not fixtures: what teachers will project.
const { content, problems } = compileContent(readContentFiles('.'));

describe('the shipped curriculum', () => {
	it('passes every content check, translations included', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('has at least ten sessions, numbered 1, 2, 3… without gaps', () => {
		const sessions = content.lessons.en.map((lesson) => lesson.session).sort((a, b) => a - b);
		expect(sessions.length).toBeGreaterThanOrEqual(10);
		expect(sessions).toEqual(sessions.map((_, index) => index + 1));
	});

	for (const lesson of content.lessons.en) {
		it(`session ${lesson.session} (${lesson.id}) is ready to teach in both languages`, () => {
			const khmer = content.lessons.km.find((each) => each.id === lesson.id)!;
			expect(khmer.fallback, 'a Khmer version').toBe(false);
			expect(khmer.translation).toMatch(/^(draft|reviewed)$/);
			for (const version of [lesson, khmer]) {
				expect(version.objectives.length, 'objectives').toBeGreaterThan(0);
				expect(version.sources.length, 'sources').toBeGreaterThan(0);
				expect(version.slides.length, 'slides').toBeGreaterThanOrEqual(6);
				expect(version.slides.length, 'slides').toBeLessThanOrEqual(12);
				expect(version.minutes, 'minutes').toBeLessThanOrEqual(45);
				expect(version.parts.some((part) => part.activity), 'an activity').toBe(true);
				expect(version.slides.filter((slide) => slide.notesHtml).length, 'notes').toBeGreaterThan(
					version.slides.length / 2
				);
				expect(version.slides.flatMap((slide) => slide.questions).length, 'questions').toBeGreaterThan(0);
			}
			expect(khmer.slides.length, 'the same slides as the English').toBe(lesson.slides.length);
			expect(khmer.parts.map((part) => part.minutes)).toEqual(lesson.parts.map((part) => part.minutes));
		});
	}
});
