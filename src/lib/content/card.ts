/**
 * Pocket cards: front matter, then the front, a line `--- back ---`, and the back. A side
 * is Markdown, plus two lines the compiler fills in from the shared lists so that a card
 * never carries its own copy of them: `[messages]` (or `[messages 1-3]`) for the key
 * messages the card names, and `[contacts]` for its contacts, with their numbers, then the
 * place for this device's local contacts (see `$lib/referral/slot.ts`).
 */
import { z } from 'zod';
import { cardSizeNames, type CardSize } from '../cards/sizes';
import type { FieldHints } from './front-matter';
import { sourceEntry, type CompileContext, type ContentKind } from './kinds';
import { renderBlock, renderInline } from './markdown';
import type { ProblemList } from './problems';
import type { CitedSource, ContentMeta, Locale } from './types';
import { CARD_CONTACTS } from '../referral/contacts';
import { localContactsSlot } from '../referral/slot';

export type CardSideName = 'front' | 'back';

export interface Card extends ContentMeta {
	size: CardSize;
	/** Ids of the key messages the card carries, from content/key-messages.yml. */
	messages: string[];
	/** Ids of the contacts it lists, from content/contacts.yml. */
	contacts: string[];
	/** Each side as HTML, already rendered; headings start at <h3>. */
	front: string;
	back: string;
}

/** `/data/cards.json`: a language's cards, with the sources they cite, for the cards pages. */
export interface CardsFile {
	cards: Card[];
	sources: CitedSource[];
}

export const cardFields = z.strictObject({
	id: z.string(),
	title: z.string().trim().min(1),
	size: z.enum(cardSizeNames),
	messages: z.array(z.string().trim().min(1)).min(1).optional(),
	contacts: z.array(z.string().trim().min(1)).min(1).optional(),
	sources: z.array(sourceEntry).min(1),
	translation: z.enum(['original', 'draft', 'reviewed']).optional()
});

export const cardHints: FieldHints = {
	id: 'id: who-to-call',
	title: 'title: "Who to call"',
	size: `size: credit-card (the sizes are ${cardSizeNames.join(', ')})`,
	messages: 'messages: then one "- call-1288" line per key message',
	contacts: 'contacts: then one "- hotline-1288" line per contact',
	sources: 'sources: then a "- care-smart: six key messages" line per source',
	translation: 'translation: draft'
};

const BACK = /^---\s*back\s*---\s*$/i;
const RULE = /^-{3,}\s*$/;
const MESSAGES = /^\[messages(?:\s+(\d+)\s*-\s*(\d+))?\]$/;
const CONTACTS = /^\[contacts\]$/;
/** Anything that looks like one of the two, to tell an author who mistyped one. */
const DIRECTIVE = /^\[\s*(messages?|contacts?)\b.*\]$/i;
/** Card headings sit under the page's own h1 and h2. */
const HEADING_SHIFT = 2;

interface Side {
	name: CardSideName;
	lines: string[];
	/** Line in the file of `lines[0]`. */
	firstLine: number;
}

interface SideInput {
	file: string;
	locale: Locale;
	messages: string[];
	contacts: string[];
	context: CompileContext;
	problems: ProblemList;
	checkLinks(line: number, links: string[]): void;
	/** What the `[messages]` (numbered from 1) and `[contacts]` lines have shown so far. */
	shown: { messages: Set<number>; contacts: boolean };
}

/**
 * Markdown-it renders raw HTML as text (`html: false`), so every `<hN>` in its output is
 * a heading it made; moving them down two levels cannot touch anything an author wrote.
 */
function shiftHeadings(html: string): string {
	return html.replace(
		/<(\/?)h([1-6])>/g,
		(_, slash: string, level: string) =>
			`<${slash}h${Math.min(6, Number(level) + HEADING_SHIFT)}>`
	);
}

