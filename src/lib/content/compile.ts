/**
 * Compiles the whole `content/` folder into typed objects, or says what is wrong.
 * Pure: it takes the files' text and returns the content and the problems, so the
 * build, `npm run content:check` and the unit tests all run exactly the same checks.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkFields, parseYaml, splitFrontMatter, type SourceFile } from './front-matter';
import { cardKind } from './card';
import { sourceEntry, type CompileContext, type ContentKind } from './kinds';
import { guideKind } from './guide';
import { checkKhmerText, khmerBodyProse, type KhmerProse } from './khmer-digits';
import { lessonKind } from './lesson';
import { closest, ProblemList, sortProblems, type Problem } from './problems';
import { quizKind } from './quiz';
import { storyKind } from './story';
import {
	locales,
	type Contact,
	type ContentMeta,
	type KeyMessage,
	type Locale,
	type Source,
	type SourceRef,
	type TranslationStatus
} from './types';

export const kinds = {
	lessons: lessonKind,
	guides: guideKind,
	stories: storyKind,
	cards: cardKind,
	quizzes: quizKind
} satisfies Record<string, { directory: string }>;

type Kinds = typeof kinds;
type ItemOf<Kind> = Kind extends ContentKind<infer Item> ? Item : never;
export type Collections = { [Name in keyof Kinds]: Record<Locale, ItemOf<Kinds[Name]>[]> };

export interface CompiledContent extends Collections {
	sources: Source[];
	contacts: Contact[];
	messages: KeyMessage[];
}

export interface CompileResult {
	content: CompiledContent;
	problems: Problem[];
}

const SOURCES_FILE = 'content/sources.yml';
const CONTACTS_FILE = 'content/contacts.yml';
const MESSAGES_FILE = 'content/key-messages.yml';
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const sourceFields = z.strictObject({
	title: z.string().trim().min(1),
	publisher: z.string().trim().min(1),
	year: z.number().int().min(1900).max(2100).optional()
});

const contactFields = z.strictObject({
	id: z.string().regex(ID, 'use lower-case letters, digits and dashes'),
	number: z.string().regex(/^\+?[0-9][0-9 ]*[0-9]$/, 'digits and spaces only, as people dial it'),
	name: z.strictObject({ en: z.string().trim().min(1), km: z.string().trim().min(1) }),
	when: z.strictObject({ en: z.string().trim().min(1), km: z.string().trim().min(1) }),
	source: sourceEntry
});

const messageFields = z.strictObject({
	en: z.string().trim().min(1),
	km: z.string().trim().min(1),
	source: sourceEntry
});

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
const digits = (text: string) => text.replace(/\D/g, '');
const khmerDigits = /[\u17E0-\u17E9]/g;

/** Phone-like numbers: three or more groups of digits, or anything dialled with a `+`. */
const PHONE = /\+\s*\(?\d[\d\s().-]{5,}\d|\(?\b\d{2,4}\)?[\s.-]\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?\b/g;

function toSourceRef(entry: z.infer<typeof sourceEntry>): SourceRef {
	if (typeof entry === 'string') {
		const [id = '', ...rest] = entry.split(':');
		return { id: id.trim(), where: rest.join(':').trim() };
	}
	const [[id, where] = ['', '']] = Object.entries(entry);
	return { id: id.trim(), where: where.trim() };
}

function readSources(file: SourceFile | undefined, problems: ProblemList): Map<string, Source> {
	const sources = new Map<string, Source>();
	if (!file) {
		problems.error(SOURCES_FILE, 1, 'the list of sources is missing', 'create content/sources.yml');
		return sources;
	}
	const located = parseYaml(file.path, file.text, 1, problems);
	if (!located) return sources;
	const parsed = z.record(z.string().regex(ID), z.unknown()).safeParse(located.value);
	if (!parsed.success) {
		problems.error(
			file.path,
			1,
			'sources.yml is not a list of sources by id',
			'write each source as "care-smart:" followed by its indented title and publisher'
		);
		return sources;
	}
	for (const [id, value] of Object.entries(parsed.data)) {
		const fields = checkFields(
			file.path,
			{ value, lineOf: (path) => located.lineOf([id, ...path]) },
			sourceFields,
			{ title: 'title: "…"', publisher: 'publisher: CARE Cambodia', year: 'year: 2015' },
			problems
		);
		if (fields) sources.set(id, { id, ...fields, year: fields.year ?? 0 });
	}
	return sources;
}

function checkSourceRefs(
	file: string,
	refs: SourceRef[],
	lineOf: (index: number) => number,
	sources: ReadonlyMap<string, Source>,
	problems: ProblemList
): void {
	refs.forEach((ref, index) => {
		if (!sources.has(ref.id)) {
			problems.error(
				file,
				lineOf(index),
				`"${ref.id}" is not a known source`,
				`use one of ${[...sources.keys()].join(', ')}, or add it to content/sources.yml`
			);
		}
	});
}

function readContacts(
	file: SourceFile | undefined,
	sources: ReadonlyMap<string, Source>,
	problems: ProblemList
): Map<string, Contact> {
	const contacts = new Map<string, Contact>();
	if (!file) {
		problems.error(CONTACTS_FILE, 1, 'the list of contacts is missing', 'create content/contacts.yml');
		return contacts;
	}
	const located = parseYaml(file.path, file.text, 1, problems);
	if (!located) return contacts;
	if (!Array.isArray(located.value)) {
		problems.error(
			file.path,
			1,
			'contacts.yml is not a list',
			'start each contact with "- id: …" (see content/README.md)'
		);
		return contacts;
	}
	located.value.forEach((value: unknown, index) => {
		const lineOf = (path: readonly PropertyKey[]) => located.lineOf([index, ...path]);
		const fields = checkFields(
			file.path,
			{ value, lineOf },
			contactFields,
			{
				id: 'id: hotline-1288',
				number: 'number: "1288"',
				name: 'name: then "en: …" and "km: …" indented below it',
				when: 'when: then "en: …" and "km: …" indented below it',
				source: 'source: "care-smart: six key messages"'
			},
			problems
		);
		if (!fields) return;
		const source = toSourceRef(fields.source);
		checkSourceRefs(file.path, [source], () => lineOf(['source']), sources, problems);
		if (contacts.has(fields.id)) {
			problems.error(file.path, lineOf(['id']), `the contact id "${fields.id}" is used twice`, 'give each contact its own id');
		}
		contacts.set(fields.id, { ...fields, source });
	});
	for (const [index, contact] of [...contacts.values()].entries()) {
		for (const field of ['name', 'when'] as const) {
			const line = located.lineOf([index, field, 'km']);
			checkKhmerText(file.path, { line, text: contact[field].km }, contacts, problems);
		}
	}
	return contacts;
}

function readMessages(
	file: SourceFile | undefined,
	sources: ReadonlyMap<string, Source>,
	contacts: ReadonlyMap<string, Contact>,
	problems: ProblemList
): Map<string, KeyMessage> {
	const messages = new Map<string, KeyMessage>();
	if (!file) {
		problems.error(MESSAGES_FILE, 1, 'the list of key messages is missing', 'create content/key-messages.yml');
		return messages;
	}
	const located = parseYaml(file.path, file.text, 1, problems);
	if (!located) return messages;
	const parsed = z.record(z.string().regex(ID), z.unknown()).safeParse(located.value);
	if (!parsed.success) {
		problems.error(
			file.path,
			1,
			'key-messages.yml is not a list of messages by id',
			'write each message as "call-1288:" followed by its indented en, km and source'
		);
		return messages;
	}
	for (const [id, value] of Object.entries(parsed.data)) {
		const lineOf = (path: readonly PropertyKey[]) => located.lineOf([id, ...path]);
		const fields = checkFields(
			file.path,
			{ value, lineOf },
			messageFields,
			{ en: 'en: "If you are in trouble, call the 1288 hotline."', km: 'km: "…"', source: 'source: "care-smart: six key messages"' },
			problems
		);
		if (!fields) continue;
		const source = toSourceRef(fields.source);
		checkSourceRefs(file.path, [source], () => lineOf(['source']), sources, problems);
		checkKhmerText(file.path, { line: lineOf([id, 'km']), text: fields.km }, contacts, problems);
		messages.set(id, { id, text: { en: fields.en, km: fields.km }, source });
	}
	return messages;
}

/** Every phone-like number in content must be one that contacts.yml lists with a source. */
function checkPhoneNumbers(
	file: SourceFile,
	contacts: ReadonlyMap<string, Contact>,
	problems: ProblemList
): void {
	const known = new Set([...contacts.values()].map((contact) => digits(contact.number)));
	file.text.split(/\r?\n/).forEach((line, index) => {
		const western = line.replace(khmerDigits, (digit) =>
			String(digit.charCodeAt(0) - 0x17e0)
		);
		for (const match of western.matchAll(PHONE)) {
			if (!known.has(digits(match[0]))) {
				problems.error(
					file.path,
					index + 1,
					`"${match[0].trim()}" looks like a phone number that content/contacts.yml does not list`,
					'add it to contacts.yml with the source that confirms it, or remove it: a wrong number in a safety app does harm'
				);
			}
		}
	});
}

function checkLinks(file: string, problems: ProblemList) {
	return (line: number, links: string[]) => {
		for (const link of links) {
			if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) {
				problems.error(
					file,
					line,
					`the link "${link}" leaves the app`,
					'the app works offline and never calls other sites: write the name of the place in plain text instead'
				);
			}
		}
	};
}

