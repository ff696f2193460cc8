/**
 * Item-writing checks: what makes a test measure knowledge rather than test-wiseness.
 * A pre and a post quiz are two forms of one test, so each must not give answers away
 * (the correct option always in one place, always the longest, True always right) and the
 * two must be parallel (the same type and key message in the same place, no shared item,
 * every key message measured). They are warnings: `content:check --strict` fails on them.
 */
import type { QuestionType } from '$lib/quiz/types';

/** A question as its author wrote it, for checks on how it is written. */
export interface WrittenQuestion {
	id: string;
	type: QuestionType;
	checks: string;
	line: number;
	/** The question's text, without Markdown, for finding the same question in two forms. */
	text: string;
	/** Each option's text without Markdown, in the order of the file. */
	options: string[];
	/** Places (0, 1, …) of the correct options; for `order`, every place. */
	correct: number[];
}

export interface WrittenQuiz {
	id: string;
	file: string;
	/** Line of `purpose:`, where checks on the whole form are reported. */
	line: number;
	questions: WrittenQuestion[];
}

export type Report = (line: number, message: string, fix: string) => void;

const LETTERS = 'abcdefghij';
const letter = (place: number) => LETTERS[place] ?? String(place + 1);
const linesOf = (questions: WrittenQuestion[]) => questions.map((question) => question.line).join(', ');
/** Characters as a reader counts them, so that Khmer and English compare alike. */
const length = (text: string) => [...text.trim()].length;

/** Single-choice questions with a real choice (three options or more). */
const choices = (quiz: WrittenQuiz) =>
	quiz.questions.filter((question) => question.type === 'single' && question.options.length >= 3);

/** A choice question whose correct option is longer than every other one. */
function longestIsCorrect(question: WrittenQuestion): boolean {
	const [correct] = question.correct;
	if (correct === undefined) return false;
	const own = length(question.options[correct]!);
	return question.options.every((option, place) => place === correct || length(option) < own);
}

/** Whether the statement of a true/false question is true: its ticked option reads "True". */
function statementIsTrue(question: WrittenQuestion): boolean {
	const [correct = 0] = question.correct;
	const text = question.options[correct]?.toLowerCase().replace(/[.!]$/, '') ?? '';
	if (text === 'true') return true;
	if (text === 'false') return false;
	return correct === 0; // the convention: True first
}

/** Where the correct options sit: no place should be a safe guess, and none left out. */
function checkKeyPlaces(quiz: WrittenQuiz, report: Report): void {
	const singles = choices(quiz);
	if (singles.length < 3) return;
	const places = Math.min(...singles.map((question) => question.options.length));
	const allowed = Math.max(2, Math.ceil(singles.length / places));
	const byPlace = new Map<number, WrittenQuestion[]>();
	for (const question of singles) {
		const place = question.correct[0]!;
		byPlace.set(place, [...(byPlace.get(place) ?? []), question]);
	}
	for (const [place, questions] of [...byPlace].sort(([a], [b]) => a - b)) {
		if (questions.length <= allowed) continue;
		report(
			questions[0]!.line,
			`${questions.length} of ${singles.length} single-choice questions have their correct option in place ${letter(place)} (lines ${linesOf(questions)})`,
			`move the correct option of some of them to another place, so that its place gives nothing away (on paper the options keep the order of the file)`
		);
	}
	if (singles.length < places) return;
	const unused = Array.from({ length: places }, (_, place) => place).filter((place) => !byPlace.has(place));
	if (unused.length > 0) {
		report(
			singles[0]!.line,
			`no single-choice question has its correct option in place ${unused.map(letter).join(' or ')}`,
			`spread the correct options over places ${Array.from({ length: places }, (_, place) => letter(place)).join(', ')}, so that no place is a safe guess`
		);
	}
}

/** About as many true statements as false ones, so that always answering one way gains nothing. */
function checkTrueFalse(quiz: WrittenQuiz, report: Report): void {
	const statements = quiz.questions.filter((question) => question.type === 'true-false');
	if (statements.length < 2) return;
	const trueOnes = statements.filter(statementIsTrue);
	const falseOnes = statements.filter((question) => !statementIsTrue(question));
	if (Math.abs(trueOnes.length - falseOnes.length) <= Math.max(1, Math.floor(statements.length / 4))) {
		return;
	}
	const [answer, majority] = trueOnes.length > falseOnes.length ? ['True', trueOnes] : ['False', falseOnes];
	report(
		majority[0]!.line,
		`${answer} is the right answer in ${majority.length} of ${statements.length} true/false questions (lines ${linesOf(majority)})`,
		`turn some statements round so that about as many are true as false, and answering "${answer}" every time gains nothing`
	);
}

