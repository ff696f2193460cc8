import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '$lib/crypto/bytes';

describe('base64url', () => {
	it('matches Node’s encoder, without padding, and decodes back', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
				const text = toBase64Url(bytes);
				expect(text).toBe(Buffer.from(bytes).toString('base64url'));
				expect(text).not.toContain('=');
				expect(fromBase64Url(text)).toEqual(bytes);
			})
		);
	});

	it('refuses characters outside the alphabet, padding and impossible lengths', () => {
		for (const text of ['ab+c', 'ab/c', 'abc=', 'ab c', 'abcde', 'a', 'é', 'YQ==']) {
			expect(() => fromBase64Url(text), text).toThrow(RangeError);
		}
	});

	it('refuses a second spelling of the same bytes (non-zero leftover bits)', () => {
		expect(fromBase64Url('YQ')).toEqual(utf8('a'));
		expect(() => fromBase64Url('YR')).toThrow(RangeError);
		expect(() => fromBase64Url('YWI')).not.toThrow();
		expect(() => fromBase64Url('YWJ')).toThrow(RangeError);
	});

	it('decodes the empty text to no bytes', () => {
		expect(fromBase64Url('')).toEqual(new Uint8Array(0));
	});
});

describe('UTF-8', () => {
	it('round-trips Khmer and a leading byte-order mark', () => {
		const text = '\uFEFFថ្នាក់ទី៨ក Grade 8A';
		expect(fromUtf8(utf8(text))).toBe(text);
	});

	it('throws on bytes that are not UTF-8 instead of inventing characters', () => {
		expect(() => fromUtf8(new Uint8Array([0x61, 0xff, 0x62]))).toThrow(TypeError);
		expect(() => fromUtf8(new Uint8Array([0xe1, 0x9e]))).toThrow(TypeError);
	});
});
