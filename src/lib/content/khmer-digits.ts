/**
 * One digit system in Khmer: Khmer text writes its figures, minutes and money in Khmer
 * digits (០–៩), and only phone numbers keep the Latin digits they are dialled with. This
 * finds Latin digits in the prose of a Khmer file, leaving out what is syntax, not prose:
 * ids, `Question:`/`Type:`/`Checks:` lines, story `if:`/`set:` lines, `(N min)` of a part,
 * the numbers of a numbered list, inserts like `[messages 1-3]`, and inline code.
 */
import type { SplitFile } from './front-matter';
import type { ProblemList } from './problems';
import type { Contact } from './types';

const KHMER_ZERO = 0x17e0;
const FENCE = /^\s*(```|~~~)/;
/** Lines that are all syntax: their words stay in English and their values are ids or rules. */
const SYNTAX_LINE = /^\s*(Question|Type|Checks|Ending|Messages|Help|if|set):/;
const PART = /^(?:Part|Activity):(.*?)\(\s*\d+\s*min\)\s*$/;
const LIST_NUMBER = /^\s*\d+[.)]\s+/;
const PASSAGE_ID = /^##\s+[a-z0-9]+(?:-[a-z0-9]+)*:/;
const CHOICE_TARGET = /(?:→|->)\s*\S*\s*$/;
const INSERT = /\[\s*(?:messages?|contacts?)\b[^\]]*\]/gi;
const INLINE_CODE = /`[^`]*`/g;
const LATIN_DIGITS = /[0-9]+(?:[.,][0-9]+)*/g;

export const toKhmerDigits = (text: string) =>
	text.replace(/[0-9]/g, (digit) => String.fromCharCode(KHMER_ZERO + Number(digit)));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A contact's number as it may be written: its own spacing, or none. */
function numberPattern(number: string, digits: (text: string) => string): RegExp {
	const parts = number.trim().split(/\s+/).map((part) => escape(digits(part)));
	return new RegExp(`(?<![0-9\\u17E0-\\u17E9])${parts.join('\\s*')}(?![0-9\\u17E0-\\u17E9])`, 'g');
}

export interface KhmerProse {
	line: number;
	text: string;
}

/** Warns about Latin digits in one piece of Khmer prose, and a phone number put into Khmer digits. */
export function checkKhmerText(
	file: string,
	prose: KhmerProse,
	contacts: ReadonlyMap<string, Contact>,
	problems: ProblemList
): void {
	let text = prose.text;
	for (const contact of contacts.values()) {
		for (const written of text.match(numberPattern(contact.number, toKhmerDigits)) ?? []) {
			problems.warning(
				file,
				prose.line,
				`"${written}" is a phone number written in Khmer digits`,
				`write it as it is dialled, ${contact.number}: phone numbers keep their Latin digits`
			);
		}
		text = text.replace(numberPattern(contact.number, (part) => part), ' ');
	}
	const latin = text.match(LATIN_DIGITS);
	if (!latin) return;
	const quoted = (list: string[]) => list.map((digits) => `"${digits}"`).join(', ');
	problems.warning(
		file,
		prose.line,
		`Latin digits ${quoted(latin)} in Khmer text`,
		`write ${latin.map(toKhmerDigits).join(', ')} instead: Khmer text uses Khmer digits (០–៩), and only the phone numbers of content/contacts.yml keep the digits they are dialled with`
	);
}

/** The prose of a Khmer content file's body, line by line, without the syntax around it. */
export function khmerBodyProse(split: SplitFile, kind: string): KhmerProse[] {
	const prose: KhmerProse[] = [];
	let fenced = false;
	split.body.forEach((raw, index) => {
		if (FENCE.test(raw)) {
			fenced = !fenced;
			return;
		}
		if (fenced || SYNTAX_LINE.test(raw)) return;
		let text = PART.exec(raw)?.[1] ?? raw;
		text = text.replace(LIST_NUMBER, '').replace(INSERT, ' ').replace(INLINE_CODE, ' ');
		if (kind === 'stories') text = text.replace(PASSAGE_ID, '').replace(CHOICE_TARGET, '');
		if (text.trim() !== '') prose.push({ line: split.bodyLine + index, text });
	});
	return prose;
}
