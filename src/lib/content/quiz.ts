/**
 * Quizzes: front matter, then questions separated by `---` lines. A question opens with
 * `Question: <id>`, `Type: <type>` and `Checks: <key message>` lines, then its text, its
 * options (`- [x]` correct, `- [ ]` wrong; a numbered list, in the right order, for `order`)
 * and `Explanation:`. Pairs of pre and post quizzes must point at each other and check the
 * same key messages, so that a trainer can compare what a class knew before and after; how
 * well the questions are written (`./item-writing.ts`) is checked once every quiz is read.
 */
import { z } from 'zod';
import type { FieldHints } from './front-matter';
import { sourceEntry, type CompileContext, type ContentKind } from './kinds';
import {
	checkForm,
	checkFormWording,
	checkParallel,
	checkQuestions,
	type WrittenQuestion,
	type WrittenQuiz
} from './item-writing';
import { plainText, renderBlock, renderInline } from './markdown';
import { closest, type ProblemList } from './problems';
import type { Locale } from './types';
import {
	purposes,
	questionTypes,
	type Question,
	type QuestionOption,
	type QuestionType,
	type Quiz
} from '$lib/quiz/types';

export const quizFields = z.strictObject({
	id: z.string(),
	title: z.string().trim().min(1),
	purpose: z.enum(purposes),
	pair: z.string().trim().min(1).optional(),
	lesson: z.string().trim().min(1).optional(),
	sources: z.array(sourceEntry).min(1),
	translation: z.enum(['original', 'draft', 'reviewed']).optional()
});

export const quizHints: FieldHints = {
	id: 'id: before-the-sessions',
	title: 'title: "What do you know about safe migration?"',
	purpose: 'purpose: pre (or post, or practice)',
	pair: 'pair: after-the-sessions (the id of the matching post quiz)',
	lesson: 'lesson: six-key-messages (the id of the lesson a practice quiz belongs to)',
	sources: 'sources: then a "- care-smart: six key messages" line per source',
	translation: 'translation: draft'
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEPARATOR = /^---\s*$/;
const HEADER = /^([A-Z][A-Za-z-]*):\s*(.*)$/;
const HEADER_NAMES = ['Question', 'Type', 'Checks'] as const;
const CHECKBOX = /^[-*+]\s+\[([ xX])\]\s+(.*)$/;
const BULLET = /^[-*+]\s+(.*)$/;
const NUMBERED = /^\d+[.)]\s+(.*)$/;
const EXPLANATION = /^Explanation:\s*(.*)$/;
const KEYS = 'abcdefghij';

/** Where things are in each file, for checks made after every quiz is compiled. */
interface QuizLines {
	purpose: number;
	pair: number;
	lesson: number;
	questions: Map<string, number>;
	/** Some question had a fault (already reported) and was left out. */
	incomplete: boolean;
	/** The questions as written, for the item-writing checks. */
	written: WrittenQuiz;
}
const linesOf = new WeakMap<Quiz, QuizLines>();

interface Line {
	text: string;
	number: number;
}

interface Item {
	kind: 'checkbox' | 'bullet' | 'numbered';
	checked: boolean;
	text: string;
	line: number;
}

function splitQuestions(body: string[], bodyLine: number): Line[][] {
	const chunks: Line[][] = [[]];
	body.forEach((text, index) => {
		if (SEPARATOR.test(text)) chunks.push([]);
		else chunks.at(-1)!.push({ text, number: bodyLine + index });
	});
	return chunks.filter((chunk) => chunk.some((line) => line.text.trim() !== ''));
}

function readItem(text: string, line: number): Item | undefined {
	const checkbox = CHECKBOX.exec(text);
	if (checkbox) {
		return { kind: 'checkbox', checked: checkbox[1] !== ' ', text: checkbox[2]!, line };
	}
	const numbered = NUMBERED.exec(text);
	if (numbered) return { kind: 'numbered', checked: false, text: numbered[1]!, line };
	const bullet = BULLET.exec(text);
	if (bullet) return { kind: 'bullet', checked: false, text: bullet[1]!, line };
	return undefined;
}

