import { describe, expect, it } from 'vitest';
import { compileContent } from '$lib/content/compile';
import { formatProblem, type Problem } from '$lib/content/problems';
import { readContentFiles } from '$lib/content/read-files';
import { compileWith as compileWithBase, errors, fixtureSet } from './fixtures';

// The quiz fixtures check four key messages (tests/fixtures/quiz-content/key-messages.yml).
const fixtures = fixtureSet('quiz-content');
const PRE = 'content/en/quizzes/form-a.md';
const POST = 'content/en/quizzes/form-b.md';

interface MadeQuestion {
	type: 'single' | 'multiple' | 'true-false' | 'order';
	checks: string;
	/** Option texts; for true-false, leave empty and give `correct: [0]` for True. */
	options: string[];
	correct: number[];
}

/** Options of the same length, so that length gives nothing away unless a test says so. */
const same = (count: number, word: string) =>
	Array.from({ length: count }, (_, index) => `${word} option ${'abcdefghij'[index]}`);

/** A well-written form: every place used once, one true and one false statement, mixed multiples. */
function goodForm(): MadeQuestion[] {
	return [
		{ type: 'single', checks: 'valid-passport', options: same(4, 'Passport'), correct: [0] },
		{ type: 'single', checks: 'call-1288', options: same(4, 'Hotline'), correct: [1] },
		{ type: 'true-false', checks: 'call-1288', options: [], correct: [0] },
		{ type: 'single', checks: 'broker-promises', options: same(4, 'Broker'), correct: [2] },
		{ type: 'single', checks: 'wages-and-contract', options: same(4, 'Wages'), correct: [3] },
		{ type: 'true-false', checks: 'broker-promises', options: [], correct: [1] },
		{ type: 'multiple', checks: 'valid-passport', options: same(4, 'Papers'), correct: [0, 2] },
		{ type: 'multiple', checks: 'broker-promises', options: same(5, 'Signs'), correct: [1, 2, 4] },
		{ type: 'order', checks: 'wages-and-contract', options: ['First', 'Second', 'Third'], correct: [] }
	];
}

function quizFile(id: string, purpose: 'pre' | 'post', pair: string, questions: MadeQuestion[]): string {
	const front = `---\nid: ${id}\ntitle: Form ${id}\npurpose: ${purpose}\npair: ${pair}\nsources:\n  - care-smart\n---\n`;
	const body = questions.map((question, index) => {
		const options =
			question.type === 'order'
				? question.options.map((option, place) => `${place + 1}. ${option}`)
				: question.type === 'true-false'
					? [`- [${question.correct[0] === 0 ? 'x' : ' '}] True`, `- [${question.correct[0] === 1 ? 'x' : ' '}] False`]
					: question.options.map((option, place) => `- [${question.correct.includes(place) ? 'x' : ' '}] ${option}`);
		return [
			`Question: ${id}-q${index + 1}`,
			`Type: ${question.type}`,
			`Checks: ${question.checks}`,
			'',
			`Question ${index + 1} of form ${id}?`,
			'',
			...options,
			'',
			'Explanation: Because.'
		].join('\n');
	});
	return `${front}\n${body.join('\n\n---\n\n')}\n`;
}

/** The warnings about the made-up pre form (form A) and post form (form B). */
function warningsFor(pre: MadeQuestion[], post: MadeQuestion[] = goodForm()): string[] {
	const { problems } = compileWithBase(fixtures, {
		[PRE]: quizFile('form-a', 'pre', 'form-b', pre),
		[POST]: quizFile('form-b', 'post', 'form-a', post)
	});
	expect(errors(problems)).toEqual([]);
	return madeUp(problems);
}

/** Problems in the made-up forms, apart from their missing Khmer translation. */
const madeUp = (problems: Problem[]) =>
	problems
		.filter((problem) => problem.file === PRE || problem.file === POST)
		.filter((problem) => !problem.message.includes('translation yet'))
		.map(formatProblem);

/** Line of the nth question (1, 2, …) of a made-up form. */
const lineOf = (questions: MadeQuestion[], number: number) =>
	quizFile('form-a', 'pre', 'form-b', questions).split('\n').indexOf(`Question: form-a-q${number}`) + 1;

