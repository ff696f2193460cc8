/**
 * CSV exports for other tools (the .xlsx export is the one for spreadsheets): UTF-8 with a
 * byte order mark, CRLF line ends, RFC 4180 quoting (all through papaparse), and text cells
 * that a spreadsheet would run as a formula (beginning with = + - @, tab or CR) prefixed
 * with an apostrophe. Papaparse's own `escapeFormulae: true` misses a cell such as
 * "=1+1\nmore" (its pattern must match to the end of the text, and `.` stops at the line
 * break), so the pattern is given here: the first character alone decides.
 * A CSV file is read by people and lies in folders: it carries the day of an attempt, not
 * its time, no time per answer, and no pairing code (those stay inside sealed records).
 */
import Papa from 'papaparse';
import type { Attempt } from './attempt';
import type { SessionRecord } from './db';
import { dayOf } from './stats';

export const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = '\uFEFF';

/** What a text cell becomes in the file: the same text, or with an apostrophe before it. */
export function neutralised(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export type Cell = string | number | boolean | null;

/** Rows under a header, as the text of a CSV file. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return (
		BOM +
		Papa.unparse(
			{ fields: [...header], data: rows.map((row) => row.map((cell) => cell ?? '')) },
			{ newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false }
		) +
		'\r\n'
	);
}

export interface ExportOptions {
	/** The trainer's time zone, minutes east of UTC: an attempt's day is the day there. */
	offsetMinutes?: number;
}

export const attemptColumns = [
	'attempt_uuid',
	'device_id',
	'quiz_id',
	'quiz_version',
	'purpose',
	'class_label',
	'locale',
	'source',
	'started_on',
	'finished_on',
	'status',
	'score',
	'max_score'
] as const;

/** One attempt's row, as both exports write it (days as `YYYY-MM-DD`). */
export function attemptRow(attempt: Attempt, offsetMinutes = 0): Cell[] {
	return [
		attempt.uuid,
		attempt.deviceId,
		attempt.quizId,
		attempt.quizVersion,
		attempt.purpose,
		attempt.classLabel,
		attempt.locale,
		attempt.source,
		dayOf(attempt.startedAt, offsetMinutes),
		attempt.finishedAt === null ? null : dayOf(attempt.finishedAt, offsetMinutes),
		attempt.status,
		attempt.score,
		attempt.maxScore
	];
}

export function attemptsCsv(attempts: readonly Attempt[], options: ExportOptions = {}): string {
	return toCsv(
		attemptColumns,
		attempts.map((attempt) => attemptRow(attempt, options.offsetMinutes))
	);
}

export const answerColumns = [
	'attempt_uuid',
	'quiz_id',
	'class_label',
	'question_id',
	'given',
	'correct'
] as const;

/** One row per answer, with its attempt's quiz and class so that a sheet can group them. */
export function answerRows(attempts: readonly Attempt[]): Cell[][] {
	return attempts.flatMap((attempt) =>
		attempt.answers.map((answer) => [
			attempt.uuid,
			attempt.quizId,
			attempt.classLabel,
			answer.questionId,
			answer.given.join(' '),
			answer.correct ? 1 : 0
		])
	);
}

export function answersCsv(attempts: readonly Attempt[]): string {
	return toCsv(answerColumns, answerRows(attempts));
}

export const sessionColumns = [
	'session_uuid',
	'device_id',
	'date',
	'class_label',
	'lesson_id',
	'students',
	'girls',
	'boys',
	'recorded_on'
] as const;

export function sessionRow(session: SessionRecord, offsetMinutes = 0): Cell[] {
	return [
		session.uuid,
		session.deviceId,
		session.date,
		session.classLabel,
		session.lessonId,
		session.students,
		session.girls,
		session.boys,
		dayOf(session.recordedAt, offsetMinutes)
	];
}

export function sessionsCsv(
	sessions: readonly SessionRecord[],
	options: ExportOptions = {}
): string {
	return toCsv(
		sessionColumns,
		sessions.map((session) => sessionRow(session, options.offsetMinutes))
	);
}