interface QuestionInput {
	file: string;
	locale: Locale;
	lines: Line[];
	seen: Map<string, number>;
	problems: ProblemList;
	context: CompileContext;
	checkLinks(line: number, links: string[]): void;
}

/** Reads one question, reporting every fault at its line; undefined when it cannot be used. */
function readQuestion(
	input: QuestionInput
): { question: Question; written: WrittenQuestion } | undefined {
	const { file, problems, context } = input;
	const lines = input.lines.slice(input.lines.findIndex((line) => line.text.trim() !== ''));
	const first = lines[0]!.number;
	let ok = true;
	const fail = (line: number, message: string, fix: string) => {
		problems.error(file, line, message, fix);
		ok = false;
	};

	const header = new Map<string, Line & { value: string }>();
	let cursor = 0;
	for (; cursor < lines.length; cursor++) {
		const line = lines[cursor]!;
		const match = HEADER.exec(line.text.trim());
		if (!match || match[1] === 'Explanation') break;
		const name = match[1]!;
		if (!(HEADER_NAMES as readonly string[]).includes(name)) {
			const guess = closest(name, HEADER_NAMES);
			fail(
				line.number,
				`"${name}:" is not a question line`,
				guess
					? `did you mean "${guess}:"? Leave an empty line before the question's text`
					: `a question starts with ${HEADER_NAMES.map((known) => `"${known}:"`).join(', ')} lines, then an empty line and its text`
			);
		} else if (header.has(name)) {
			fail(line.number, `"${name}:" is given twice`, 'keep one of them');
		} else {
			header.set(name, { ...line, value: match[2]!.trim() });
		}
	}

	const idLine = header.get('Question');
	if (!idLine || !idLine.value) {
		fail(
			first,
			'a question has no id',
			'start the question with a line like "Question: passport" (an id that never changes)'
		);
		return undefined;
	}
	const id = idLine.value;
	if (!ID.test(id)) {
		fail(
			idLine.number,
			`the question id "${id}" is not allowed`,
			'use lower-case English letters, digits and dashes, like "valid-passport"; it is the same in every language'
		);
	}
	const twin = input.seen.get(id);
	if (twin !== undefined) {
		fail(
			idLine.number,
			`the question id "${id}" is already used on line ${twin}`,
			'give each question its own id: results are recorded against it'
		);
	} else {
		input.seen.set(id, idLine.number);
	}

	const typeLine = header.get('Type');
	const type = typeLine?.value as QuestionType | undefined;
	if (!typeLine || !type) {
		fail(
			idLine.number,
			`question "${id}" does not say its type`,
			`add a line "Type: single" (or ${questionTypes.slice(1).join(', ')}) under "Question:"`
		);
	} else if (!questionTypes.includes(type)) {
		fail(
			typeLine.number,
			`"${type}" is not a type of question`,
			`use one of ${questionTypes.join(', ')}`
		);
	}

	const checksLine = header.get('Checks');
	if (!checksLine || !checksLine.value) {
		fail(
			idLine.number,
			`question "${id}" does not say which key message it checks`,
			'add a line like "Checks: call-1288" with an id from content/key-messages.yml'
		);
	} else if (!context.messages.has(checksLine.value)) {
		const known = [...context.messages.keys()];
		const guess = closest(checksLine.value, known);
		fail(
			checksLine.number,
			`"${checksLine.value}" is not a key message`,
			guess
				? `did you mean "${guess}"? Use an id from content/key-messages.yml, or add the message there`
				: known.length > 0
					? `use one of ${known.join(', ')}, or add it to content/key-messages.yml`
					: 'add it to content/key-messages.yml'
		);
	}

	// The text runs until the first list item, the options until "Explanation:".
	const rest = lines.slice(cursor);
	const optionsAt = rest.findIndex((line) => readItem(line.text, line.number) !== undefined);
	const explanationAt = rest.findIndex((line) => EXPLANATION.test(line.text.trim()));
	const textEnd = [optionsAt, explanationAt].filter((index) => index !== -1);
	const textLines = rest.slice(0, textEnd.length > 0 ? Math.min(...textEnd) : rest.length);
	const text = textLines.map((line) => line.text).join('\n');
	if (text.trim() === '') {
		fail(
			idLine.number,
			`question "${id}" has no text`,
			'write the question after an empty line, below the "Question:", "Type:" and "Checks:" lines'
		);
	}

	const items: Item[] = [];
	if (optionsAt === -1 || (explanationAt !== -1 && explanationAt < optionsAt)) {
		fail(
			idLine.number,
			`question "${id}" has no options`,
			type === 'order'
				? 'list the items in their correct order: "1. …", "2. …", "3. …"'
				: 'list the options as "- [x] a correct one" and "- [ ] a wrong one"'
		);
	} else {
		const end = explanationAt === -1 ? rest.length : explanationAt;
		for (const line of rest.slice(optionsAt, end)) {
			const item = readItem(line.text, line.number);
			if (item) items.push(item);
			else if (/^\s+\S/.test(line.text) && items.length > 0) items.at(-1)!.text += ` ${line.text.trim()}`;
			else if (line.text.trim() !== '') {
				fail(
					line.number,
					`question "${id}" has text among its options`,
					'put the text before the options, or indent it to continue the option above'
				);
			}
		}
	}

	const explanationLine = explanationAt === -1 ? undefined : rest[explanationAt]!;
	const explanation = explanationLine
		? [
				EXPLANATION.exec(explanationLine.text.trim())![1]!,
				...rest.slice(explanationAt + 1).map((line) => line.text)
			].join('\n')
		: '';
	for (const line of explanationLine ? rest.slice(explanationAt + 1) : []) {
		if (CHECKBOX.test(line.text.trim())) {
			fail(
				line.number,
				`this option of question "${id}" comes after its explanation, so it is not one of the options`,
				'move it above the "Explanation:" line, with the other options'
			);
		}
	}
	if (!explanationLine || explanation.trim() === '') {
		fail(
			explanationLine?.number ?? idLine.number,
			`question "${id}" has no explanation`,
			'add a line "Explanation: …" after the options: students read it after they answer'
		);
	}

	if (type && questionTypes.includes(type) && items.length > 0) {
		checkOptions(id, type, items, (line, message, fix) => fail(line, message, fix));
	}
	if (!ok || !type || !checksLine) return undefined;

	const rendered = renderBlock(text);
	const renderedExplanation = renderBlock(explanation);
	const options: QuestionOption[] = items.map((item, index) => {
		const html = renderInline(item.text);
		input.checkLinks(item.line, html.links);
		return { key: KEYS[index]!, html: html.html };
	});
	input.checkLinks(idLine.number, rendered.links);
	input.checkLinks(explanationLine!.number, renderedExplanation.links);
	const correct =
		type === 'order'
			? options.map((option) => option.key)
			: options.filter((_, index) => items[index]!.checked).map((option) => option.key);
	return {
		question: {
			id,
			type,
			checks: checksLine.value,
			html: rendered.html,
			options,
			correct,
			explanationHtml: renderedExplanation.html
		},
		written: {
			id,
			type,
			checks: checksLine.value,
			line: idLine.number,
			text: plainText(textLines.map((line) => line.text.trim()).join(' ')),
			options: items.map((item) => plainText(item.text)),
			correct: items.flatMap((item, index) => (type === 'order' || item.checked ? [index] : []))
		}
	};
}

