/**
 * Whether a decrypted attempt makes sense, before it joins the figures: an attempt that
 * contradicts the quiz it names or itself would skew them (a 101-bar histogram from
 * `maxScore: 100`, answers to questions that do not exist). Anyone holding the station
 * link can seal an attempt, so nothing in one is taken on trust. The first problem is
 * named with its code and where; the attempt comes back with its class label normalised.
 */
import { normalizeClassLabel } from '$lib/quiz/class-label';
import { isCompleteAnswer, isCorrect } from '$lib/quiz/scoring';
import type { Question } from '$lib/quiz/types';
import { PAIRING_CODE_PATTERN, type Attempt } from './attempt';
import type { QuizInfo } from './quiz-info';

export type AttemptProblemCode =
	/** The quiz it names is not in the app. */
	| 'unknown-quiz'
	/** Its purpose (pre, post, practice) is not the quiz's. */
	| 'wrong-purpose'
	/** Current version: its maximum score is not the quiz's number of questions. */
	| 'wrong-max-score'
	/** Current version: an answer to a question the quiz does not have. */
	| 'unknown-question'
	/** Current version: an option letter beyond those the question offers. */
	| 'option-out-of-range'
	/** Current version: an answer the question could not receive (two keys for one choice…). */
	| 'impossible-answer'
	/** Current version: marked right or wrong against the quiz's answer key. */
	| 'wrong-marking'
	/** The score is not the number of answers marked right. */
	| 'wrong-score'
	/** More answers than questions. */
	| 'too-many-answers'
	/** Finished, with fewer answers than questions. */
	| 'too-few-answers'
	/** Finished, without a time it finished. */
	| 'finished-without-end'
	/** The same question answered twice. */
	| 'answered-twice'
	/** It ends before it starts. */
	| 'ends-before-start'
	/** A time before 2024, when no station existed. */
	| 'too-early'
	/** A time after the file was exported, or after now. */
	| 'too-late'
	/** A pairing code that is not `K-07-2`'s shape. */
	| 'bad-pairing-code'
	/** A class label with nothing visible in it. */
	| 'empty-class-label';

export interface AttemptProblem {
	code: AttemptProblemCode;
	uuid: string;
	/** The field, such as `answers[3].given` or `maxScore`. */
	path: string;
}

export type Validated = { ok: true; attempt: Attempt } | { ok: false; problem: AttemptProblem };

export interface ValidationContext {
	/** When the file was exported (its `exportedAt`). */
	exportedAt: string;
	/** Now, on the trainer's device: no attempt can be later (a day's leeway for clocks). */
	now: Date;
}

/** The quizzes of the app, indexed once for checking many attempts. */
export interface QuizCatalogue {
	quizzes: ReadonlyMap<string, CataloguedQuiz>;
	/** Class labels normalised already: a district has a few hundred, on thousands of attempts. */
	labels: Map<string, string>;
}

interface CataloguedQuiz {
	info: QuizInfo;
	versions: ReadonlySet<string>;
	/** As the station's scoring knows them, so that the same rules mark both. */
	questions: ReadonlyMap<string, Question>;
	/** Marks already given, by question and answer: a district's 100,000 answers repeat. */
	marks: Map<string, Map<string, Mark>>;
}

type Mark = 'out-of-range' | 'impossible' | 'right' | 'wrong';

const KEYS = 'abcdefghij';

export function quizCatalogue(quizzes: readonly QuizInfo[]): QuizCatalogue {
	const byId = new Map<string, CataloguedQuiz>();
	for (const info of quizzes) {
		const questions = new Map<string, Question>();
		for (const question of info.questions) {
			questions.set(question.id, {
				id: question.id,
				type: question.type,
				checks: question.checks,
				html: '',
				options: [...KEYS.slice(0, question.options)].map((key) => ({ key, html: '' })),
				correct: question.correct,
				explanationHtml: ''
			});
		}
		byId.set(info.id, { info, versions: new Set(info.versions), questions, marks: new Map() });
	}
	return { quizzes: byId, labels: new Map() };
}

/** How the station's scoring marks `given` for `question`. */
function mark(quiz: CataloguedQuiz, question: Question, given: string[]): Mark {
	let marks = quiz.marks.get(question.id);
	if (!marks) quiz.marks.set(question.id, (marks = new Map()));
	const key = given.length === 1 ? given[0]! : given.join(',');
	let found = marks.get(key);
	if (found === undefined) {
		if (given.some((letter) => KEYS.indexOf(letter) >= question.options.length)) {
			found = 'out-of-range';
		} else if (!isCompleteAnswer(question, given)) found = 'impossible';
		else found = isCorrect(question, given) ? 'right' : 'wrong';
		marks.set(key, found);
	}
	return found;
}

