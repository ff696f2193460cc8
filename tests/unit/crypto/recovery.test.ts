import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '$lib/crypto/hpke';
import { keyFromRecoveryWords, recoveryWords } from '$lib/crypto/recovery';

const privateKey = Uint8Array.from({ length: 32 }, (_, index) => (index * 37 + 11) & 0xff);

describe('recovery words', () => {
	it('writes a private key as 24 words of the BIP39 English list and reads it back', async () => {
		for (const key of [privateKey, (await generateKeyPair()).privateKey]) {
			const words = recoveryWords(key);
			expect(words).toHaveLength(24);
			for (const word of words) expect(wordlist).toContain(word);
			const read = keyFromRecoveryWords(words.join(' '));
			expect(read).toEqual({ ok: true, privateKey: key });
		}
	});

	it('gives the BIP39 reference words for 32 bytes of 0x7f (Trezor test vectors)', () => {
		expect(recoveryWords(new Uint8Array(32).fill(0x7f)).join(' ')).toBe(
			'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title'
		);
	});

	it('reads words typed with capitals, extra spaces, line breaks, commas and numbering', () => {
		const words = recoveryWords(privateKey);
		const typed = words
			.map((word, index) => {
				const number = index + 1;
				const shown = index % 3 === 0 ? word.toUpperCase() : index % 3 === 1 ? ` ${word}` : word;
				const numbering = [`${number}.`, `${number})`, `(${number})`, `${number}.`][index % 4];
				return `${numbering} ${shown}${index % 5 === 4 ? ',\n' : '  '}`;
			})
			.join('');
		expect(keyFromRecoveryWords(`\n  ${typed}\r\n`)).toEqual({ ok: true, privateKey });
		expect(keyFromRecoveryWords(words.map((w, i) => `${i + 1}.${w}`).join('\t'))).toEqual({
			ok: true,
			privateKey
		});
	});

	it('counts the words when there are not 24', () => {
		const words = recoveryWords(privateKey);
		expect(keyFromRecoveryWords(words.slice(1).join(' '))).toEqual({
			ok: false,
			problem: { kind: 'count', found: 23 }
		});
		expect(keyFromRecoveryWords(`${words.join(' ')} abandon`)).toEqual({
			ok: false,
			problem: { kind: 'count', found: 25 }
		});
		expect(keyFromRecoveryWords('  \n ')).toEqual({
			ok: false,
			problem: { kind: 'count', found: 0 }
		});
	});

	it('names a misspelt word and its place on the sheet', () => {
		const words = recoveryWords(privateKey);
		const typed = [...words];
		typed[6] = `${words[6]!.slice(0, -1)}q`;
		const read = keyFromRecoveryWords(typed.map((w, i) => `${i + 1}. ${w}`).join('\n'));
		expect(read).toEqual({
			ok: false,
			problem: { kind: 'unknown-word', word: typed[6], position: 7 }
		});
	});

	it('fails the checksum when two words are swapped or one listed word is wrong', () => {
		const words = recoveryWords(privateKey);
		const swapped = [...words];
		const first = swapped.findIndex((word, index) => word !== swapped[index + 1]);
		[swapped[first], swapped[first + 1]] = [swapped[first + 1]!, swapped[first]!];
		expect(keyFromRecoveryWords(swapped.join(' '))).toEqual({
			ok: false,
			problem: { kind: 'checksum' }
		});
		const last = [...words];
		last[23] = last[23] === 'abandon' ? 'ability' : 'abandon';
		expect(keyFromRecoveryWords(last.join(' '))).toEqual({
			ok: false,
			problem: { kind: 'checksum' }
		});
	});

	it('refuses to write a key that is not 32 bytes', () => {
		expect(() => recoveryWords(new Uint8Array(16))).toThrow(RangeError);
	});
});
