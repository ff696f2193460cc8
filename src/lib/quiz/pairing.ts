/**
 * The optional pairing code: made by the student from three things only they know, picked
 * from fixed choices (never typed), so that a trainer can match one student's pre and post
 * attempts without anyone's name. "K-07-2" = mother's name starts with K, born in July,
 * two older brothers or sisters. The student makes the same code before and after.
 */
import type { Locale } from '$lib/content/types';

/** First letters to choose from: Khmer consonants for Khmer quizzes, A–Z for English ones. */
export const pairingLetters: Record<Locale, readonly string[]> = {
	en: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
	km: [...'កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ']
};

export const pairingMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Older brothers and sisters; "5+" for five or more, so a big family is not singled out. */
export const pairingSiblings = ['0', '1', '2', '3', '4', '5+'] as const;
export type Siblings = (typeof pairingSiblings)[number];

export interface PairingChoices {
	letter: string;
	month: number;
	siblings: Siblings;
}

export function pairingCode(choices: PairingChoices): string {
	const letters = Object.values(pairingLetters).flat();
	if (!letters.includes(choices.letter)) throw new RangeError('not a letter the station offers');
	if (!pairingMonths.includes(choices.month as (typeof pairingMonths)[number])) {
		throw new RangeError('not a month');
	}
	if (!pairingSiblings.includes(choices.siblings)) throw new RangeError('not a sibling count');
	return `${choices.letter}-${String(choices.month).padStart(2, '0')}-${choices.siblings}`;
}

/** Whether a stored or imported code has the shape `pairingCode` makes. */
export function isPairingCode(code: string): boolean {
	const match = /^(.+)-(0[1-9]|1[0-2])-([0-4]|5\+)$/u.exec(code);
	return match !== null && Object.values(pairingLetters).flat().includes(match[1]!);
}
