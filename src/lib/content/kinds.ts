/**
 * What a kind of content (lesson, story, quiz, card) must provide to the compiler:
 * its folder, its front-matter schema with hints for authors, and a function that turns
 * one checked file into the object pages receive. Checks shared by every kind (ids,
 * sources, translation status, links, phone numbers) live in `compile.ts`.
 */
import { z } from 'zod';
import type { FieldHints, SplitFile } from './front-matter';
import type { ProblemList } from './problems';
import type { Contact, ContentMeta, KeyMessage, Locale, Source } from './types';

export interface CompileContext {
	sources: ReadonlyMap<string, Source>;
	contacts: ReadonlyMap<string, Contact>;
	messages: ReadonlyMap<string, KeyMessage>;
	/**
	 * Everything compiled, by kind (`lessons`, …) and language: complete by the time
	 * `checkAll` runs, so that one kind can check what it names in another.
	 */
	compiled: ReadonlyMap<string, Readonly<Record<Locale, readonly ContentMeta[]>>>;
	/** Files that failed to compile (already reported), as "lessons/<id>": not to be called missing. */
	broken: ReadonlySet<string>;
}

export interface CompileInput {
	file: string;
	locale: Locale;
	split: SplitFile;
	meta: ContentMeta;
	/** The front matter, already checked against the kind's schema. */
	fields: unknown;
	lineOf(path: readonly PropertyKey[]): number;
	problems: ProblemList;
	context: CompileContext;
	/** Reports links that would not work offline (other sites, phone or mail links). */
	checkLinks(line: number, links: string[]): void;
}

export interface ContentKind<Item extends ContentMeta> {
	/** Folder under `content/<locale>/`. */
	directory: string;
	/** What an author calls one: "lesson". */
	label: string;
	fields: z.ZodObject;
	hints: FieldHints;
	compile(input: CompileInput): Item | undefined;
	/** Checks between an English file and its translation (same session number, …). */
	checkTranslation?(english: Item, translation: Item, problems: ProblemList): void;
	/** Checks across every item of this kind in one language. */
	checkAll?(items: Item[], locale: Locale, problems: ProblemList, context: CompileContext): void;
}

/** `- care-smart` or `- care-smart: six key messages`, as YAML gives them. */
export const sourceEntry = z.union([
	z.string().trim().min(1),
	z
		.record(z.string(), z.string())
		.refine((entry) => Object.keys(entry).length === 1, 'name one source per line')
]);
