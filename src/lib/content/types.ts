/**
 * The shapes pages receive. Everything here is already parsed, checked and rendered
 * at build time: the browser gets HTML strings and plain data, never Markdown.
 */

export const locales = ['en', 'km'] as const;
export type Locale = (typeof locales)[number];

/** `original` for English; Khmer starts as `draft` until a native speaker has reviewed it. */
export type TranslationStatus = 'original' | 'draft' | 'reviewed';

export interface Source {
	id: string;
	title: string;
	publisher: string;
	year: number;
}

/** A `sources:` entry: a known source and, optionally, where in it ("six key messages"). */
export interface SourceRef {
	id: string;
	where: string;
}

/** A reference with its document's title, for the "Sources" list under content. */
export interface CitedSource extends SourceRef {
	title: string;
	publisher: string;
	year: number;
}

export interface Contact {
	id: string;
	number: string;
	name: Record<Locale, string>;
	when: Record<Locale, string>;
	source: SourceRef;
}

/** One of the messages the app teaches, which story endings, questions and cards name. */
export interface KeyMessage {
	id: string;
	text: Record<Locale, string>;
	source: SourceRef;
}

/** What every piece of content carries, whatever its kind. */
export interface ContentMeta {
	id: string;
	title: string;
	locale: Locale;
	translation: TranslationStatus;
	/** True when this is the English text standing in for a missing translation. */
	fallback: boolean;
	sources: SourceRef[];
	/** A short hash of the file, so results can say which wording a student saw. */
	version: string;
	/** Path of the file, from the project root, for error messages and review. */
	file: string;
}

export interface LessonPart {
	title: string;
	minutes: number;
	activity: boolean;
	/** Index of the part's first slide. */
	firstSlide: number;
}

export interface Slide {
	title: string;
	html: string;
	notesHtml: string;
	/** Discussion questions for the teacher to ask, as inline HTML. */
	questions: string[];
	part: number;
}

export interface Lesson extends ContentMeta {
	session: number;
	minutes: number;
	summary: string;
	objectives: string[];
	parts: LessonPart[];
	slides: Slide[];
}

/** What the projector shows: the slides without the teacher's notes. */
export type ProjectedSlide = Pick<Slide, 'title' | 'html'>;
export interface ProjectedLesson extends Pick<Lesson, 'id' | 'title' | 'locale'> {
	slides: ProjectedSlide[];
}

/** A lesson without its slides: enough for the curriculum list. */
export type LessonSummary = Omit<Lesson, 'slides'>;

export interface Guide extends ContentMeta {
	summary: string;
	html: string;
}