interface Placed {
	locale: Locale;
	kind: keyof Kinds;
	file: SourceFile;
}

function placeFile(file: SourceFile, problems: ProblemList): Placed | undefined {
	const parts = file.path.split('/');
	const [, locale, directory] = parts;
	if (!locales.includes(locale as Locale)) {
		problems.error(
			file.path,
			1,
			`"${locale}" is not a language of the app`,
			`put the file under ${locales.map((code) => `content/${code}/`).join(' or ')}`
		);
		return undefined;
	}
	const kind = (Object.keys(kinds) as (keyof Kinds)[]).find(
		(name) => kinds[name].directory === directory
	);
	if (!kind || parts.length < 4) {
		const folders = Object.values(kinds).map((entry) => entry.directory);
		const guess = closest(directory ?? '', folders);
		problems.error(
			file.path,
			1,
			`"${directory}" is not a kind of content`,
			guess
				? `did you mean content/${locale}/${guess}/? Move the file there`
				: `move the file into one of ${folders.map((folder) => `content/${locale}/${folder}/`).join(', ')}`
		);
		return undefined;
	}
	return { locale: locale as Locale, kind, file };
}

/** Front-matter fields that readers see as text; the others are ids, numbers and references. */
const KHMER_PROSE_FIELDS = ['title', 'summary', 'objectives'] as const;