function checkLongest(quiz: WrittenQuiz, report: Report): void {
	const singles = choices(quiz);
	if (singles.length < 2) return;
	const longest = singles.filter(longestIsCorrect);
	if (longest.length <= Math.max(1, Math.ceil(singles.length / 3))) return;
	report(
		longest[0]!.line,
		`the correct option is the longest in ${longest.length} of ${singles.length} single-choice questions (lines ${linesOf(longest)})`,
		'shorten the correct option, or lengthen a wrong one, in some of them: students learn to pick the longest'
	);
}

/** "Tick all but the odd one out" must not pay. */
function checkAllButOne(quiz: WrittenQuiz, report: Report): void {
	const multiples = quiz.questions.filter((question) => question.type === 'multiple');
	if (multiples.length < 2) return;
	if (!multiples.every((question) => question.correct.length === question.options.length - 1)) return;
	report(
		multiples[0]!.line,
		`every multiple-answer question has all its options right but one (lines ${linesOf(multiples)})`,
		'vary how many options are right, and make the wrong ones things a student might really believe'
	);
}

/** Checks of one form of a test (a pre or a post quiz) that could be read in any language. */
export function checkForm(quiz: WrittenQuiz, report: Report): void {
	checkKeyPlaces(quiz, report);
	checkTrueFalse(quiz, report);
	checkLongest(quiz, report);
	checkAllButOne(quiz, report);
}

/** Checks that depend on the words, not the answers: run on every language. */
export function checkFormWording(quiz: WrittenQuiz, report: Report): void {
	checkLongest(quiz, report);
}

/** Any quiz: a single-choice question with two options is a coin toss. */
export function checkQuestions(quiz: WrittenQuiz, report: Report): void {
	for (const question of quiz.questions) {
		if (question.type !== 'single' || question.options.length !== 2) continue;
		report(
			question.line,
			`single-choice question "${question.id}" has only 2 options, so a guess is right half the time`,
			'add a third option that a student might really believe, or make it a true/false question'
		);
	}
}

/**
 * A pre and a post quiz as two forms of one test: the same type and key message in the same
 * place, no question in both, and every key message measured. Reported on the pre quiz.
 * `sameMessages` is false when the forms check different messages (an error told already).
 */
export function checkParallel(
	pre: WrittenQuiz,
	post: WrittenQuiz,
	messages: readonly string[],
	sameMessages: boolean,
	report: Report
): void {
	const postFile = post.file;
	if (pre.questions.length !== post.questions.length) {
		report(
			pre.line,
			`this quiz has ${pre.questions.length} questions and its pair "${post.id}" has ${post.questions.length}`,
			'give both forms the same number of questions, so that their scores can be compared'
		);
	}
	pre.questions.forEach((question, index) => {
		const other = post.questions[index];
		if (!other) return;
		const where = `${postFile} ("${other.id}", line ${other.line})`;
		if (question.type !== other.type) {
			report(
				question.line,
				`question ${index + 1} ("${question.id}") is ${question.type} here but ${other.type} in ${where}`,
				'give both forms the same type of question in the same place, so that they are as hard to guess'
			);
		}
		if (sameMessages && question.checks !== other.checks) {
			report(
				question.line,
				`question ${index + 1} ("${question.id}") checks ${question.checks} here but ${other.checks} in ${where}`,
				'check the same key message in the same place in both forms'
			);
		}
	});
	const postByText = new Map(post.questions.map((question) => [question.text.toLowerCase(), question]));
	const postById = new Map(post.questions.map((question) => [question.id, question]));
	for (const question of pre.questions) {
		const twin = postById.get(question.id) ?? postByText.get(question.text.toLowerCase());
		if (!twin) continue;
		report(
			question.line,
			`question "${question.id}" is also in ${postFile} (line ${twin.line})`,
			'the two forms must not share a question: write another one, with its own id, on the same key message'
		);
	}
	const checked = new Set([...pre.questions, ...post.questions].map((question) => question.checks));
	const missing = messages.filter((message) => !checked.has(message));
	if (missing.length > 0) {
		report(
			pre.line,
			`the pre and post quizzes do not check ${missing.join(', ')}`,
			'add a question on each to both forms, so that every key message is measured before and after'
		);
	}
}
