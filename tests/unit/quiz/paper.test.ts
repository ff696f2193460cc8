import { describe, expect, it } from 'vitest';
import {
	keystrokes,
	parsePairingCode,
	parseSheet,
	repeatOf,
	sheetAnswers,
	sheetGroups,
	sheetLetter,
	sheetOrder
} from '$lib/quiz/paper';
import { isCorrect } from '$lib/quiz/scoring';
import { multiple, order, quiz, single, trueFalse } from './questions';

/** The letters a student writes for the order question's right order, as the sheet prints it. */
const rightOrder = () =>
	order.correct.map((key) => sheetLetter(sheetOrder(order).indexOf(key))).join('');

describe('the printed sheet', () => {
	it('letters options in file order, and never prints an order question already solved', () => {
		expect(sheetOrder(single)).toEqual(['a', 'b', 'c', 'd']);
		expect(sheetOrder(trueFalse)).toEqual(['a', 'b']);
		expect(sheetOrder(order)).not.toEqual(order.correct);
		expect([...sheetOrder(order)].sort()).toEqual(['a', 'b', 'c', 'd']);
		expect(sheetOrder(order)).toEqual(sheetOrder(order));
	});
});

describe('reading a typed row', () => {
	it('reads one group per question and marks it as the tablet does', () => {
		const row = `c a ac ${rightOrder()}`;
		const parsed = parseSheet(quiz, row);
		expect(parsed).toEqual({ ok: true, given: [['c'], ['a'], ['a', 'c'], order.correct] });
		const answers = sheetAnswers(quiz, parsed.given);
		expect(answers.map((answer) => answer.correct)).toEqual([true, true, true, true]);
		expect(answers.every((answer) => answer.ms === 0)).toBe(true);
		expect(answers.map((answer) => answer.questionId)).toEqual(quiz.questions.map((q) => q.id));
	});

	it('scores wrong answers wrong, multiple choice all-or-nothing, whatever order letters come in', () => {
		const parsed = parseSheet(quiz, 'A B CA ABCD');
		expect(parsed.ok).toBe(true);
		expect(parsed.given[2]).toEqual(['a', 'c']);
		const marks = sheetAnswers(quiz, parsed.given).map((answer) => answer.correct);
		expect(marks).toEqual([false, false, true, isCorrect(order, parsed.given[3]!)]);
		expect(sheetAnswers(quiz, parseSheet(quiz, 'c a abc abcd').given)[2]!.correct).toBe(false);
	});

	it('takes upper and lower case, extra spaces, commas and the Khmer space bar alike', () => {
		const expected = parseSheet(quiz, 'c a ac abcd');
		expect(parseSheet(quiz, '  C   A  AC ABCD ')).toEqual(expected);
		expect(parseSheet(quiz, 'c,a,ac,abcd')).toEqual(expected);
		expect(parseSheet(quiz, 'c\u200ba\u200bac\u200babcd')).toEqual(expected);
	});

	it('reads the letters a Khmer keyboard types for the keys A to D', () => {
		// Khmer (NiDA) layout: A → ា, B → ប, C → ច, D → ដ.
		expect(parseSheet(quiz, 'ច ា ាច ាបចដ')).toEqual(parseSheet(quiz, 'c a ac abcd'));
	});

	it('leaves a question typed as - (or .) unanswered, and records no answer for it', () => {
		const parsed = parseSheet(quiz, 'c - . abcd');
		expect(parsed).toEqual({ ok: true, given: [['c'], null, null, sheetGroupsOrder('abcd')] });
		expect(sheetAnswers(quiz, parsed.given).map((answer) => answer.questionId)).toEqual([
			single.id,
			order.id
		]);
		expect(multiple.id).not.toBe(trueFalse.id);
	});

	it('names a letter the question does not have, with the last letter it has', () => {
		expect(parseSheet(quiz, 'e a ac abcd')).toMatchObject({
			ok: false,
			problems: [{ kind: 'no-such-letter', question: 1, letter: 'E', last: 'D' }]
		});
		expect(parseSheet(quiz, 'c c ac abcd')).toMatchObject({
			problems: [{ kind: 'no-such-letter', question: 2, letter: 'C', last: 'B' }]
		});
		expect(parseSheet(quiz, 'c 1 ac abcd')).toMatchObject({
			problems: [{ kind: 'no-such-letter', question: 2, letter: '1' }]
		});
	});

	it('says which question is missing when the row is short, and when it is too long', () => {
		expect(parseSheet(quiz, 'c a')).toMatchObject({
			ok: false,
			problems: [{ kind: 'missing', question: 3 }]
		});
		expect(parseSheet(quiz, '')).toMatchObject({ problems: [{ kind: 'missing', question: 1 }] });
		expect(parseSheet(quiz, 'c a ac abcd b')).toMatchObject({
			problems: [{ kind: 'too-many', count: 5, questions: 4 }]
		});
	});

	it('refuses two letters for one-answer questions, repeats, and an incomplete order', () => {
		expect(parseSheet(quiz, 'cd a ac abcd')).toMatchObject({
			problems: [{ kind: 'one-only', question: 1 }]
		});
		expect(parseSheet(quiz, 'c a aa abcd')).toMatchObject({
			problems: [{ kind: 'repeated', question: 3, letter: 'A' }]
		});
		expect(parseSheet(quiz, 'c a ac abc')).toMatchObject({
			problems: [{ kind: 'whole-order', question: 4, count: 4 }]
		});
		expect(parseSheet(quiz, 'c a ac abca')).toMatchObject({
			problems: [{ kind: 'repeated', question: 4, letter: 'A' }]
		});
	});

	it('gives every problem in the row at once, and no answers to save', () => {
		const parsed = parseSheet(quiz, 'x ab ac');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok)
			expect(parsed.problems.map((problem) => problem.kind)).toEqual([
				'no-such-letter',
				'one-only',
				'missing'
			]);
	});
});

