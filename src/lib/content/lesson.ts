/**
 * Lessons: front matter, then slides separated by `---` lines. A slide opens with its
 * heading, may start a timed part (`Part: Warm-up (5 min)` or `Activity: … (10 min)`),
 * and may end with `Notes:` for the teacher, where `Ask:` lines are discussion questions.
 * A line holding only `[contacts]` shows where to get help (see renderSlideBody).
 */
import { z } from 'zod';
import type { FieldHints } from './front-matter';
import { plainText, renderBlock, renderInline } from './markdown';
import { sourceEntry, type CompileContext, type ContentKind } from './kinds';
import type { Lesson, LessonPart, Locale, Slide } from './types';
import { helpBlock } from '../referral/slot';

export const lessonFields = z.strictObject({
	id: z.string(),
	title: z.string().trim().min(1),
	session: z.number().int().min(1).max(99),
	minutes: z.number().int().min(5).max(180),
	summary: z.string().trim().min(1),
	objectives: z.array(z.string().trim().min(1)).min(1),
	sources: z.array(sourceEntry).min(1),
	translation: z.enum(['original', 'draft', 'reviewed']).optional()
});

export const lessonHints: FieldHints = {
	id: 'id: six-key-messages',
	title: 'title: "Six key messages for safe migration"',
	session: 'session: 2',
	minutes: 'minutes: 45 (the parts must add up to it)',
	summary: 'summary: "One sentence a teacher reads in the session list."',
	objectives: 'objectives: then one "- Students can …" line per objective',
	sources: 'sources: then a "- care-smart: six key messages" line per source',
	translation: 'translation: draft'
};

