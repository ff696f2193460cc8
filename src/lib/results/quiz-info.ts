/**
 * What the trainer's device needs to know of each quiz, made in the browser from the quiz's
 * file (the one the station reads): titles, question texts and key messages as plain text
 * (the dashboard renders text only, never HTML); and, to check imported attempts against the
 * quiz they name, each question's type, number of options and answer key, and the quiz's
 * current versions. Nothing else of the quiz, so the dashboard holds no more than it uses.
 */
import type { Locale } from '$lib/content/types';
import type { Purpose, Question, QuestionType, Quiz } from '$lib/quiz/types';

export interface QuestionInfo {
	id: string;
	text: string;
	/** The key message it checks. */
	checks: string;
	type: QuestionType;
	/** How many options it offers: their keys are the first letters, `a`, `b`, … */
	options: number;
	/** Keys of the correct options; for put-in-order, every key in the right order. */
	correct: string[];
}

/** A quiz as the trainer's device knows it from the compiled content, in the page's language. */
export interface QuizInfo {
	id: string;
	title: string;
	/** The language of the texts (English where the Khmer is not written yet). */
	locale: Locale;
	purpose: Purpose;
	pair: string | null;
	/**
	 * The content versions of the quiz as it stands, one per language file (a version is a
	 * hash of the file): an attempt naming one of them saw exactly these questions.
	 */
	versions: string[];
	questions: QuestionInfo[];
	messages: { id: string; text: string }[];
}

const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0'
};

/** The text of build-time HTML (markdown-it output): tags dropped, entities decoded. */
export function plainText(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code =
					name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
				return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
			}
			return entities[name.toLowerCase()] ?? whole;
		})
		.replace(/\s+/g, ' ')
		.trim();
}

function questionInfo(question: Question): QuestionInfo {
	return {
		id: question.id,
		text: plainText(question.html),
		checks: question.checks,
		type: question.type,
		options: question.options.length,
		correct: [...question.correct]
	};
}

/**
 * The quiz as the dashboard shows it (in `quiz`'s language), knowing the versions of every
 * language file of it: `versions` are those of the same quiz in the other languages.
 */
export function quizInfo(quiz: Quiz, versions: readonly string[] = []): QuizInfo {
	return {
		id: quiz.id,
		title: quiz.title,
		locale: quiz.locale,
		purpose: quiz.purpose,
		pair: quiz.pair,
		versions: [...new Set([quiz.version, ...versions])],
		questions: quiz.questions.map(questionInfo),
		messages: quiz.messages
	};
}
