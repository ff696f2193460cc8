/**
 * Front matter: the YAML block between two `---` lines at the top of a content file.
 * It is checked against a zod schema, and every complaint is turned into a line number
 * in the original file and a fix in words, because content authors edit text files,
 * not TypeScript.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { closest, type ProblemList } from './problems';

export interface SourceFile {
	/** Path from the project root, with forward slashes: `content/en/lessons/x.md`. */
	path: string;
	text: string;
}

export interface Located<T> {
	value: T;
	/** Line in the file of the field at this path (or of its nearest parent). */
	lineOf(path: readonly PropertyKey[]): number;
}

/** Hints that tell an author how to write each field: `{ title: 'title: "Why people move"' }`. */
export type FieldHints = Record<string, string>;

const FENCE = /^---\s*$/;

export interface SplitFile {
	yaml: string;
	/** Line of the first YAML line (the line after the opening `---`). */
	yamlLine: number;
	body: string[];
	/** Line of the first body line. */
	bodyLine: number;
}

export function splitFrontMatter(file: SourceFile, problems: ProblemList): SplitFile | undefined {
	const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (!FENCE.test(lines[0] ?? '')) {
		problems.error(
			file.path,
			1,
			'the file does not start with front matter',
			'make the first line "---", then the fields (id, title, …), then another "---"'
		);
		return undefined;
	}
	const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
	if (end === -1) {
		problems.error(
			file.path,
			1,
			'the front matter is never closed',
			'add a line "---" after the last front-matter field'
		);
		return undefined;
	}
	return {
		yaml: lines.slice(1, end).join('\n'),
		yamlLine: 2,
		body: lines.slice(end + 1),
		bodyLine: end + 2
	};
}

/** Parses YAML, reporting syntax errors at their line. `firstLine` is the YAML's line in the file. */
export function parseYaml(
	file: string,
	yaml: string,
	firstLine: number,
	problems: ProblemList
): Located<unknown> | undefined {
	const counter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
	const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
	if (doc.errors.length > 0) {
		// An unclosed quote swallows the lines below it, so the parser notices it only at
		// the end: name the line where the quote opens instead, and nothing else.
		const quote = doc.errors.find((error) => error.code === 'MISSING_CHAR' && /quote/.test(error.message));
		if (quote) {
			const opened = findUnclosedQuote(yaml.split(/\r?\n/));
			problems.error(
				file,
				opened ? opened.index + firstLine : toLine(quote.pos[0]),
				opened ? 'the quote opened on this line is never closed' : 'a quote is never closed',
				`close the quote: add ${opened?.quote ?? 'the same quote mark'} at the end of the text`
			);
			return undefined;
		}
		for (const error of doc.errors) {
			problems.error(
				file,
				toLine(error.pos[0]),
				`the YAML cannot be read (${error.code.toLowerCase().replaceAll('_', ' ')})`,
				'check the indentation and put text containing ":" or "#" in double quotes'
			);
		}
		return undefined;
	}
	return {
		value: doc.toJS({ maxAliasCount: 0 }) as unknown,
		lineOf: (path) => lineOfPath(doc, path, toLine, firstLine)
	};
}

/** A value opened with a quote: after `key: `, `- ` or both. */
const QUOTED_VALUE = /^\s*(?:-\s+)?(?:[^\s"'#:][^"'#:]*:\s+)?(?:-\s+)?(["'])(.*)$/;

/** The first line whose quoted value does not end on that line (front matter has no longer ones). */
function findUnclosedQuote(lines: string[]): { index: number; quote: string } | undefined {
	for (const [index, line] of lines.entries()) {
		const match = QUOTED_VALUE.exec(line);
		if (!match) continue;
		const [, quote = '', rest = ''] = match;
		// In "…" a backslash escapes the next character; in '…' a quote is escaped by doubling it.
		const closing = quote === '"' ? /^(?:[^"\\]|\\.)*"/ : /^(?:[^']|'')*'(?!')/;
		if (!closing.test(rest)) return { index, quote };
	}
	return undefined;
}

function lineOfPath(
	doc: Document,
	path: readonly PropertyKey[],
	toLine: (offset: number) => number,
	fallback: number
): number {
	let node: unknown = doc.contents;
	let line = node && (node as Node).range ? toLine((node as Node).range![0]) : fallback;
	for (const key of path) {
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => (item.key as { value?: unknown } | null)?.value === key
			);
			if (!pair) break;
			const keyNode = pair.key as Node | null;
			if (keyNode?.range) line = toLine(keyNode.range[0]);
			node = pair.value;
		} else if (isSeq(node) && typeof key === 'number') {
			node = node.items[key];
			const range = (node as Node | undefined)?.range;
			if (range) line = toLine(range[0]);
		} else {
			break;
		}
	}
	return line;
}

function describePath(path: readonly PropertyKey[]): string {
	return path
		.map((key, index) =>
			typeof key === 'number' ? `[${key + 1}]` : `${index > 0 ? '.' : ''}${String(key)}`
		)
		.join('');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
	let current = value;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/**
 * Checks front matter against a strict zod object schema. Unknown fields, missing ones and
 * wrong values are each reported at their line with a suggested fix.
 */
export function checkFields<Schema extends z.ZodType>(
	file: string,
	located: Located<unknown>,
	schema: Schema,
	hints: FieldHints,
	problems: ProblemList
): z.infer<Schema> | undefined {
	const result = schema.safeParse(located.value);
	if (result.success) return result.data;
	const known = Object.keys(hints);
	for (const issue of result.error.issues) {
		const where = describePath(issue.path);
		const hint = hints[String(issue.path[0] ?? '')];
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const guess = closest(key, known);
				problems.error(
					file,
					located.lineOf([...issue.path, key]),
					`unknown field "${[...issue.path.map(String), key].join('.')}"`,
					guess
						? `did you mean "${guess}"? Rename it, or remove it`
						: `remove it; the fields allowed here are ${known.join(', ')}`
				);
			}
		} else if (valueAt(located.value, issue.path) === undefined && issue.path.length > 0) {
			problems.error(
				file,
				located.lineOf(issue.path),
				`the field "${where}" is missing`,
				hint ? `add it, for example: ${hint}` : 'add it (see content/README.md)'
			);
		} else {
			problems.error(
				file,
				located.lineOf(issue.path),
				`"${where || 'front matter'}" is not valid: ${issue.message}`,
				hint ? `write it like this: ${hint}` : 'see content/README.md for this field'
			);
		}
	}
	return undefined;
}