const SEPARATOR = /^---\s*$/;
const FENCE = /^\s*(```|~~~)/;
const PART = /^(Part|Activity):\s*(.*)$/;
const PART_TIMED = /^(.+?)\s*\((\d+)\s*min\)\s*$/;
const NOTES = /^Notes:\s*(.*)$/;
const ASK = /^Ask:\s*(.+)$/;
const HEADING = /^#{1,6}\s+(.*\S)\s*#*\s*$/;
const CONTACTS = /^\[contacts\]$/;
const CONTACTS_LINE = '[contacts]';

interface Chunk {
	lines: string[];
	firstLine: number;
}

/** Splits the body at `---` lines that are not inside a fenced code block. */
function splitSlides(body: string[], bodyLine: number): Chunk[] {
	const chunks: Chunk[] = [{ lines: [], firstLine: bodyLine }];
	let fenced = false;
	body.forEach((line, index) => {
		if (FENCE.test(line)) fenced = !fenced;
		if (!fenced && SEPARATOR.test(line)) {
			chunks.push({ lines: [], firstLine: bodyLine + index + 1 });
		} else {
			chunks.at(-1)!.lines.push(line);
		}
	});
	return chunks;
}

/**
 * A slide's text; a line holding only `[contacts]` becomes the help block (every contact of
 * contacts.yml, who can call, and the place for this device's local contacts). Markdown
 * renders raw HTML as text, so only this line can produce the block.
 */
function renderSlideBody(lines: string[], locale: Locale, context: CompileContext) {
	let fenced = false;
	const marked = lines.flatMap((line) => {
		if (FENCE.test(line)) fenced = !fenced;
		return !fenced && CONTACTS.test(line.trim()) ? ['', CONTACTS_LINE, ''] : [line];
	});
	const body = renderBlock(marked.join('\n'));
	const block = helpBlock([...context.contacts.values()], locale);
	return { ...body, html: body.html.replaceAll(`<p>${CONTACTS_LINE}</p>`, block) };
}

function firstFilled(lines: string[]): number {
	return lines.findIndex((line) => line.trim() !== '');
}

export const lessonKind: ContentKind<Lesson> = {
	directory: 'lessons',
	label: 'lesson',
	fields: lessonFields,
	hints: lessonHints,

	checkAll(lessons, _locale, problems) {
		const seen = new Map<number, string>();
		for (const lesson of lessons) {
			const other = seen.get(lesson.session);
			if (other) {
				problems.error(
					lesson.file,
					1,
					`session ${lesson.session} is also ${other}`,
					'give each lesson its own session number'
				);
			}
			seen.set(lesson.session, lesson.file);
		}
	},

	checkTranslation(english, translation, problems) {
		for (const field of ['session', 'minutes'] as const) {
			if (english[field] !== translation[field]) {
				problems.error(
					translation.file,
					1,
					`${field} is ${translation[field]} here but ${english[field]} in ${english.file}`,
					`make ${field} the same in every language`
				);
			}
		}
	},

	compile({ file, split, meta, fields, lineOf, problems, checkLinks, context }) {
		const front = fields as z.infer<typeof lessonFields>;
		const parts: LessonPart[] = [];
		const slides: Slide[] = [];
		const chunks = splitSlides(split.body, split.bodyLine);

		chunks.forEach((chunk, index) => {
			const number = index + 1;
			const lines = [...chunk.lines];
			let start = firstFilled(lines);
			if (start === -1) {
				problems.error(
					file,
					chunk.firstLine,
					`slide ${number} is empty`,
					'write its heading and text, or remove the extra "---" line'
				);
				return;
			}

			const partMatch = PART.exec(lines[start]!.trim());
			if (partMatch) {
				const timed = PART_TIMED.exec(partMatch[2]!);
				if (!timed) {
					problems.error(
						file,
						chunk.firstLine + start,
						`the ${partMatch[1]!.toLowerCase()} line does not give its minutes`,
						`write it as "${partMatch[1]}: ${partMatch[2] || 'Warm-up'} (5 min)"`
					);
				} else {
					parts.push({
						title: timed[1]!.trim(),
						minutes: Number(timed[2]),
						activity: partMatch[1] === 'Activity',
						firstSlide: slides.length
					});
				}
				lines[start] = '';
				start = firstFilled(lines);
			} else if (parts.length === 0) {
				problems.error(
					file,
					chunk.firstLine + start,
					'the first slide does not start a part',
					'put a line like "Part: Warm-up (5 min)" at the top of the first slide'
				);
			}

			const notesAt = lines.findIndex((line) => NOTES.test(line.trim()));
			const content = notesAt === -1 ? lines : lines.slice(0, notesAt);
			const notes = notesAt === -1 ? [] : lines.slice(notesAt);
			if (notes.length > 0) notes[0] = NOTES.exec(notes[0]!.trim())![1]!;

			const headingAt = firstFilled(content);
			const heading = headingAt === -1 ? null : HEADING.exec(content[headingAt]!.trim());
			if (headingAt === -1) {
				problems.error(
					file,
					chunk.firstLine + Math.max(start, 0),
					notes.length > 0 ? `slide ${number} has notes but nothing to show` : `slide ${number} is empty`,
					'give the slide a heading and text (before "Notes:", if it has notes)'
				);
				return;
			}
			if (!heading) {
				problems.error(
					file,
					chunk.firstLine + headingAt,
					`slide ${number} does not start with a heading`,
					'begin the slide with a line like "# Why people move"'
				);
				return;
			}
			content.forEach((line, offset) => {
				if (offset > headingAt && HEADING.test(line.trim())) {
					problems.error(
						file,
						chunk.firstLine + offset,
						`slide ${number} has a second heading`,
						'a slide has one heading: split it into two slides with a "---" line'
					);
				}
			});

			const questions: string[] = [];
			const noteLines: string[] = [];
			for (const line of notes) {
				const ask = ASK.exec(line.trim());
				if (ask) questions.push(ask[1]!);
				else noteLines.push(line);
			}
			const body = renderSlideBody(content.slice(headingAt + 1), meta.locale, context);
			const notesHtml = renderBlock(noteLines.join('\n'));
			const questionHtml = questions.map((question) => renderInline(question));
			checkLinks(chunk.firstLine, [
				...body.links,
				...notesHtml.links,
				...questionHtml.flatMap((question) => question.links)
			]);

			slides.push({
				title: plainText(heading[1]!),
				html: body.html,
				notesHtml: notesHtml.html,
				questions: questionHtml.map((question) => question.html),
				part: Math.max(parts.length - 1, 0)
			});
		});

		const planned = parts.reduce((sum, part) => sum + part.minutes, 0);
		if (parts.length > 0 && planned !== front.minutes) {
			problems.error(
				file,
				lineOf(['minutes']),
				`minutes is ${front.minutes} but the parts add up to ${planned}`,
				'change "minutes" or the "(N min)" of the parts so that they agree'
			);
		}

		return {
			...meta,
			session: front.session,
			minutes: front.minutes,
			summary: front.summary,
			objectives: front.objectives,
			parts,
			slides
		};
	}
};
