import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '$lib/content/problems';
import { compileWith as compileWithBase, errors, fixtureSet } from './fixtures';

const PRE = 'content/en/quizzes/before.md';
const POST = 'content/en/quizzes/after.md';
const PRACTICE = 'content/en/quizzes/moving-practice.md';
const PRE_KM = 'content/km/quizzes/before.md';
const POST_KM = 'content/km/quizzes/after.md';
const PRACTICE_KM = 'content/km/quizzes/moving-practice.md';

// The quiz fixtures sit apart from the shared ones, so that lesson tests do not meet them.
const fixtures = fixtureSet('quiz-content');
const fixture = (path: string) => fixtures.get(path)!;

/** The valid fixtures with some files replaced, added (text) or removed (null). */
const compileWith = (changes: Record<string, string | null> = {}) =>
	compileWithBase(fixtures, changes);

/** One English quiz edited, without its Khmer draft (which would no longer match it). */
function editEnglish(path: string, edit: (text: string) => string) {
	return compileWith({ [path]: edit(fixture(path)), [path.replace('/en/', '/km/')]: null });
}

describe('compiling quizzes', () => {
	it('turns each question into its text, keyed options, correct answer and explanation', () => {
		const { content, problems } = compileWith();
		expect(problems.map(formatProblem)).toEqual([]);
		const quiz = content.quizzes.en.find((item) => item.id === 'before')!;
		expect(quiz).toMatchObject({ purpose: 'pre', pair: 'after', lesson: null, locale: 'en' });
		expect(quiz.questions.map((question) => [question.id, question.type, question.correct])).toEqual([
			['passport', 'single', ['b']],
			['hotline', 'true-false', ['a']],
			['broker-signs', 'multiple', ['a', 'b']],
			['before-you-go', 'order', ['a', 'b', 'c']]
		]);
		expect(quiz.questions[0]).toMatchObject({
			checks: 'valid-passport',
			html: '<p>Which document do you need to work in another country?</p>',
			options: [
				{ key: 'a', html: 'A school report' },
				{ key: 'b', html: 'A valid passport' },
				{ key: 'c', html: 'A letter from a broker' }
			],
			explanationHtml: '<p>You need a <strong>valid passport</strong> to go to another country.</p>'
		});
		expect(quiz.messages.map((message) => message.id)).toEqual([
			'valid-passport',
			'call-1288',
			'broker-promises',
			'wages-and-contract'
		]);
		expect(quiz.version).toMatch(/^[0-9a-f]{12}$/);
	});

	it('gives a Khmer quiz the key messages in Khmer and a version of its own', () => {
		const { content } = compileWith();
		const english = content.quizzes.en.find((item) => item.id === 'before')!;
		const khmer = content.quizzes.km.find((item) => item.id === 'before')!;
		expect(khmer).toMatchObject({ locale: 'km', translation: 'draft', fallback: false });
		expect(khmer.messages[1]!.text).toBe('ប្រសិនបើអ្នកមានបញ្ហា សូមហៅទូរស័ព្ទទៅលេខ 1288។');
		expect(khmer.version).not.toBe(english.version);
	});

	it('changes the version when the wording changes, so results say which text was seen', () => {
		const before = compileWith().content.quizzes.en.find((item) => item.id === 'before')!;
		const after = editEnglish(PRE, (text) => text.replace('A school report', 'A school book'))
			.content.quizzes.en.find((item) => item.id === 'before')!;
		expect(after.version).not.toBe(before.version);
	});

	it('never renders raw HTML written in a question', () => {
		const { content } = editEnglish(PRE, (text) =>
			text.replace('A school report', '<img src=x onerror=alert(1)>')
		);
		const option = content.quizzes.en.find((item) => item.id === 'before')!.questions[0]!.options[0]!;
		expect(option.html).toBe('&lt;img src=x onerror=alert(1)&gt;');
	});
});