function checkOptions(
	id: string,
	type: QuestionType,
	items: Item[],
	fail: (line: number, message: string, fix: string) => void
): void {
	const first = items[0]!.line;
	if (items.length > KEYS.length) {
		fail(items[KEYS.length]!.line, `question "${id}" has more than ${KEYS.length} options`, 'keep it to ten or fewer');
	}
	if (type === 'order') {
		const marked = items.find((item) => item.kind !== 'numbered');
		if (marked) {
			fail(
				marked.line,
				`question "${id}" puts items in order, so its items are numbered, not ticked`,
				'write the items as "1. …", "2. …" in their correct order (the app mixes them up)'
			);
		}
		if (items.length < 3) {
			fail(
				first,
				`question "${id}" has ${items.length} items to put in order`,
				'give it at least 3 items, or make it a single-choice question'
			);
		}
		return;
	}
	const unmarked = items.find((item) => item.kind !== 'checkbox');
	if (unmarked) {
		fail(
			unmarked.line,
			`this option of question "${id}" is not marked right or wrong`,
			'write it as "- [x] …" if it is correct, "- [ ] …" if it is not'
		);
		return;
	}
	const correct = items.filter((item) => item.checked);
	if (type === 'true-false' && items.length !== 2) {
		fail(
			first,
			`true/false question "${id}" has ${items.length} options`,
			'give it exactly two: "- [x] True" and "- [ ] False" (in the language of the file), one of them ticked'
		);
	} else if (items.length < 2) {
		fail(first, `question "${id}" has only one option`, 'give it at least two options to choose from');
	}
	if (correct.length === 0) {
		fail(
			first,
			`question "${id}" has no correct option`,
			'tick the correct one with "- [x]"'
		);
	} else if (correct.length > 1 && type !== 'multiple') {
		fail(
			correct[1]!.line,
			`${type === 'single' ? 'single-choice' : 'true/false'} question "${id}" has ${correct.length} correct options`,
			type === 'single'
				? 'tick only one, or make it "Type: multiple" if students should pick several'
				: 'tick only one of True and False'
		);
	}
}