describe('item-writing checks on a pre and a post quiz', () => {
	it('say nothing about a well-written pair of forms', () => {
		expect(warningsFor(goodForm())).toEqual([]);
	});

	it('name a place that holds the correct option too often, and a place that never does', () => {
		const form = goodForm().map((question) =>
			question.type === 'single' ? { ...question, correct: [1] } : question
		);
		const lines = [1, 2, 4, 5].map((number) => lineOf(form, number));
		expect(warningsFor(form)).toEqual([
			`${PRE}:${lines[0]}: warning: 4 of 4 single-choice questions have their correct option in place b (lines ${lines.join(', ')}) — move the correct option of some of them to another place, so that its place gives nothing away (on paper the options keep the order of the file)`,
			`${PRE}:${lines[0]}: warning: no single-choice question has its correct option in place a or c or d — spread the correct options over places a, b, c, d, so that no place is a safe guess`
		]);
	});

	it('name true/false questions that are all true', () => {
		const form = goodForm().map((question) =>
			question.type === 'true-false' ? { ...question, correct: [0] } : question
		);
		expect(warningsFor(form)).toEqual([
			`${PRE}:${lineOf(form, 3)}: warning: True is the right answer in 2 of 2 true/false questions (lines ${lineOf(form, 3)}, ${lineOf(form, 6)}) — turn some statements round so that about as many are true as false, and answering "True" every time gains nothing`
		]);
	});

	it('name a correct option that is the longest too often', () => {
		const form = goodForm().map((question) =>
			question.type === 'single' && question.checks !== 'wages-and-contract'
				? {
						...question,
						options: question.options.map((option, place) =>
							question.correct.includes(place) ? `${option}, which is by far the longest` : option
						)
					}
				: question
		);
		const lines = [1, 2, 4].map((number) => lineOf(form, number));
		expect(warningsFor(form)).toEqual([
			`${PRE}:${lines[0]}: warning: the correct option is the longest in 3 of 4 single-choice questions (lines ${lines.join(', ')}) — shorten the correct option, or lengthen a wrong one, in some of them: students learn to pick the longest`
		]);
	});

	it('name multiple-answer questions that are all "every option but one"', () => {
		const form = goodForm().map((question) =>
			question.type === 'multiple'
				? { ...question, correct: question.options.slice(1).map((_, place) => place + 1) }
				: question
		);
		expect(warningsFor(form)).toEqual([
			`${PRE}:${lineOf(form, 7)}: warning: every multiple-answer question has all its options right but one (lines ${lineOf(form, 7)}, ${lineOf(form, 8)}) — vary how many options are right, and make the wrong ones things a student might really believe`
		]);
	});

	it('name a pre and a post form that differ in the type of a question', () => {
		const post = goodForm();
		post[2] = { type: 'single', checks: 'call-1288', options: same(4, 'Call'), correct: [0] };
		const warnings = warningsFor(goodForm(), post);
		expect(warnings).toContain(
			`${PRE}:${lineOf(goodForm(), 3)}: warning: question 3 ("form-a-q3") is true-false here but single in ${POST} ("form-b-q3", line ${lineOf(post, 3)}) — give both forms the same type of question in the same place, so that they are as hard to guess`
		);
	});

	it('name a pre and a post form that check the same messages in other places', () => {
		const post = goodForm();
		[post[0], post[1]] = [
			{ ...post[0]!, checks: 'call-1288' },
			{ ...post[1]!, checks: 'valid-passport' }
		];
		expect(warningsFor(goodForm(), post)).toEqual([
			`${PRE}:${lineOf(goodForm(), 1)}: warning: question 1 ("form-a-q1") checks valid-passport here but call-1288 in ${POST} ("form-b-q1", line ${lineOf(post, 1)}) — check the same key message in the same place in both forms`,
			`${PRE}:${lineOf(goodForm(), 2)}: warning: question 2 ("form-a-q2") checks call-1288 here but valid-passport in ${POST} ("form-b-q2", line ${lineOf(post, 2)}) — check the same key message in the same place in both forms`
		]);
	});

	it('name forms of different lengths, a shared question, and a key message neither checks', () => {
		const pre = goodForm().filter((question) => question.checks !== 'wages-and-contract');
		const post = goodForm().filter((question) => question.checks !== 'wages-and-contract');
		post.push({ type: 'single', checks: 'call-1288', options: same(4, 'Extra'), correct: [3] });
		const shared = quizFile('form-a', 'pre', 'form-b', pre).replace(
			'Question 1 of form form-a?',
			'Question 1 of form form-b?'
		);
		const { problems } = compileWithBase(fixtures, {
			[PRE]: shared,
			[POST]: quizFile('form-b', 'post', 'form-a', post)
		});
		expect(madeUp(problems)).toEqual([
			`${PRE}:4: warning: this quiz has 7 questions and its pair "form-b" has 8 — give both forms the same number of questions, so that their scores can be compared`,
			`${PRE}:4: warning: the pre and post quizzes do not check wages-and-contract — add a question on each to both forms, so that every key message is measured before and after`,
			`${PRE}:${lineOf(pre, 1)}: warning: question "form-a-q1" is also in ${POST} (line ${lineOf(post, 1)}) — the two forms must not share a question: write another one, with its own id, on the same key message`
		]);
	});

	it('are warnings, so that the build goes on, and errors only under --strict', () => {
		const form = goodForm().map((question) =>
			question.type === 'true-false' ? { ...question, correct: [1] } : question
		);
		const { problems } = compileWithBase(fixtures, {
			[PRE]: quizFile('form-a', 'pre', 'form-b', form),
			[POST]: quizFile('form-b', 'post', 'form-a', goodForm())
		});
		expect(problems.some((problem) => problem.severity === 'warning')).toBe(true);
		expect(errors(problems)).toEqual([]);
	});
});

