/**
 * What the dashboard needs to know of each quiz, taken from the compiled content at build
 * time: titles, question texts and key messages as plain text (the dashboard renders text
 * only, never HTML), and nothing else of the quiz, so the page stays small.
 */
import type { Quiz } from '$lib/quiz/types';
import type { QuizInfo } from './stats';

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

export function quizInfo(quiz: Quiz): QuizInfo {
	return {
		id: quiz.id,
		title: quiz.title,
		locale: quiz.locale,
		purpose: quiz.purpose,
		pair: quiz.pair,
		questions: quiz.questions.map((question) => ({
			id: question.id,
			text: plainText(question.html),
			checks: question.checks
		})),
		messages: quiz.messages
	};
}
