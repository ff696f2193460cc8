/**
 * The part of ICU MessageFormat that the interface strings use, small enough to ship to the
 * browser instead of intl-messageformat: `{name}`, `{n, plural, =0 {…} one {# file} other {…}}`
 * and `{kind, select, a {…} other {…}}`, with ICU's apostrophe quoting. It formats exactly as
 * svelte-i18n does (a unit test compares both on every string), except that Khmer shows the
 * numbers it is given in Khmer digits. Anything else (`{n, number}`, dates, offsets) is refused
 * when the strings are built, so it cannot silently format differently.
 */
import type { Locale } from '$lib/content/types';

export type MessageValue = string | number | Date | boolean;

/** A parsed message: text, an argument, `#` (the plural's number), or a plural or select. */
type Part = string | typeof POUND | [name: string] | [name: string, plural: boolean, Options];
type Options = Record<string, Part[]>;

const POUND = 0;
const SPACE = /\s/;
const NAME = /[^\s{},#'<>=]/;

export class MessageSyntaxError extends Error {}

/** Parses a message; throws MessageSyntaxError on anything outside the supported subset. */
export function parseMessage(message: string): Part[] {
	let at = 0;
	const fail = (what: string): never => {
		throw new MessageSyntaxError(`${what} at character ${at + 1} of "${message}"`);
	};
	const skipSpace = () => {
		while (at < message.length && SPACE.test(message[at]!)) at += 1;
	};
	const word = (): string => {
		const start = at;
		while (at < message.length && NAME.test(message[at]!)) at += 1;
		return message.slice(start, at);
	};
	const expect = (char: string) => {
		skipSpace();
		if (message[at] !== char) fail(`"${char}" expected`);
		at += 1;
	};

	// ICU 4.8 quoting: an apostrophe starts quoted text only before a character that needs
	// it (`{`, `}`, `<`, `>`, and `#` inside a plural); two apostrophes are one.
	function quoted(inPlural: boolean): string | undefined {
		const next = message[at + 1];
		if (next === "'") {
			at += 2;
			return "'";
		}
		if (!(
			next === '{' ||
			next === '}' ||
			next === '<' ||
			next === '>' ||
			(next === '#' && inPlural)
		))
			return undefined;
		at += 1;
		let text = '';
		while (at < message.length) {
			if (message[at] === "'") {
				if (message[at + 1] !== "'") {
					at += 1;
					return text;
				}
				at += 1;
			}
			text += message[at];
			at += 1;
		}
		return text;
	}

	function parts(nested: boolean, inPlural: boolean): Part[] {
		const list: Part[] = [];
		let text = '';
		while (at < message.length) {
			const char = message[at]!;
			if (char === "'") {
				const literal = quoted(inPlural);
				if (literal !== undefined) {
					text += literal;
					continue;
				}
			} else if (char === '{' || (char === '}' && nested) || (char === '#' && inPlural)) {
				if (text) list.push(text);
				text = '';
				if (char === '}') return list;
				if (char === '#') {
					at += 1;
					list.push(POUND);
				} else {
					list.push(argument());
				}
				continue;
			}
			text += char;
			at += 1;
		}
		if (nested) fail('"}" expected');
		if (text) list.push(text);
		return list;
	}

	function argument(): Part {
		at += 1; // `{`
		skipSpace();
		const name = word();
		if (!name) fail('an argument name expected');
		skipSpace();
		if (message[at] === '}') {
			at += 1;
			return [name];
		}
		expect(',');
		skipSpace();
		const type = word();
		if (type !== 'plural' && type !== 'select') fail(`"${type}" formatting is not supported`);
		expect(',');
		const options: Options = {};
		for (;;) {
			skipSpace();
			if (message[at] === '}') break;
			const selector = message[at] === '=' && type === 'plural' ? '=' + (at++, word()) : word();
			if (!selector || selector === '=') fail('a plural or select case expected');
			if (selector in options) fail(`case "${selector}" given twice`);
			expect('{');
			options[selector] = parts(true, type === 'plural');
			at += 1; // `}`
		}
		at += 1;
		if (!options.other) fail(`the ${type} of "${name}" has no "other" case`);
		return [name, type === 'plural', options];
	}

	return parts(false, false);
}

const parsed = new Map<string, Part[]>();

export interface NumberStyle {
	/** How a number given as a value is written: as svelte-i18n does, `String(n)`. */
	value(n: number): string;
	/** How `#` is written: as svelte-i18n does, `Intl.NumberFormat(locale)`. */
	pound(n: number): string;
}

const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';

/** Latin digits written as Khmer ones: "12" → "១២". */
export function toKhmerDigits(text: string): string {
	return text.replace(/[0-9]/g, (digit) => KHMER_DIGITS[Number(digit)]!);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** Khmer pages write numbers in Khmer digits (Chromium's 'km' formats with Latin ones). */
export function numberStyle(locale: Locale, digits: 'native' | 'latin' = 'native'): NumberStyle {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
	const native = locale === 'km' && digits === 'native' ? toKhmerDigits : (text: string) => text;
	return { value: (n) => native(String(n)), pound: (n) => native(format.format(n)) };
}

/**
 * The message with its values in place. Like svelte-i18n, it returns the message untouched
 * when no values are given, or when it cannot be formatted (a value missing).
 */
export function formatMessage(
	message: string,
	values: Record<string, MessageValue> | undefined,
	locale: Locale,
	numbers: NumberStyle = numberStyle(locale)
): string {
	if (!values) return message;
	try {
		let tree = parsed.get(message);
		if (!tree) parsed.set(message, (tree = parseMessage(message)));
		return write(tree, values, locale, numbers);
	} catch {
		return message;
	}
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function write(
	tree: Part[],
	values: Record<string, MessageValue>,
	locale: Locale,
	numbers: NumberStyle,
	count?: number
): string {
	let text = '';
	for (const part of tree) {
		if (typeof part === 'string') {
			text += part;
			continue;
		}
		if (part === POUND) {
			text += count === undefined ? '' : numbers.pound(count);
			continue;
		}
		const [name, plural, options] = part;
		if (!(name in values)) throw new Error(`No value for {${name}}`);
		const value = values[name];
		if (!options) {
			text += typeof value === 'number' ? numbers.value(value) : value ? String(value) : '';
		} else if (plural) {
			const n = Number(value);
			let rules = pluralRules.get(locale);
			if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
			const chosen = options[`=${n}`] ?? options[rules.select(n)] ?? options.other!;
			text += write(chosen, values, locale, numbers, n);
		} else {
			text += write(options[String(value)] ?? options.other!, values, locale, numbers);
		}
	}
	return text;
}
