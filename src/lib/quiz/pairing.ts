/**
 * The optional pairing code: made by the student from three things only they know, picked
 * from fixed choices (never typed), so that a trainer can match one student's pre and post
 * attempts without anyone's name. "K-07-2" = mother's name starts with K, born in July,
 * two older brothers or sisters. The student makes the same code before and after.
 *
 * The code is stored the same whatever the quiz's language: a Khmer consonant is kept as
 * the first Latin letter of its usual romanization (ក → K), so a pre-quiz taken in Khmer
 * pairs with a post-quiz taken in English. The student sees it in their own script.
 */
import type { Locale } from '$lib/content/types';
import { toKhmerDigits } from '$lib/format';

/** First letters to choose from: Khmer consonants for Khmer quizzes, A–Z for English ones. */
export const pairingLetters: Record<Locale, readonly string[]> = {
	en: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
	km: [...'កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ']
};

/** Each Khmer consonant offered, as the Latin letter its usual romanization begins with. */
const latinOfKhmer: ReadonlyMap<string, string> = new Map(
	Object.entries({
		K: 'កខគឃ',
		N: 'ងញណន',
		C: 'ចឆជឈ',
		D: 'ដឌ',
		T: 'ឋឍតថទធ',
		B: 'ប',
		P: 'ផពភ',
		M: 'ម',
		Y: 'យ',
		R: 'រ',
		L: 'លឡ',
		V: 'វ',
		S: 'ស',
		H: 'ហ',
		A: 'អ'
	}).flatMap(([latin, consonants]) =>
		[...consonants].map((consonant): [string, string] => [consonant, latin])
	)
);

export const pairingMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Older brothers and sisters; "5+" for five or more, so a big family is not singled out. */
export const pairingSiblings = ['0', '1', '2', '3', '4', '5+'] as const;
export type Siblings = (typeof pairingSiblings)[number];

export interface PairingChoices {
	letter: string;
	month: number;
	siblings: Siblings;
}

/** The language-free letter a chosen letter is stored as, or undefined if none is offered. */
function storedLetter(letter: string): string | undefined {
	if (pairingLetters.en.includes(letter)) return letter;
	return latinOfKhmer.get(letter);
}

function checked(choices: PairingChoices): { letter: string; month: string } {
	const letter = storedLetter(choices.letter);
	if (!letter) throw new RangeError('not a letter the station offers');
	if (!pairingMonths.includes(choices.month as (typeof pairingMonths)[number])) {
		throw new RangeError('not a month');
	}
	if (!pairingSiblings.includes(choices.siblings)) throw new RangeError('not a sibling count');
	return { letter, month: String(choices.month).padStart(2, '0') };
}

/** The code as it is stored and exported: Latin letter, two-digit month, siblings. */
export function pairingCode(choices: PairingChoices): string {
	const { letter, month } = checked(choices);
	return `${letter}-${month}-${choices.siblings}`;
}

/** The code as the student who made it reads it: their own letter, and Khmer digits in Khmer. */
export function shownPairingCode(choices: PairingChoices, locale: Locale): string {
	const { month } = checked(choices);
	const code = `${choices.letter}-${month}-${choices.siblings}`;
	return locale === 'km' ? toKhmerDigits(code) : code;
}

/** A sibling count as a tile shows it. */
export function shownSiblings(siblings: Siblings, locale: Locale): string {
	return locale === 'km' ? toKhmerDigits(siblings) : siblings;
}

const CODE_PATTERN = /^(.+)-(0[1-9]|1[0-2])-([0-4]|5\+)$/u;

/**
 * The stored form of a code read back from storage or an import, or null if it is not one.
 * Codes made before the stored form was language-free (`ក-07-2`) come back as `K-07-2`.
 */
export function normalizePairingCode(code: string): string | null {
	const match = CODE_PATTERN.exec(code);
	const letter = match ? storedLetter(match[1]!) : undefined;
	return letter ? `${letter}-${match![2]}-${match![3]}` : null;
}

/** Whether a stored or imported code has a shape `pairingCode` makes or once made. */
export function isPairingCode(code: string): boolean {
	return normalizePairingCode(code) !== null;
}
