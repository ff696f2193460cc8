/**
 * The paper answer sheet, for a class with one tablet or none. The sheet letters each
 * question's options A, B, C… in the order the quiz file gives them (paper has no shuffle:
 * every copy is the same), except put-in-order items, printed in one fixed mixed order since
 * the file lists them solved. The teacher types each sheet back as one row of letters, a
 * group per question: `C A AB DBAC -` (`-` for a question left blank). A row is checked
 * whole; nothing of it is kept until every group is an answer the question can take.
 */
import type { AttemptAnswer } from '$lib/results/attempt';
import { normalizePairingCode } from './pairing';
import { isCompleteAnswer, isCorrect } from './scoring';
import { presentedOrder } from './shuffle';
import type { Given, Question, Quiz } from './types';

/** The seed paper attempts record: put-in-order items are printed as this seed orders them. */
export const PAPER_SEED = 0;

/** The option keys in the order the sheet prints them, lettered A, B, C… */
export function sheetOrder(question: Question): string[] {
	return question.type === 'order'
		? presentedOrder(question, PAPER_SEED)
		: question.options.map((option) => option.key);
}

/** The letter printed for the `index`-th option on the sheet: A, B, C… */
export const sheetLetter = (index: number) => String.fromCharCode(65 + index);

/** What a teacher types for a question the student left blank. */
export const BLANK_MARKS = ['-', '.', '_', '0', '០'];

// A teacher typing with the Khmer (NiDA) keyboard on gets these for the keys A to J: read
// them as the Latin letter of the key pressed, so the row need not be typed again.
const KHMER_KEYBOARD: Record<string, string> = {
	'ា': 'a',
	ប: 'b',
	ច: 'c',
	ដ: 'd',
	'េ': 'e',
	ថ: 'f',
	ង: 'g',
	ហ: 'h',
	'ិ': 'i',
	'្': 'j'
};

// Spaces, commas and the zero-width space the Khmer keyboard's space bar types.
const SEPARATORS = /[\s,;\u200b]+/u;

export type SheetProblem =
	/** `letter` is not one of the question's options. */
	| { kind: 'no-such-letter'; question: number; letter: string; last: string }
	/** A letter given twice in one answer. */
	| { kind: 'repeated'; question: number; letter: string }
	/** Single choice or true/false with more than one letter. */
	| { kind: 'one-only'; question: number }
	/** Put-in-order without every item exactly once. */
	| { kind: 'whole-order'; question: number; count: number }
	/** The row ends before this question. */
	| { kind: 'missing'; question: number }
	/** More groups than questions. */
	| { kind: 'too-many'; count: number; questions: number };

export type ParsedSheet =
	| { ok: true; given: (Given | null)[] }
	| { ok: false; given: (Given | null)[]; problems: SheetProblem[] };

/** The row split into one group per question, as typed (lowercase, Khmer keys mapped). */
export function sheetGroups(row: string): string[] {
	return row
		.trim()
		.split(SEPARATORS)
		.filter((group) => group !== '')
		.map((group) => [...group].map((char) => KHMER_KEYBOARD[char] ?? char.toLowerCase()).join(''));
}

/**
 * One question's answer from its group of letters: null for a blank, else the option keys
 * (for multiple choice in file order; for put-in-order, as written).
 */
function readGroup(
	question: Question,
	number: number,
	group: string,
	problems: SheetProblem[]
): Given | null {
	if (BLANK_MARKS.includes(group)) return null;
	const order = sheetOrder(question);
	const letters = [...group];
	const before = problems.length;
	const seen = new Set<number>();
	for (const letter of letters) {
		const index = letter.charCodeAt(0) - 97;
		if (letter.length !== 1 || index < 0 || index >= order.length) {
			problems.push({
				kind: 'no-such-letter',
				question: number,
				letter: letter.toUpperCase(),
				last: sheetLetter(order.length - 1)
			});
		} else if (seen.has(index)) {
			problems.push({ kind: 'repeated', question: number, letter: sheetLetter(index) });
		}
		seen.add(index);
	}
	if (problems.length > before) return null;
	if ((question.type === 'single' || question.type === 'true-false') && letters.length > 1) {
		problems.push({ kind: 'one-only', question: number });
		return null;
	}
	if (question.type === 'order' && letters.length !== order.length) {
		problems.push({ kind: 'whole-order', question: number, count: order.length });
		return null;
	}
	const keys = letters.map((letter) => order[letter.charCodeAt(0) - 97]!);
	const given = question.type === 'multiple' ? order.filter((key) => keys.includes(key)) : keys;
	return isCompleteAnswer(question, given) ? given : null;
}

