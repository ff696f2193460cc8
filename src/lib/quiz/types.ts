/**
 * The shape of a quiz as pages receive it: compiled from `content/<locale>/quizzes/*.md`
 * at build time (see `$lib/content/quiz.ts`), already rendered to HTML. Answers are kept
 * as option keys (`a`, `b`, … in the order the author wrote the options), the same in
 * every language, so results from English and Khmer quizzes can be compared.
 */
import type { ContentMeta } from '$lib/content/types';

export const questionTypes = ['single', 'multiple', 'true-false', 'order'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const purposes = ['practice', 'pre', 'post'] as const;
/** `pre` before the sessions, `post` after them (a pair), `practice` after one lesson. */
export type Purpose = (typeof purposes)[number];

export interface QuestionOption {
	/** `a`, `b`, `c`, … by the position the author gave it in the file. */
	key: string;
	/** Inline HTML, rendered at build time. */
	html: string;
}

export interface Question {
	/** Stable id, the same in every language; results are recorded against it. */
	id: string;
	type: QuestionType;
	/** Id of the key message (content/key-messages.yml) this question checks. */
	checks: string;
	/** The question, as block HTML. */
	html: string;
	/** The options; for `order`, the items in their correct order. */
	options: QuestionOption[];
	/** Keys of the correct options; for `order`, every key in the correct order. */
	correct: string[];
	explanationHtml: string;
}

/** A key message as the end screen shows it, in the quiz's language. */
export interface QuizMessage {
	id: string;
	text: string;
}

export interface Quiz extends ContentMeta {
	purpose: Purpose;
	/** The matching pre or post quiz, for `pre` and `post`. */
	pair: string | null;
	/** The lesson a practice quiz belongs to. */
	lesson: string | null;
	questions: Question[];
	/** Every key message the questions check, once each, in question order. */
	messages: QuizMessage[];
}

/** A quiz without its questions: enough for the list of quizzes. */
export interface QuizSummary extends Omit<Quiz, 'questions'> {
	questionCount: number;
}

/** What a student gave: option keys (for `order`, in the order the student put them). */
export type Given = string[];