interface CommonFields {
	id: string;
	title: string;
	sources: z.infer<typeof sourceEntry>[];
	translation?: TranslationStatus;
}

function compileFile(
	placed: Placed,
	context: CompileContext,
	problems: ProblemList
): ContentMeta | undefined {
	const { file, locale } = placed;
	const kind = kinds[placed.kind] as ContentKind<ContentMeta>;
	const split = splitFrontMatter(file, problems);
	if (!split) return undefined;
	const located = parseYaml(file.path, split.yaml, split.yamlLine, problems);
	if (!located) return undefined;
	const fields = checkFields(file.path, located, kind.fields, kind.hints, problems) as
		| CommonFields
		| undefined;
	if (!fields) return undefined;

	let valid = true;
	if (!ID.test(fields.id)) {
		problems.error(
			file.path,
			located.lineOf(['id']),
			`the id "${fields.id}" is not allowed`,
			'use lower-case English letters, digits and dashes, like "six-key-messages"; it is the same in every language'
		);
		valid = false;
	}
	if (locale === 'en' && fields.translation && fields.translation !== 'original') {
		problems.error(
			file.path,
			located.lineOf(['translation']),
			`English is the original text, not a "${fields.translation}" translation`,
			'remove the translation field from English files'
		);
	}
	if (locale !== 'en' && (!fields.translation || fields.translation === 'original')) {
		problems.error(
			file.path,
			located.lineOf(['translation']),
			'a translation must say whether a native speaker has reviewed it',
			'add "translation: draft" (or "translation: reviewed" once it has been checked)'
		);
	}
	if (locale === 'km') {
		const front = located.value as Record<string, unknown>;
		const prose: KhmerProse[] = [];
		for (const field of KHMER_PROSE_FIELDS) {
			const value = front[field];
			if (typeof value === 'string') prose.push({ line: located.lineOf([field]), text: value });
			if (Array.isArray(value)) {
				value.forEach((entry, index) => {
					if (typeof entry === 'string') prose.push({ line: located.lineOf([field, index]), text: entry });
				});
			}
		}
		for (const piece of [...prose, ...khmerBodyProse(split, placed.kind)]) {
			checkKhmerText(file.path, piece, context.contacts, problems);
		}
	}
	const sources = fields.sources.map(toSourceRef);
	checkSourceRefs(
		file.path,
		sources,
		(index) => located.lineOf(['sources', index]),
		context.sources,
		problems
	);

	const meta: ContentMeta = {
		id: fields.id,
		title: fields.title,
		locale,
		translation: fields.translation ?? 'original',
		fallback: false,
		sources,
		version: hash(file.text),
		file: file.path
	};
	const item = kind.compile({
		file: file.path,
		locale,
		split,
		meta,
		fields,
		lineOf: located.lineOf,
		problems,
		context,
		checkLinks: checkLinks(file.path, problems)
	});
	return valid ? item : undefined;
}