/** Reads a typed row against the quiz: an answer or a blank per question, or what is wrong. */
export function parseSheet(quiz: Pick<Quiz, 'questions'>, row: string): ParsedSheet {
	const groups = sheetGroups(row);
	const problems: SheetProblem[] = [];
	const given = quiz.questions.map((question, index) =>
		index < groups.length ? readGroup(question, index + 1, groups[index]!, problems) : null
	);
	if (groups.length < quiz.questions.length) {
		problems.push({ kind: 'missing', question: groups.length + 1 });
	} else if (groups.length > quiz.questions.length) {
		problems.push({ kind: 'too-many', count: groups.length, questions: quiz.questions.length });
	}
	return problems.length === 0 ? { ok: true, given } : { ok: false, given, problems };
}

/** The answers to record for a checked sheet: blanks left out, marked as on a tablet, no time. */
export function sheetAnswers(
	quiz: Pick<Quiz, 'questions'>,
	given: (Given | null)[]
): AttemptAnswer[] {
	return quiz.questions.flatMap((question, index) => {
		const answer = given[index];
		return answer
			? [
					{
						questionId: question.id,
						given: [...answer],
						correct: isCorrect(question, answer),
						ms: 0
					}
				]
			: [];
	});
}

/** Keys pressed to type a row of `groups` and save it: the letters, a space between, Enter. */
export function keystrokes(groups: readonly string[]): number {
	return groups.reduce((sum, group) => sum + [...group].length, 0) + groups.length;
}

const KHMER_ZERO = 0x17e0;
const latinDigits = (text: string) =>
	text.replace(/[\u17e0-\u17e9]/gu, (digit) => String(digit.charCodeAt(0) - KHMER_ZERO));

/**
 * A pairing code as written on a sheet, typed by the teacher: `K-07-2`, `k 7 2`, `K072`,
 * `ក-០៧-២` or `K-3-5+`. Returns the code as stored (`K-07-2`), null for an empty field,
 * or undefined if it is not a code (a month that does not exist, no letter…).
 */
export function parsePairingCode(typed: string): string | null | undefined {
	const text = latinDigits(typed.trim()).toUpperCase();
	if (text === '') return null;
	const match =
		/^(\p{L})[\s\-./]*(\d{1,2})[\s\-./]+(\d+)(\+?)$/u.exec(text) ??
		/^(\p{L})[\s\-./]*(\d{1,2})(\d)(\+?)$/u.exec(text);
	if (!match) return undefined;
	const [, letter, month, siblings, plus] = match;
	const count = Number(siblings);
	if (plus && count < 5) return undefined;
	const code = `${letter}-${month!.padStart(2, '0')}-${count >= 5 ? '5+' : String(count)}`;
	return normalizePairingCode(code) ?? undefined;
}

/** A sheet as typed: an answer or a blank per question, and its pairing code. */
export interface TypedSheet {
	given: (Given | null)[];
	pairingCode: string | null;
}

/** A sheet that looks like one typed already in this sitting: the same sheet twice, or a code. */
export type Repeat =
	{ kind: 'same-sheet'; number: number } | { kind: 'same-code'; number: number; code: string };

const answerText = (given: (Given | null)[]) =>
	given.map((answer) => (answer ? answer.join('') : '-')).join(' ');

/** The first earlier sheet (numbered from 1) that `sheet` repeats, if any. */
export function repeatOf(saved: readonly TypedSheet[], sheet: TypedSheet): Repeat | null {
	const answers = answerText(sheet.given);
	for (const [index, earlier] of saved.entries()) {
		if (earlier.pairingCode === sheet.pairingCode && answerText(earlier.given) === answers) {
			return { kind: 'same-sheet', number: index + 1 };
		}
	}
	if (sheet.pairingCode === null) return null;
	const index = saved.findIndex((earlier) => earlier.pairingCode === sheet.pairingCode);
	return index < 0 ? null : { kind: 'same-code', number: index + 1, code: sheet.pairingCode };
}
