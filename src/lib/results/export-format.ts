/**
 * The JSON export: one file per device with everything it holds, and the format an import
 * must match before anything is written. This schema is the single description of it:
 * `docs/results-export.schema.json` is generated from it (`npm run results:schema`; a unit
 * test checks the committed file is current) and the README explains each field.
 */
import * as z from 'zod/mini';
import { pairingLetters } from '$lib/quiz/pairing';
import type { AnswerRecord, AttemptRecord, SessionRecord } from './db';

export const EXPORT_FORMAT = 'safe-migration-classroom-results';
export const EXPORT_VERSION = 1;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// One line of visible text: no control characters (tabs and line breaks included).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LABEL_PATTERN = /^[^\u0000-\u001f\u007f-\u009f]+$/;
const letters = Object.values(pairingLetters).flat().join('');
const PAIRING_PATTERN = new RegExp(`^[${letters}]-(0[1-9]|1[0-2])-([0-4]|5\\+)$`);

const text = (description: string) => z.describe(description);
const uuid = (description: string) =>
	z.string().check(z.regex(UUID_PATTERN), text(`${description} (a version 4 UUID)`));
const id = (description: string) =>
	z.string().check(z.maxLength(100), z.regex(ID_PATTERN), text(description));
const minute = (description: string) =>
	z.iso.datetime().check(text(`${description} (UTC, ISO 8601; to the minute)`));
const count = (max: number, description: string) =>
	z.int().check(z.minimum(0), z.maximum(max), text(description));
const classLabel = z
	.string()
	.check(
		z.minLength(1),
		z.maxLength(80),
		z.regex(LABEL_PATTERN),
		text('The class label the teacher typed, such as "Grade 8B"; never a name')
	);

export const attemptSchema = z
	.strictObject({
		uuid: uuid('The attempt'),
		deviceId: uuid('The device it was taken on'),
		quizId: id('Id of the quiz (the file name in content/<locale>/quizzes/)'),
		quizVersion: z
			.string()
			.check(
				z.regex(/^[0-9a-f]{8,64}$/),
				text('Short hash of the quiz file the student saw, to tell its wordings apart')
			),
		purpose: z
			.enum(['practice', 'pre', 'post'])
			.check(text('pre: before the sessions; post: after them; practice: after one lesson')),
		classLabel,
		locale: z.enum(['en', 'km']).check(text('Language the quiz was taken in')),
		startedAt: minute('When the attempt started'),
		finishedAt: z.nullable(minute('When it ended; null while it is still open')),
		status: z
			.enum(['finished', 'unfinished'])
			.check(text('finished: every question answered; unfinished: left, idle or still open')),
		score: count(100, 'Questions answered correctly'),
		maxScore: z.int().check(z.minimum(1), z.maximum(100), text('Questions in the quiz')),
		seed: count(0xffffffff, 'Seed of the order the options were shown in'),
		pairingCode: z.nullable(
			z
				.string()
				.check(
					z.regex(PAIRING_PATTERN),
					text(
						'Code the student made to pair pre and post attempts: letter-month-older siblings, such as "K-07-2"'
					)
				)
		)
	})
	.check(text('One student attempt at a quiz'));

export const answerSchema = z
	.strictObject({
		attemptUuid: uuid('The attempt this answer belongs to'),
		questionId: id('Stable id of the question, the same in every language'),
		given: z
			.array(z.string().check(z.regex(/^[a-j]$/)))
			.check(
				z.minLength(1),
				z.maxLength(10),
				text(
					'Options chosen, as letters a, b, … in the order the quiz file lists them; for put-in-order questions, the order the student gave'
				)
			),
		correct: z.boolean().check(text('Whether the answer was right')),
		ms: count(86_400_000, 'Milliseconds from the question appearing to the answer')
	})
	.check(text('One answered question'));

export const sessionSchema = z
	.strictObject({
		uuid: uuid('The session log entry'),
		deviceId: uuid('The device it was logged on'),
		date: z.iso.date().check(text('Day the session was held (YYYY-MM-DD)')),
		classLabel,
		lessonId: id('Id of the curriculum lesson taught'),
		students: count(1000, 'Students present'),
		girls: z.nullable(count(1000, 'Girls present; null if not counted')),
		boys: z.nullable(count(1000, 'Boys present; null if not counted')),
		recordedAt: minute('When it was logged')
	})
	.check(text('A class session a teacher held: counts only, never names'));

export const exportSchema = z
	.strictObject({
		format: z.literal(EXPORT_FORMAT).check(text('Always this name')),
		version: z.literal(EXPORT_VERSION).check(text('Version of this format')),
		device: uuid('The device that made the export'),
		exportedAt: z.iso.datetime().check(text('When the export was made (UTC, ISO 8601)')),
		attempts: z.array(attemptSchema).check(text('Every attempt the device holds')),
		answers: z.array(answerSchema).check(text('Every answer the device holds')),
		sessions: z.array(sessionSchema).check(text('The session log the device holds'))
	})
	.check(
		z.meta({
			title: 'Safe Migration Classroom results export',
			description:
				'Quiz results and the session log of one device, anonymised: no names, no free text from students. Records are identified by uuid (answers by attemptUuid and questionId) and merged by them.'
		})
	);

export interface ResultsExport {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	device: string;
	exportedAt: string;
	attempts: AttemptRecord[];
	answers: AnswerRecord[];
	sessions: SessionRecord[];
}

/** The JSON Schema of the export, as committed in docs/results-export.schema.json. */
export function exportJsonSchema(): Record<string, unknown> {
	return z.toJSONSchema(exportSchema) as Record<string, unknown>;
}

// The schema and the database records must describe the same thing: these fail to compile
// if a field is added to one and not the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
	Same<z.infer<typeof attemptSchema>, AttemptRecord>,
	Same<z.infer<typeof answerSchema>, AnswerRecord>,
	Same<z.infer<typeof sessionSchema>, SessionRecord>
] = [true, true, true];
void agree;