function escapeText(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function renderMessages(
	match: RegExpExecArray,
	line: number,
	input: SideInput
): string | undefined {
	const { file, locale, messages, context, problems, shown } = input;
	if (messages.length === 0) {
		problems.error(
			file,
			line,
			'"[messages]" shows the card\'s key messages, but the card names none',
			'list them in the front matter under "messages:", or remove this line'
		);
		return undefined;
	}
	const from = match[1] ? Number(match[1]) : 1;
	const to = match[2] ? Number(match[2]) : messages.length;
	if (from < 1 || to > messages.length || from > to) {
		problems.error(
			file,
			line,
			`"${match[0]}" asks for messages ${from} to ${to}, but the card names ${messages.length}`,
			`use numbers from 1 to ${messages.length}, like "[messages 1-${Math.min(3, messages.length)}]"`
		);
		return undefined;
	}
	const items: string[] = [];
	for (let number = from; number <= to; number++) {
		shown.messages.add(number);
		const message = context.messages.get(messages[number - 1]!);
		// Unknown ids are reported once, at the front matter.
		if (message) items.push(`<li>${renderInline(message.text[locale]).html}</li>`);
	}
	const start = from > 1 ? ` start="${from}"` : '';
	return `<ol class="card-messages"${start}>${items.join('')}</ol>`;
}

function renderContacts(line: number, input: SideInput): string | undefined {
	const { file, locale, contacts, context, problems } = input;
	if (contacts.length === 0) {
		problems.error(
			file,
			line,
			'"[contacts]" lists the card\'s contacts, but the card names none',
			'list them in the front matter under "contacts:", like "- hotline-1288", or remove this line'
		);
		return undefined;
	}
	input.shown.contacts = true;
	const items = contacts.flatMap((id) => {
		const contact = context.contacts.get(id);
		if (!contact) return [];
		return [
			`<li><span class="card-number">${escapeText(contact.number)}</span> ` +
				`<span class="card-contact">${escapeText(contact.name[locale])}</span></li>`
		];
	});
	// Then the local contacts this device keeps (Settings), or lines to write them on.
	const local = localContactsSlot(locale, { short: true, blanks: 2, max: CARD_CONTACTS });
	return `<ul class="card-contacts">${items.join('')}</ul>${local}`;
}

/** One side: Markdown, with `[messages]` and `[contacts]` lines filled in. */
function renderSide(side: Side, input: SideInput): string {
	const html: string[] = [];
	let markdown: string[] = [];
	let markdownLine = side.firstLine;
	const flush = () => {
		const rendered = renderBlock(markdown.join('\n'));
		for (const link of rendered.links) {
			const at = markdown.findIndex((line) => line.includes(link));
			input.checkLinks(markdownLine + Math.max(at, 0), [link]);
		}
		if (/<th(?: [^>]*)?><\/th>/.test(rendered.html)) {
			const at = markdown.findIndex((line) => line.trim().startsWith('|'));
			input.problems.error(
				input.file,
				markdownLine + Math.max(at, 0),
				'a column of the table has no heading',
				'write a heading in every cell of the first row, like "| Cost | At home | Away |"; screen readers read it out'
			);
		}
		if (rendered.html) html.push(shiftHeadings(rendered.html));
		markdown = [];
	};
	side.lines.forEach((raw, index) => {
		const line = side.firstLine + index;
		const text = raw.trim();
		const messages = MESSAGES.exec(text);
		if (messages || CONTACTS.test(text)) {
			flush();
			markdownLine = line + 1;
			const block = messages ? renderMessages(messages, line, input) : renderContacts(line, input);
			if (block) html.push(block);
		} else if (DIRECTIVE.test(text)) {
			input.problems.error(
				input.file,
				line,
				`"${text}" is not a line the card understands`,
				'write "[messages]", "[messages 1-3]" or "[contacts]" alone on the line'
			);
		} else {
			if (markdown.length === 0) markdownLine = line;
			markdown.push(raw);
		}
	});
	flush();
	return html.join('\n');
}

/** Splits the body at the `--- back ---` line, reporting a missing or repeated one. */
function splitSides(
	file: string,
	body: string[],
	bodyLine: number,
	problems: ProblemList
): Side[] | undefined {
	const backAt = body.findIndex((line) => BACK.test(line));
	let valid = true;
	body.forEach((line, index) => {
		if (index !== backAt && BACK.test(line)) {
			problems.error(
				file,
				bodyLine + index,
				'a second "--- back ---" line',
				'a card has one front and one back: remove this line, or make another card'
			);
			valid = false;
		} else if (RULE.test(line)) {
			problems.error(
				file,
				bodyLine + index,
				'a line "---" inside a card',
				'write "--- back ---" where the back begins; a card has no other separators'
			);
			valid = false;
		}
	});
	if (backAt === -1) {
		problems.error(
			file,
			Math.min(bodyLine, bodyLine + body.length - 1),
			'the card has no back',
			'after the front, write a line "--- back ---", then the text of the back'
		);
		return undefined;
	}
	const sides: Side[] = [
		{ name: 'front', lines: body.slice(0, backAt), firstLine: bodyLine },
		{ name: 'back', lines: body.slice(backAt + 1), firstLine: bodyLine + backAt + 1 }
	];
	for (const side of sides) {
		if (side.lines.every((line) => line.trim() === '')) {
			problems.error(
				file,
				side.name === 'front' ? bodyLine : bodyLine + backAt,
				`the ${side.name} of the card is empty`,
				side.name === 'front'
					? 'write the front\'s text before the "--- back ---" line'
					: 'write the back\'s text after the "--- back ---" line'
			);
			valid = false;
		}
	}
	return valid ? sides : undefined;
}

function checkIds(
	file: string,
	field: 'messages' | 'contacts',
	ids: string[],
	known: ReadonlyMap<string, unknown>,
	lineOf: (path: readonly PropertyKey[]) => number,
	problems: ProblemList
): void {
	const listFile = field === 'messages' ? 'content/key-messages.yml' : 'content/contacts.yml';
	// An empty list is missing or broken, and already reported as such.
	if (known.size === 0) return;
	ids.forEach((id, index) => {
		if (!known.has(id)) {
			problems.error(
				file,
				lineOf([field, index]),
				`"${id}" is not in ${listFile}`,
				`use one of ${[...known.keys()].join(', ')}`
			);
		} else if (ids.indexOf(id) !== index) {
			problems.error(file, lineOf([field, index]), `"${id}" is named twice`, 'name it once');
		}
	});
}

const sameList = (a: string[], b: string[]) =>
	a.length === b.length && a.every((id, index) => id === b[index]);

export const cardKind: ContentKind<Card> = {
	directory: 'cards',
	label: 'card',
	fields: cardFields,
	hints: cardHints,

	checkTranslation(english, translation, problems) {
		if (english.size !== translation.size) {
			problems.error(
				translation.file,
				1,
				`size is ${translation.size} here but ${english.size} in ${english.file}`,
				'make the size the same in every language, so that both print on the same sheet'
			);
		}
		for (const field of ['messages', 'contacts'] as const) {
			if (!sameList(english[field], translation[field])) {
				problems.error(
					translation.file,
					1,
					`${field} are [${translation[field].join(', ')}] here but [${english[field].join(', ')}] in ${english.file}`,
					`name the same ${field}, in the same order, in every language`
				);
			}
		}
	},

	compile({ file, locale, split, meta, fields, lineOf, problems, context, checkLinks }) {
		const front = fields as z.infer<typeof cardFields>;
		// A card with any fault is left out, so its translation is not compared with it.
		const errorsBefore = problems.errors.length;
		const messages = front.messages ?? [];
		const contacts = front.contacts ?? [];
		checkIds(file, 'messages', messages, context.messages, lineOf, problems);
		checkIds(file, 'contacts', contacts, context.contacts, lineOf, problems);

		const sides = splitSides(file, split.body, split.bodyLine, problems);
		if (!sides) return undefined;
		const input: SideInput = {
			file,
			locale,
			messages,
			contacts,
			context,
			problems,
			checkLinks,
			shown: { messages: new Set(), contacts: false }
		};
		const [frontHtml, backHtml] = sides.map((side) => renderSide(side, input));

		const missing = messages.filter((_, index) => !input.shown.messages.has(index + 1));
		if (missing.length > 0) {
			problems.error(
				file,
				lineOf(['messages']),
				`the card names ${missing.map((id) => `"${id}"`).join(', ')} but shows ${missing.length === 1 ? 'it' : 'them'} on neither side`,
				'put a line "[messages]" (or "[messages 1-3]" and "[messages 4-6]") where they should appear'
			);
		}
		if (contacts.length > 0 && !input.shown.contacts) {
			problems.error(
				file,
				lineOf(['contacts']),
				'the card names contacts but shows them on neither side',
				'put a line "[contacts]" where their numbers should appear'
			);
		}

		if (problems.errors.length > errorsBefore) return undefined;
		return {
			...meta,
			size: front.size,
			messages,
			contacts,
			front: frontHtml!,
			back: backHtml!
		};
	}
};