function sameSet(a: Iterable<string>, b: Iterable<string>): { onlyA: string[]; onlyB: string[] } {
	const setA = new Set(a);
	const setB = new Set(b);
	return {
		onlyA: [...setA].filter((item) => !setB.has(item)),
		onlyB: [...setB].filter((item) => !setA.has(item))
	};
}

function checkPairs(quizzes: Quiz[], problems: ProblemList, context: CompileContext): void {
	const byId = new Map(quizzes.map((quiz) => [quiz.id, quiz]));
	for (const quiz of quizzes) {
		if (quiz.purpose === 'practice' || !quiz.pair) continue;
		const line = linesOf.get(quiz)?.pair ?? 1;
		const wanted = quiz.purpose === 'pre' ? 'post' : 'pre';
		const other = byId.get(quiz.pair);
		if (!other && context.broken.has(`quizzes/${quiz.pair}`)) continue;
		if (!other) {
			problems.error(
				quiz.file,
				line,
				`the pair "${quiz.pair}" is not a quiz`,
				`give the id of the ${wanted} quiz that matches this one`
			);
			continue;
		}
		if (other.purpose !== wanted) {
			problems.error(
				quiz.file,
				line,
				`the pair "${other.id}" is a ${other.purpose} quiz, but a ${quiz.purpose} quiz pairs with a ${wanted} quiz`,
				`point "pair" at a quiz with "purpose: ${wanted}"`
			);
			continue;
		}
		if (other.pair !== quiz.id) {
			problems.error(
				quiz.file,
				line,
				`the pair "${other.id}" does not point back: its pair is ${other.pair ? `"${other.pair}"` : 'missing'}`,
				`write "pair: ${quiz.id}" in ${other.file}`
			);
			continue;
		}
		// Reported once, on the pre quiz, and only when both have every question.
		if (quiz.purpose !== 'pre' || linesOf.get(quiz)?.incomplete || linesOf.get(other)?.incomplete) {
			continue;
		}
		const { onlyA, onlyB } = sameSet(
			quiz.questions.map((question) => question.checks),
			other.questions.map((question) => question.checks)
		);
		const sameMessages = onlyA.length === 0 && onlyB.length === 0;
		checkParallel(
			linesOf.get(quiz)!.written,
			linesOf.get(other)!.written,
			[...context.messages.keys()],
			sameMessages,
			(at, message, fix) => problems.warning(quiz.file, at, message, fix)
		);
		if (!sameMessages) {
			const parts = [
				onlyA.length > 0 ? `only this quiz checks ${onlyA.join(', ')}` : '',
				onlyB.length > 0 ? `only "${other.id}" checks ${onlyB.join(', ')}` : ''
			].filter(Boolean);
			problems.error(
				quiz.file,
				line,
				`this quiz and its pair "${other.id}" check different key messages: ${parts.join('; ')}`,
				'a pre and a post quiz must check the same key messages, so that their results can be compared'
			);
		}
	}
}

