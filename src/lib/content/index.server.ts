/**
 * The content index, built once when the server code is first loaded (at build time,
 * while pages are prerendered). Pages look content up here; nothing of it is shipped
 * to the browser except what each prerendered page serialises.
 */
import type { Card } from './card';
import { compileContent } from './compile';
import { ContentError } from './problems';
import type {
	CitedSource,
	Guide,
	Lesson,
	LessonSummary,
	Locale,
	SourceRef
} from './types';
import type { Quiz, QuizSummary } from '$lib/quiz/types';
import type { Story, StorySummary } from '../story/types';

const raw = import.meta.glob<string>('/content/**/*.{md,yml}', {
	query: '?raw',
	import: 'default',
	eager: true
});

const { content, problems } = compileContent(
	Object.entries(raw).map(([path, text]) => ({ path: path.slice(1), text }))
);
const errors = problems.filter((problem) => problem.severity === 'error');
if (errors.length > 0) throw new ContentError(errors);

export const contacts = content.contacts;
export const sources = content.sources;
export const keyMessages = content.messages;

function bySession(a: LessonSummary, b: LessonSummary): number {
	return a.session - b.session;
}

export function listLessons(locale: Locale): LessonSummary[] {
	return content.lessons[locale]
		.map(({ slides: _slides, ...summary }) => summary)
		.sort(bySession);
}

export function findLesson(locale: Locale, id: string): Lesson | undefined {
	return content.lessons[locale].find((lesson) => lesson.id === id);
}

export function lessonIds(): string[] {
	return content.lessons.en.map((lesson) => lesson.id);
}

export function listQuizzes(locale: Locale): QuizSummary[] {
	return content.quizzes[locale].map(({ questions, ...summary }) => ({
		...summary,
		questionCount: questions.length
	}));
}

export function findQuiz(locale: Locale, id: string): Quiz | undefined {
	return content.quizzes[locale].find((quiz) => quiz.id === id);
}

export function quizIds(): string[] {
	return content.quizzes.en.map((quiz) => quiz.id);
}

/** Every pocket card, in file-name order (the order authors give them by naming files). */
export function listCards(locale: Locale): Card[] {
	return content.cards[locale];
}

/** Source references with the documents' titles, for the "Sources" list under content. */
export function citeSources(refs: SourceRef[]): CitedSource[] {
	return refs.map((ref) => {
		const source = sources.find((candidate) => candidate.id === ref.id)!;
		return { ...ref, title: source.title, publisher: source.publisher, year: source.year };
	});
}

export function listGuides(locale: Locale): Guide[] {
	return content.guides[locale];
}

export function findGuide(locale: Locale, id: string): Guide | undefined {
	return content.guides[locale].find((guide) => guide.id === id);
}

export function guideIds(): string[] {
	return content.guides.en.map((guide) => guide.id);
}

export function listStories(locale: Locale): StorySummary[] {
	return content.stories[locale].map(({ id, title, summary, locale: language, fallback, translation, passages }) => ({
		id,
		title,
		summary,
		locale: language,
		fallback,
		translation,
		passages: passages.length,
		endings: passages.filter((passage) => passage.ending).length
	}));
}

export function findStory(locale: Locale, id: string): Story | undefined {
	return content.stories[locale].find((story) => story.id === id);
}

export function storyIds(): string[] {
	return content.stories.en.map((story) => story.id);
}
