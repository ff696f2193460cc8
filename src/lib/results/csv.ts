/**
 * CSV exports that open correctly in Excel and LibreOffice, Khmer included: UTF-8 with a
 * byte order mark, CRLF line ends, RFC 4180 quoting (all through papaparse), and text cells
 * that a spreadsheet would run as a formula (beginning with = + - @, tab or CR) prefixed
 * with an apostrophe. Papaparse's own `escapeFormulae: true` misses a cell such as
 * "=1+1\nmore" (its pattern must match to the end of the text, and `.` stops at the line
 * break), so the pattern is given here: the first character alone decides.
 */
import Papa from 'papaparse';
import type { AnswerRecord, AttemptRecord, SessionRecord } from './db';

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

export const attemptColumns = [
	'attempt_uuid',
	'device_id',
	'quiz_id',
	'quiz_version',
	'purpose',
	'class_label',
	'locale',
	'started_at',
	'finished_at',
	'status',
	'score',
	'max_score',
	'pairing_code'
] as const;

export function attemptsCsv(attempts: readonly AttemptRecord[]): string {
	return toCsv(
		attemptColumns,
		attempts.map((attempt) => [
			attempt.uuid,
			attempt.deviceId,
			attempt.quizId,
			attempt.quizVersion,
			attempt.purpose,
			attempt.classLabel,
			attempt.locale,
			attempt.startedAt,
			attempt.finishedAt,
			attempt.status,
			attempt.score,
			attempt.maxScore,
			attempt.pairingCode
		])
	);
}

export const answerColumns = [
	'attempt_uuid',
	'quiz_id',
	'class_label',
	'question_id',
	'given',
	'correct',
	'ms'
] as const;

/** One row per answer, with its attempt's quiz and class so that a sheet can group them. */
export function answersCsv(
	answers: readonly AnswerRecord[],
	attempts: readonly AttemptRecord[]
): string {
	const byUuid = new Map(attempts.map((attempt) => [attempt.uuid, attempt]));
	return toCsv(
		answerColumns,
		answers.map((answer) => {
			const attempt = byUuid.get(answer.attemptUuid);
			return [
				answer.attemptUuid,
				attempt?.quizId ?? '',
				attempt?.classLabel ?? '',
				answer.questionId,
				answer.given.join(' '),
				answer.correct ? 1 : 0,
				answer.ms
			];
		})
	);
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
	'recorded_at'
] as const;

export function sessionsCsv(sessions: readonly SessionRecord[]): string {
	return toCsv(
		sessionColumns,
		sessions.map((session) => [
			session.uuid,
			session.deviceId,
			session.date,
			session.classLabel,
			session.lessonId,
			session.students,
			session.girls,
			session.boys,
			session.recordedAt
		])
	);
}