function checkLessons(quizzes: Quiz[], problems: ProblemList, context: CompileContext): void {
	const lessons = new Set((context.compiled.get('lessons')?.en ?? []).map((lesson) => lesson.id));
	for (const quiz of quizzes) {
		if (!quiz.lesson || lessons.has(quiz.lesson) || context.broken.has(`lessons/${quiz.lesson}`)) {
			continue;
		}
		const guess = closest(quiz.lesson, [...lessons]);
		problems.error(
			quiz.file,
			linesOf.get(quiz)?.lesson ?? 1,
			`the lesson "${quiz.lesson}" does not exist`,
			guess
				? `did you mean "${guess}"? Give the id of a lesson in content/en/lessons/`
				: 'give the id of a lesson in content/en/lessons/'
		);
	}
}

export const quizKind: ContentKind<Quiz> = {
	directory: 'quizzes',
	label: 'quiz',
	fields: quizFields,
	hints: quizHints,

	checkAll(quizzes, locale, problems, context) {
		for (const quiz of quizzes) {
			const lines = linesOf.get(quiz);
			if (!lines || lines.incomplete) continue;
			const report = (line: number, message: string, fix: string) =>
				problems.warning(quiz.file, line, message, fix);
			// Translations keep the English answers (checkTranslation): what depends only on
			// them is checked once, in English; option lengths differ in every language.
			if (locale === 'en') checkQuestions(lines.written, report);
			if (quiz.purpose === 'practice') continue;
			if (locale === 'en') checkForm(lines.written, report);
			else checkFormWording(lines.written, report);
		}
		// The links between quizzes and to lessons are checked once, in English.
		if (locale !== 'en') return;
		checkPairs(quizzes, problems, context);
		checkLessons(quizzes, problems, context);
	},

	checkTranslation(english, translation, problems) {
		const lines = linesOf.get(translation);
		for (const field of ['purpose', 'pair', 'lesson'] as const) {
			if (english[field] !== translation[field]) {
				problems.error(
					translation.file,
					lines?.[field] || 1,
					`${field} is ${translation[field] ?? 'missing'} here but ${english[field] ?? 'missing'} in ${english.file}`,
					`make ${field} the same in every language`
				);
			}
		}
		const originals = new Map(english.questions.map((question) => [question.id, question]));
		const translated = new Set(translation.questions.map((question) => question.id));
		const missing = english.questions.filter((question) => !translated.has(question.id));
		if (missing.length > 0) {
			problems.error(
				translation.file,
				1,
				`question${missing.length > 1 ? 's' : ''} ${missing.map((question) => `"${question.id}"`).join(', ')} of ${english.file} ${missing.length > 1 ? 'are' : 'is'} missing here`,
				'translate every question, with the same "Question:" id'
			);
		}
		translation.questions.forEach((question, index) => {
			const line = lines?.questions.get(question.id) ?? 1;
			const original = originals.get(question.id);
			if (!original) {
				problems.error(
					translation.file,
					line,
					`question "${question.id}" is not in ${english.file}`,
					'use the same question ids as the English quiz, or add the question there first'
				);
				return;
			}
			const differs = (what: string, fix: string) =>
				problems.error(translation.file, line, `question "${question.id}" ${what}`, fix);
			if (english.questions.indexOf(original) !== index && missing.length === 0) {
				differs(
					`is in another place than in ${english.file}`,
					'keep the questions in the same order as in English'
				);
			}
			if (original.type !== question.type) {
				differs(
					`is ${question.type} here but ${original.type} in ${english.file}`,
					`make it "Type: ${original.type}"`
				);
			} else if (original.checks !== question.checks) {
				differs(
					`checks ${question.checks} here but ${original.checks} in ${english.file}`,
					`make it "Checks: ${original.checks}"`
				);
			} else if (original.options.length !== question.options.length) {
				differs(
					`has ${question.options.length} options here but ${original.options.length} in ${english.file}`,
					'translate every option of the English question, in the same order'
				);
			} else if (original.correct.join() !== question.correct.join()) {
				differs(
					`marks other options correct than ${english.file}`,
					'keep the options in the English order and tick the same ones'
				);
			}
		});
	},

	compile({ file, locale, split, meta, fields, lineOf, problems, context, checkLinks }) {
		const front = fields as z.infer<typeof quizFields>;
		const lines: QuizLines = {
			purpose: lineOf(['purpose']),
			pair: lineOf(['pair']),
			lesson: lineOf(['lesson']),
			questions: new Map(),
			incomplete: false,
			written: { id: front.id, file, line: lineOf(['purpose']), questions: [] }
		};
		if (front.purpose === 'practice') {
			if (!front.lesson) {
				problems.error(
					file,
					lines.purpose,
					'a practice quiz does not say which lesson it belongs to',
					'add a line like "lesson: six-key-messages"'
				);
			}
			if (front.pair) {
				problems.error(
					file,
					lines.pair,
					'a practice quiz has no pair',
					'remove "pair", or make the quiz "purpose: pre" or "purpose: post"'
				);
			}
		} else {
			if (!front.pair) {
				problems.error(
					file,
					lines.purpose,
					`a ${front.purpose} quiz does not say which quiz it pairs with`,
					`add a line like "pair: ${front.purpose === 'pre' ? 'after-the-sessions' : 'before-the-sessions'}" with the id of the matching ${front.purpose === 'pre' ? 'post' : 'pre'} quiz`
				);
			}
			if (front.lesson) {
				problems.error(
					file,
					lines.lesson,
					`a ${front.purpose} quiz covers all the sessions, not one lesson`,
					'remove "lesson", or make it "purpose: practice"'
				);
			}
		}

		const chunks = splitQuestions(split.body, split.bodyLine);
		if (chunks.length === 0) {
			problems.error(
				file,
				split.bodyLine,
				'the quiz has no questions',
				'add questions after the front matter, each starting with a "Question: <id>" line (see content/README.md)'
			);
		}
		const seen = new Map<string, number>();
		const questions: Question[] = [];
		for (const chunk of chunks) {
			const read = readQuestion({ file, locale, lines: chunk, seen, problems, context, checkLinks });
			if (!read) {
				lines.incomplete = true;
				continue;
			}
			questions.push(read.question);
			lines.questions.set(read.question.id, read.written.line);
			lines.written.questions.push(read.written);
		}

		const messageIds = [...new Set(questions.map((question) => question.checks))];
		const quiz: Quiz = {
			...meta,
			purpose: front.purpose,
			pair: front.pair ?? null,
			lesson: front.lesson ?? null,
			questions,
			messages: messageIds.map((id) => ({ id, text: context.messages.get(id)!.text[locale] }))
		};
		linesOf.set(quiz, lines);
		return quiz;
	}
};
