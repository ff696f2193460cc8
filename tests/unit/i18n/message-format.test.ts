import { get } from 'svelte/store';
import { _, addMessages, init } from 'svelte-i18n';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '$lib/content/types';
import en from '$lib/i18n/en.json';
import km from '$lib/i18n/km.json';
import {
	formatMessage,
	numberStyle,
	parseMessage,
	toKhmerDigits,
	type MessageValue
} from '$lib/i18n/message-format';
import { messageProblems, messagesOf, withFallback, type MessageTree } from '$lib/i18n/messages';

function flatten(tree: MessageTree, prefix = ''): [string, string][] {
	return Object.entries(tree).flatMap(([key, value]) =>
		typeof value === 'string' ? [[prefix + key, value]] : flatten(value, `${prefix}${key}.`)
	);
}

/** The names a message formats, and which of them choose a plural case. */
function argumentsOf(message: string): { names: string[]; plurals: string[] } {
	const names = [...message.matchAll(/\{\s*(\w+)/g)].map((match) => match[1]!);
	const plurals = [...message.matchAll(/\{\s*(\w+)\s*,\s*plural/g)].map((match) => match[1]!);
	return { names: [...new Set(names)], plurals };
}

const numbers = [0, 1, 2, 5, 11, 21, 100, 1234, 1234567, 2.5];

/** Sample values for a message: every number in every argument, and text where text fits. */
function sampleValues(message: string): Record<string, MessageValue>[] {
	const { names, plurals } = argumentsOf(message);
	const samples: Record<string, MessageValue>[] = [{}];
	for (const n of numbers) samples.push(Object.fromEntries(names.map((name) => [name, n])));
	samples.push(
		Object.fromEntries(names.map((name) => [name, plurals.includes(name) ? 3 : `‹${name}›`]))
	);
	samples.push(Object.fromEntries(names.map((name) => [name, plurals.includes(name) ? 1 : ''])));
	return samples;
}

describe('the browser’s message formatter', () => {
	beforeAll(async () => {
		// svelte-i18n warns of every value left out on purpose below.
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		addMessages('en', en);
		addMessages('km', km);
		await init({ fallbackLocale: 'en', initialLocale: 'en' });
	});

	const svelteI18n = (key: string, locale: Locale, values?: Record<string, MessageValue>) =>
		get(_)(key, { locale, values: values as Record<string, string | number> | undefined });

	for (const [locale, file] of [
		['en', en],
		['km', km]
	] as const) {
		it(`formats every ${locale} string as svelte-i18n does, for numbers, text and missing values`, () => {
			const strings = flatten(file);
			expect(strings.length).toBeGreaterThan(100);
			let compared = 0;
			for (const [key, message] of strings) {
				const latin = numberStyle(locale, 'latin');
				expect(formatMessage(message, undefined, locale, latin), key).toBe(svelteI18n(key, locale));
				for (const values of sampleValues(message)) {
					expect(
						formatMessage(message, values, locale, latin),
						`${key} ${JSON.stringify(values)}`
					).toBe(svelteI18n(key, locale, values));
					compared += 1;
				}
			}
			expect(compared).toBeGreaterThan(strings.length * numbers.length);
		});
	}

	it('chooses plural cases, exact matches first, and writes # as a grouped number', () => {
		const message = '{n, plural, =0 {no file} one {# file} other {# files}} left';
		expect(formatMessage(message, { n: 0 }, 'en')).toBe('no file left');
		expect(formatMessage(message, { n: 1 }, 'en')).toBe('1 file left');
		expect(formatMessage(message, { n: 1234 }, 'en')).toBe('1,234 files left');
	});

	it('writes the numbers it is given in Khmer digits on Khmer pages, and text as it is', () => {
		expect(formatMessage('{cached} នៃ {count}', { cached: 120, count: 190 }, 'km')).toBe(
			'១២០ នៃ ១៩០'
		);
		expect(formatMessage('{n, plural, other {# ឯកសារ}}', { n: 1234 }, 'km')).toBe('១,២៣៤ ឯកសារ');
		expect(formatMessage('ថ្នាក់ {label}', { label: '7A' }, 'km')).toBe('ថ្នាក់ 7A');
		expect(formatMessage('{cached} of {count}', { cached: 120, count: 190 }, 'en')).toBe(
			'120 of 190'
		);
		expect(toKhmerDigits('0123456789')).toBe('០១២៣៤៥៦៧៨៩');
	});

	it('follows ICU quoting: an apostrophe quotes only braces and #, two make one', () => {
		expect(formatMessage("Tap a choice's vote", { n: 1 }, 'en')).toBe("Tap a choice's vote");
		expect(formatMessage("'{braces}' and it''s {n}", { n: 2 }, 'en')).toBe("{braces} and it's 2");
		expect(formatMessage("{n, plural, other {'#' is #}}", { n: 4 }, 'en')).toBe('# is 4');
		expect(formatMessage('{kind, select, pre {before} other {after}}', { kind: 'pre' }, 'en')).toBe(
			'before'
		);
		expect(formatMessage('{kind, select, pre {before} other {after}}', { kind: 'x' }, 'en')).toBe(
			'after'
		);
	});

	it('refuses what it cannot format the same way, naming the problem', () => {
		for (const message of [
			'{n, number}',
			'{d, date, short}',
			'{n, plural, offset:1 one {#} other {#}}',
			'{n, plural, one {# file}}',
			'{n, plural, one {a} one {b} other {c}}',
			'{n, selectordinal, one {#st} other {#th}}',
			'{unclosed',
			'{}'
		]) {
			expect(() => parseMessage(message), message).toThrow(/at character/);
		}
	});

	it('returns the message untouched when a value is missing, as svelte-i18n does', () => {
		expect(formatMessage('{a} and {b}', { a: 'x' }, 'en')).toBe('{a} and {b}');
	});
});

describe('the strings pages receive', () => {
	it('are every string of both files, each one the formatter can read', () => {
		expect(messageProblems(en, 'en.json')).toEqual([]);
		expect(messageProblems(km, 'km.json')).toEqual([]);
		expect(flatten(messagesOf('km'))).toEqual(flatten(km));
		expect(messageProblems({ a: { b: '{n, number}' } }, 'x.json')).toEqual([
			expect.stringMatching(/^x\.json: a\.b: "number" formatting is not supported/)
		]);
	});

	it('show English where a Khmer string is missing, and drop keys English lacks', () => {
		expect(
			withFallback(
				{ nav: { sessions: 'Sessions', cards: 'Cards' }, app: 'App' },
				{ nav: { sessions: 'វគ្គ', stale: 'ចាស់' } }
			)
		).toEqual({ nav: { sessions: 'វគ្គ', cards: 'Cards' }, app: 'App' });
	});
});
