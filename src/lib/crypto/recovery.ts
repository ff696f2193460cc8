/**
 * The recovery sheet: the trainer's private key written as 24 words of the BIP39 English list
 * (@scure/bip39: 256 bits and an 8-bit checksum). Typed back in, the words may come with any
 * case, spacing, line breaks, commas and the numbers printed beside them; a word not on the
 * list is named with its place, and a swapped or wrong-but-listed word fails the checksum.
 */
import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';

export const RECOVERY_WORD_COUNT = 24;
const PRIVATE_KEY_BYTES = 32;
const WORDS = new Set(wordlist);

export function recoveryWords(privateKey: Uint8Array): string[] {
	if (privateKey.length !== PRIVATE_KEY_BYTES) {
		throw new RangeError(`A private key has ${PRIVATE_KEY_BYTES} bytes`);
	}
	return entropyToMnemonic(privateKey, wordlist).split(' ');
}

/** `position` counts from 1, as the sheet numbers the words. */
export type RecoveryProblem =
	| { kind: 'count'; found: number }
	| { kind: 'unknown-word'; word: string; position: number }
	| { kind: 'checksum' };

/**
 * The words as typed: split at spaces, line breaks, commas and semicolons; a number with its
 * "." or ")" (or "(1)", "#1") in front of a word (or standing alone) is the sheet's numbering and is dropped.
 */
function typedWords(text: string): string[] {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.split(/[\s,;]+/u)
		.map((token) => token.replace(/^[(#]?\d+[.):]?/u, '').replace(/[.:]+$/u, ''))
		.filter((token) => token !== '');
}

export function keyFromRecoveryWords(
	text: string
): { ok: true; privateKey: Uint8Array } | { ok: false; problem: RecoveryProblem } {
	const words = typedWords(text);
	const unknown = words.findIndex((word) => !WORDS.has(word));
	if (unknown >= 0) {
		return {
			ok: false,
			problem: { kind: 'unknown-word', word: words[unknown]!, position: unknown + 1 }
		};
	}
	if (words.length !== RECOVERY_WORD_COUNT) {
		return { ok: false, problem: { kind: 'count', found: words.length } };
	}
	try {
		return { ok: true, privateKey: mnemonicToEntropy(words.join(' '), wordlist) };
	} catch {
		return { ok: false, problem: { kind: 'checksum' } };
	}
}