describe('item-writing checks on every quiz', () => {
	it('name a single-choice question with only two options', () => {
		const path = 'content/en/quizzes/moving-practice.md';
		const { problems } = compileWithBase(fixtures, {
			[path]: fixtures.get(path)!.replace('- [ ] After the first month\n', ''),
			[path.replace('/en/', '/km/')]: null
		});
		expect(problems.map(formatProblem)).toContain(
			`${path}:10: warning: single-choice question "push" has only 2 options, so a guess is right half the time — add a third option that a student might really believe, or make it a true/false question`
		);
	});

	it('refuse an option written after the explanation, which no student would see', () => {
		const path = 'content/en/quizzes/moving-practice.md';
		const { problems } = compileWithBase(fixtures, {
			[path]: `${fixtures.get(path)!.trimEnd()}\n- [x] Tomorrow\n`,
			[path.replace('/en/', '/km/')]: null
		});
		expect(errors(problems)).toEqual([
			`${path}:21: this option of question "push" comes after its explanation, so it is not one of the options — move it above the "Explanation:" line, with the other options`
		]);
	});
});

describe('the shipped quizzes', () => {
	const { content, problems } = compileContent(readContentFiles('.'));

	it('pass every quiz check, item-writing included, in both languages', () => {
		const quizProblems = problems.filter((problem) => /^content\/\w+\/quizzes\//.test(problem.file));
		expect(quizProblems.map(formatProblem)).toEqual([]);
	});

	it('measure every key message before and after, with parallel forms and no shared question', () => {
		const pre = content.quizzes.en.find((quiz) => quiz.purpose === 'pre')!;
		const post = content.quizzes.en.find((quiz) => quiz.id === pre.pair)!;
		expect(new Set(pre.questions.map((question) => question.checks))).toEqual(
			new Set(content.messages.map((message) => message.id))
		);
		expect(post.questions.map((question) => [question.type, question.checks])).toEqual(
			pre.questions.map((question) => [question.type, question.checks])
		);
		const postIds = new Set(post.questions.map((question) => question.id));
		expect(pre.questions.filter((question) => postIds.has(question.id))).toEqual([]);
		expect(pre.questions.length).toBeGreaterThanOrEqual(11);
		expect(pre.questions.length).toBeLessThanOrEqual(12);
	});
});