describe('quiz faults, each named with its file and line', () => {
	it('a question with no correct option', () => {
		const { problems } = editEnglish(PRE, (text) =>
			text.replace('- [x] A valid passport', '- [ ] A valid passport')
		);
		expect(errors(problems)).toEqual([
			`${PRE}:16: question "passport" has no correct option — tick the correct one with "- [x]"`
		]);
	});

	it('a single-choice question with two correct options', () => {
		const { problems } = editEnglish(PRE, (text) =>
			text.replace('- [ ] A letter from a broker', '- [x] A letter from a broker')
		);
		expect(errors(problems)).toEqual([
			`${PRE}:18: single-choice question "passport" has 2 correct options — tick only one, or make it "Type: multiple" if students should pick several`
		]);
	});

	it('a true/false question with both ticked, or with a third option', () => {
		expect(
			errors(editEnglish(PRE, (text) => text.replace('- [ ] False', '- [x] False')).problems)
		).toEqual([
			`${PRE}:31: true/false question "hotline" has 2 correct options — tick only one of True and False`
		]);
		expect(
			errors(
				editEnglish(PRE, (text) => text.replace('- [ ] False', '- [ ] False\n- [ ] Maybe')).problems
			)
		).toEqual([
			`${PRE}:30: true/false question "hotline" has 3 options — give it exactly two: "- [x] True" and "- [ ] False" (in the language of the file), one of them ticked`
		]);
	});

	it('fewer than three items to put in order', () => {
		const { problems } = editEnglish(PRE, (text) => text.replace('3. Leave for the job.\n', ''));
		expect(errors(problems)).toEqual([
			`${PRE}:57: question "before-you-go" has 2 items to put in order — give it at least 3 items, or make it a single-choice question`
		]);
	});

	it('items to order that are ticked instead of numbered', () => {
		const { problems } = editEnglish(PRE, (text) =>
			text.replace('2. Get a copy of the contract.', '- [x] Get a copy of the contract.')
		);
		expect(errors(problems)).toEqual([
			`${PRE}:58: question "before-you-go" puts items in order, so its items are numbered, not ticked — write the items as "1. …", "2. …" in their correct order (the app mixes them up)`
		]);
	});

	it('two questions with the same id', () => {
		const { problems } = editEnglish(PRE, (text) =>
			text.replace('Question: hotline', 'Question: passport')
		);
		expect(errors(problems)).toEqual([
			`${PRE}:24: the question id "passport" is already used on line 10 — give each question its own id: results are recorded against it`
		]);
	});

	it('a key message that does not exist, with the one the author probably meant', () => {
		const { problems } = editEnglish(PRE, (text) =>
			text.replace('Checks: call-1288', 'Checks: call-1289')
		);
		expect(errors(problems)).toEqual([
			`${PRE}:26: "call-1289" is not a key message — did you mean "call-1288"? Use an id from content/key-messages.yml, or add the message there`
		]);
	});

	it('a pre and a post quiz that check different key messages', () => {
		const { problems } = editEnglish(POST, (text) =>
			text.replace('Checks: broker-promises', 'Checks: call-1288')
		);
		expect(errors(problems)).toEqual([
			`${PRE}:5: this quiz and its pair "after" check different key messages: only this quiz checks broker-promises — a pre and a post quiz must check the same key messages, so that their results can be compared`
		]);
	});

	it('a pair that does not point back', () => {
		const { problems } = compileWith({
			'content/en/quizzes/second-before.md': fixture(PRE).replace('id: before', 'id: second-before')
		});
		expect(errors(problems)).toEqual([
			`content/en/quizzes/second-before.md:5: the pair "after" does not point back: its pair is "before" — write "pair: second-before" in ${POST}`
		]);
	});

	it('a pair that is missing, or is not a quiz, or has the same purpose', () => {
		expect(errors(editEnglish(PRE, (text) => text.replace('pair: after\n', '')).problems)).toEqual([
			`${POST}:5: the pair "before" does not point back: its pair is missing — write "pair: after" in ${PRE}`,
			`${PRE}:4: a pre quiz does not say which quiz it pairs with — add a line like "pair: after-the-sessions" with the id of the matching post quiz`
		]);
		expect(errors(editEnglish(PRE, (text) => text.replace('pair: after', 'pair: afterwards')).problems)).toContain(
			`${PRE}:5: the pair "afterwards" is not a quiz — give the id of the post quiz that matches this one`
		);
		expect(errors(editEnglish(POST, (text) => text.replace('purpose: post', 'purpose: pre')).problems)).toEqual([
			`${POST}:5: the pair "before" is a pre quiz, but a pre quiz pairs with a post quiz — point "pair" at a quiz with "purpose: post"`,
			`${PRE}:5: the pair "after" is a pre quiz, but a pre quiz pairs with a post quiz — point "pair" at a quiz with "purpose: post"`
		]);
	});

	it('a practice quiz for a lesson that does not exist, or for none', () => {
		expect(
			errors(editEnglish(PRACTICE, (text) => text.replace('lesson: moving', 'lesson: movin')).problems)
		).toEqual([
			`${PRACTICE}:5: the lesson "movin" does not exist — did you mean "moving"? Give the id of a lesson in content/en/lessons/`
		]);
		expect(
			errors(editEnglish(PRACTICE, (text) => text.replace('lesson: moving\n', '')).problems)
		).toEqual([
			`${PRACTICE}:4: a practice quiz does not say which lesson it belongs to — add a line like "lesson: six-key-messages"`
		]);
	});

	it('a type that does not exist, a misspelt line, an unmarked option and no explanation', () => {
		const { problems } = editEnglish(PRE, (text) =>
			text
				.replace('Type: multiple', 'Type: several')
				.replace('Checks: call-1288', 'Chekcs: call-1288')
				.replace('- [ ] A letter from a broker', '- A letter from a broker')
				.replace('Explanation: Agree on the wages and get the contract before you leave.', '')
		);
		expect(errors(problems)).toEqual([
			`${PRE}:18: this option of question "passport" is not marked right or wrong — write it as "- [x] …" if it is correct, "- [ ] …" if it is not`,
			`${PRE}:24: question "hotline" does not say which key message it checks — add a line like "Checks: call-1288" with an id from content/key-messages.yml`,
			`${PRE}:26: "Chekcs:" is not a question line — did you mean "Checks:"? Leave an empty line before the question's text`,
			`${PRE}:38: "several" is not a type of question — use one of single, multiple, true-false, order`,
			`${PRE}:51: question "before-you-go" has no explanation — add a line "Explanation: …" after the options: students read it after they answer`
		]);
	});

	it('a quiz with no questions at all', () => {
		const { problems } = editEnglish(PRACTICE, (text) => text.slice(0, text.indexOf('Question:')));
		expect(errors(problems)).toEqual([
			`${PRACTICE}:9: the quiz has no questions — add questions after the front matter, each starting with a "Question: <id>" line (see content/README.md)`
		]);
	});

	it('a translation that ticks another option, or leaves a question out', () => {
		const ticked = compileWith({
			[PRE_KM]: fixture(PRE_KM)
				.replace('- [ ] សៀវភៅតាមដានការសិក្សា', '- [x] សៀវភៅតាមដានការសិក្សា')
				.replace('- [x] លិខិតឆ្លងដែនដែលមានសុពលភាព', '- [ ] លិខិតឆ្លងដែនដែលមានសុពលភាព')
		});
		expect(errors(ticked.problems)).toEqual([
			`${PRE_KM}:11: question "passport" marks other options correct than ${PRE} — keep the options in the English order and tick the same ones`
		]);
		const shorter = compileWith({
			[POST_KM]: fixture(POST_KM).slice(0, fixture(POST_KM).lastIndexOf('---'))
		});
		expect(errors(shorter.problems)).toEqual([
			`${POST_KM}:1: question "contract-after" of ${POST} is missing here — translate every question, with the same "Question:" id`
		]);
	});

	it('a broken English question, once: not again in the untouched Khmer translation', () => {
		const { problems } = compileWith({
			[PRE]: fixture(PRE).replace('Type: single', 'Type: singel')
		});
		expect(errors(problems)).toEqual([
			`${PRE}:11: "singel" is not a type of question — use one of single, multiple, true-false, order`
		]);
	});

	it('a translation paired or placed differently from its original', () => {
		const { problems } = compileWith({
			[PRACTICE_KM]: fixture(PRACTICE_KM).replace('lesson: moving', 'lesson: other')
		});
		expect(errors(problems)).toEqual([
			`${PRACTICE_KM}:5: lesson is other here but moving in ${PRACTICE} — make lesson the same in every language`
		]);
	});
});

describe('the example in content/README.md', () => {
	it('is a valid quiz, with a question of every type', () => {
		const readme = readFileSync('content/README.md', 'utf8');
		const section = readme.slice(readme.indexOf('## Quizzes'));
		const example = /```markdown\n([\s\S]*?)```/.exec(section)![1]!;
		const pair = example
			.replace('id: before-the-sessions', 'id: after-the-sessions')
			.replace('purpose: pre', 'purpose: post')
			.replace('pair: after-the-sessions', 'pair: before-the-sessions');
		const { content, problems } = compileWith({
			'content/en/quizzes/before-the-sessions.md': example,
			'content/en/quizzes/after-the-sessions.md': pair
		});
		expect(errors(problems)).toEqual([]);
		const quiz = content.quizzes.en.find((item) => item.id === 'before-the-sessions')!;
		expect(quiz.questions.map((question) => question.type)).toEqual([
			'single',
			'multiple',
			'true-false',
			'order'
		]);
	});
});