export function compileContent(files: SourceFile[]): CompileResult {
	const problems = new ProblemList();
	const byPath = new Map(files.map((file) => [file.path, file]));
	const sources = readSources(byPath.get(SOURCES_FILE), problems);
	const contacts = readContacts(byPath.get(CONTACTS_FILE), sources, problems);
	const messages = readMessages(byPath.get(MESSAGES_FILE), sources, contacts, problems);
	const compiled = new Map<keyof Kinds, Record<Locale, ContentMeta[]>>();
	for (const name of Object.keys(kinds) as (keyof Kinds)[]) {
		compiled.set(name, { en: [], km: [] });
	}
	// Files that failed to compile (already reported), as "kind/id".
	const broken = new Set<string>();
	// English files that compiled but with errors (a question or a choice left out): a
	// translation compared with them would only repeat those errors, as "kind/id".
	const flawed = new Set<string>();
	const context: CompileContext = { sources, contacts, messages, compiled, broken };

	const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
	for (const file of sorted) {
		if (!file.path.endsWith('.md') || file.path === 'content/README.md') {
			if (file.path.endsWith('.yml') || file.path.endsWith('.md')) checkPhoneNumbers(file, contacts, problems);
			continue;
		}
		checkPhoneNumbers(file, contacts, problems);
		const placed = placeFile(file, problems);
		if (!placed) continue;
		const reported = problems.items.length;
		const item = compileFile(placed, context, problems);
		if (!item) {
			// Already reported; its translation should not also be called an orphan.
			const id = /^id:\s*['"]?([^'"\s]+)/m.exec(file.text)?.[1];
			if (id) broken.add(`${placed.kind}/${id}`);
			continue;
		}
		if (
			placed.locale === 'en' &&
			problems.items.slice(reported).some((problem) => problem.severity === 'error')
		) {
			flawed.add(`${placed.kind}/${item.id}`);
		}
		const list = compiled.get(placed.kind)![placed.locale];
		const twin = list.find((other) => other.id === item.id);
		if (twin) {
			problems.error(
				file.path,
				1,
				`the id "${item.id}" is already used by ${twin.file}`,
				'give each file its own id'
			);
			continue;
		}
		list.push(item);
	}

	const content = {
		sources: [...sources.values()],
		contacts: [...contacts.values()],
		messages: [...messages.values()]
	} as Record<
		string,
		unknown
	>;
	for (const [name, byLocale] of compiled) {
		const kind = kinds[name] as ContentKind<ContentMeta>;
		const english = new Map(byLocale.en.map((item) => [item.id, item]));
		for (const locale of locales) {
			kind.checkAll?.(byLocale[locale], locale, problems, context);
			if (locale === 'en') continue;
			for (const item of byLocale[locale]) {
				const original = english.get(item.id);
				if (!original && !broken.has(`${name}/${item.id}`)) {
					problems.error(
						item.file,
						1,
						`this ${kind.label} "${item.id}" has no English original`,
						`add ${item.file.replace(`content/${locale}/`, 'content/en/')} with the same id, or correct the id`
					);
				} else if (original && !flawed.has(`${name}/${original.id}`)) {
					kind.checkTranslation?.(original, item, problems);
				}
			}
			const translated = new Map(byLocale[locale].map((item) => [item.id, item]));
			for (const original of byLocale.en) {
				if (!translated.has(original.id)) {
					problems.warning(
						original.file,
						1,
						`the ${kind.label} "${original.id}" has no ${locale} translation yet`,
						`add ${original.file.replace('content/en/', `content/${locale}/`)} with "id: ${original.id}" (the app shows the English text meanwhile)`
					);
				}
			}
		}
		content[name] = {
			en: byLocale.en,
			km: byLocale.en.map((original) => {
				const translation = byLocale.km.find((item) => item.id === original.id);
				return translation ?? { ...original, fallback: true };
			})
		};
	}

	return { content: content as unknown as CompiledContent, problems: sortProblems(problems.items) };
}