describe('pairing codes typed from a sheet', () => {
	it('reads the ways a teacher may type one into the stored form', () => {
		for (const typed of ['K-07-2', 'k-7-2', 'K 7 2', 'K072', 'k72', ' K-07-2 ']) {
			expect(parsePairingCode(typed), typed).toBe('K-07-2');
		}
		expect(parsePairingCode('M-12-5+')).toBe('M-12-5+');
		expect(parsePairingCode('M 12 7')).toBe('M-12-5+');
		expect(parsePairingCode('A1 0')).toBe('A-01-0');
	});

	it('stores a Khmer letter and Khmer digits language-free', () => {
		expect(parsePairingCode('ក-០៧-២')).toBe('K-07-2');
		expect(parsePairingCode('ស ១២ ៥+')).toBe('S-12-5+');
	});

	it('is null when empty and undefined when it is not a code', () => {
		expect(parsePairingCode('  ')).toBeNull();
		for (const typed of ['K-13-2', 'K-00-1', '7-07-2', 'K', 'K-07', 'KK-07-2', 'K-07-2+']) {
			expect(parsePairingCode(typed), typed).toBeUndefined();
		}
	});
});

describe('a sheet typed twice', () => {
	const sheet = (row: string, pairingCode: string | null = null) => ({
		given: parseSheet(quiz, row).given,
		pairingCode
	});

	it('is found by its answers and code, or by its code alone', () => {
		const saved = [sheet('c a ac abcd', 'K-07-2'), sheet('b b ab dcba')];
		expect(repeatOf(saved, sheet('c a ac abcd', 'K-07-2'))).toEqual({
			kind: 'same-sheet',
			number: 1
		});
		expect(repeatOf(saved, sheet('B B AB DCBA'))).toEqual({ kind: 'same-sheet', number: 2 });
		expect(repeatOf(saved, sheet('a a ac abcd', 'K-07-2'))).toEqual({
			kind: 'same-code',
			number: 1,
			code: 'K-07-2'
		});
		expect(repeatOf(saved, sheet('c a ac abcd'))).toBeNull();
		expect(repeatOf(saved, sheet('c a ac abcd', 'K-07-3'))).toBeNull();
	});
});

describe('typing speed', () => {
	it('counts the keys for a row: its letters, a space between groups, and Enter', () => {
		expect(keystrokes(sheetGroups('c a ac abcd'))).toBe(1 + 1 + 2 + 4 + 4);
	});
});

/** The option keys written as `abcd` on the sheet, for the order question. */
function sheetGroupsOrder(letters: string): string[] {
	return [...letters].map((letter) => sheetOrder(order)[letter.charCodeAt(0) - 97]!);
}