const EARLIEST = Date.parse('2024-01-01T00:00:00Z');
const LEEWAY = 24 * 60 * 60 * 1000;

/** Checks one attempt; the first problem found, or the attempt with its label normalised. */
export function validateAttempt(
	attempt: Attempt,
	catalogue: QuizCatalogue,
	context: ValidationContext
): Validated {
	const problem = (code: AttemptProblemCode, path: string): Validated => ({
		ok: false,
		problem: { code, uuid: attempt.uuid, path }
	});

	const quiz = catalogue.quizzes.get(attempt.quizId);
	if (!quiz) return problem('unknown-quiz', 'quizId');
	if (quiz.info.purpose !== attempt.purpose) return problem('wrong-purpose', 'purpose');
	// Only a current version's questions, options and key are known: an attempt at an
	// earlier version of the quiz (its file has been edited since) is checked against what
	// the current quiz still defines, its id and purpose, and against itself. Its questions
	// may have been other questions, with other options and another key.
	const current = quiz.versions.has(attempt.quizVersion);
	if (current && attempt.maxScore !== quiz.questions.size) {
		return problem('wrong-max-score', 'maxScore');
	}

	const answered = new Set<string>();
	let right = 0;
	for (const [index, answer] of attempt.answers.entries()) {
		const at = `answers[${index}]`;
		if (answered.has(answer.questionId)) return problem('answered-twice', `${at}.questionId`);
		answered.add(answer.questionId);
		if (answer.correct) right += 1;
		if (!current) continue;
		const question = quiz.questions.get(answer.questionId);
		if (!question) return problem('unknown-question', `${at}.questionId`);
		const marked = mark(quiz, question, answer.given);
		if (marked === 'out-of-range') return problem('option-out-of-range', `${at}.given`);
		if (marked === 'impossible') return problem('impossible-answer', `${at}.given`);
		if ((marked === 'right') !== answer.correct) return problem('wrong-marking', `${at}.correct`);
	}
	if (attempt.answers.length > attempt.maxScore) return problem('too-many-answers', 'answers');
	if (attempt.score !== right) return problem('wrong-score', 'score');
	if (attempt.status === 'finished') {
		if (attempt.finishedAt === null) return problem('finished-without-end', 'finishedAt');
		if (attempt.answers.length < attempt.maxScore) return problem('too-few-answers', 'answers');
	}

	const started = Date.parse(attempt.startedAt);
	const latest = Math.min(Date.parse(context.exportedAt), context.now.getTime() + LEEWAY);
	if (started < EARLIEST) return problem('too-early', 'startedAt');
	if (started > latest) return problem('too-late', 'startedAt');
	if (attempt.finishedAt !== null) {
		const finished = Date.parse(attempt.finishedAt);
		if (finished < started) return problem('ends-before-start', 'finishedAt');
		if (finished > latest) return problem('too-late', 'finishedAt');
	}

	if (attempt.pairingCode !== null && !PAIRING_CODE_PATTERN.test(attempt.pairingCode)) {
		return problem('bad-pairing-code', 'pairingCode');
	}
	let classLabel = catalogue.labels.get(attempt.classLabel);
	if (classLabel === undefined) {
		classLabel = normalizeClassLabel(attempt.classLabel);
		catalogue.labels.set(attempt.classLabel, classLabel);
	}
	if (classLabel === '') return problem('empty-class-label', 'classLabel');
	return {
		ok: true,
		attempt: classLabel === attempt.classLabel ? attempt : { ...attempt, classLabel }
	};
}

export type ValidatedAll =
	{ ok: true; attempts: Attempt[] } | { ok: false; problem: AttemptProblem; index: number };

/**
 * Checks the attempts of one file, stopping at the first problem: a file with an impossible
 * attempt in it is suspect as a whole, and the trainer is told which attempt and why.
 */
export function validateAttempts(
	attempts: readonly Attempt[],
	catalogue: QuizCatalogue,
	context: ValidationContext
): ValidatedAll {
	const valid: Attempt[] = [];
	for (const [index, attempt] of attempts.entries()) {
		const result = validateAttempt(attempt, catalogue, context);
		if (!result.ok) return { ok: false, problem: result.problem, index };
		valid.push(result.attempt);
	}
	return { ok: true, attempts: valid };
}
