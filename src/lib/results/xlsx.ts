/**
 * The spreadsheet export (.xlsx, written by write-excel-file): what a trainer opens in Excel
 * or LibreOffice with no import dialog. Every cell says its type, so a class label such as
 * `0012`, `1e5`, `7/2` or `=1+1` stays that text (no apostrophe needed: nothing in a text
 * cell is ever run as a formula), days are real dates, counts are numbers shown with the
 * reader's own grouping (`#,##0`), and Khmer is kept as written (the file is UTF-8 XML).
 * Like the CSV files, it carries days, not times, and no pairing code.
 */
import type { Cell, CellObject, Sheet, SheetData } from 'write-excel-file/browser';
import type { Attempt } from './attempt';
import { answerColumns, attemptColumns, sessionColumns } from './csv';
import type { SessionRecord } from './db';
import { dayOf, type Dashboard } from './stats';

type FileContent = File | Blob | ArrayBuffer;

export interface WorkbookInput {
	attempts: readonly Attempt[];
	sessions: readonly SessionRecord[];
	/** The dashboard of every attempt (no filter): its item analysis, where shown. */
	dashboard: Dashboard;
	/** The trainer's time zone, minutes east of UTC: an attempt's day is the day there. */
	offsetMinutes?: number;
}

const header = (names: readonly string[]): Cell[] =>
	names.map((value) => ({ value, type: String, fontWeight: 'bold' }));

/** A text cell, declared text (`@`) so that editing it later keeps it text too. */
function text(value: string): CellObject {
	return { value, type: String, format: '@' };
}

function count(value: number | null): Cell {
	return value === null ? null : { value, type: Number, format: '#,##0' };
}

function decimal(value: number | null, format = '0.00'): Cell {
	return value === null || !Number.isFinite(value) ? null : { value, type: Number, format };
}

/** A day (`YYYY-MM-DD`) as a date cell: midnight UTC, which the file stores as that day. */
function date(day: string | null): Cell {
	return day === null
		? null
		: { value: new Date(`${day}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' };
}

export const itemColumns = [
	'quiz_id',
	'quiz',
	'quiz_version',
	'current_version',
	'students',
	'reliability_kr20',
	'question_id',
	'question',
	'facility',
	'discrimination',
	'flags'
] as const;

function attemptsSheet(attempts: readonly Attempt[], offsetMinutes: number): SheetData {
	return [
		header(attemptColumns),
		...attempts.map((attempt) => [
			text(attempt.uuid),
			text(attempt.deviceId),
			text(attempt.quizId),
			text(attempt.quizVersion),
			text(attempt.purpose),
			text(attempt.classLabel),
			text(attempt.locale),
			text(attempt.source),
			date(dayOf(attempt.startedAt, offsetMinutes)),
			date(attempt.finishedAt === null ? null : dayOf(attempt.finishedAt, offsetMinutes)),
			text(attempt.status),
			count(attempt.score),
			count(attempt.maxScore)
		])
	];
}

function answersSheet(attempts: readonly Attempt[]): SheetData {
	const rows: SheetData = [header(answerColumns)];
	for (const attempt of attempts) {
		for (const answer of attempt.answers) {
			rows.push([
				text(attempt.uuid),
				text(attempt.quizId),
				text(attempt.classLabel),
				text(answer.questionId),
				text(answer.given.join(' ')),
				count(answer.correct ? 1 : 0)
			]);
		}
	}
	return rows;
}

function itemsSheet(dashboard: Dashboard): SheetData {
	const rows: SheetData = [header(itemColumns)];
	for (const quiz of dashboard.quizzes) {
		for (const form of quiz.forms) {
			if (!form.analysis.shown) continue;
			const { n, reliability, items } = form.analysis.value;
			for (const item of items) {
				rows.push([
					text(quiz.quizId),
					text(quiz.title),
					text(form.quizVersion),
					{ value: form.current, type: Boolean },
					count(n),
					decimal(reliability),
					text(item.id),
					item.text === null ? null : text(item.text),
					decimal(item.facility, '0%'),
					decimal(item.discrimination),
					text(item.flags.join(' '))
				]);
			}
		}
	}
	return rows;
}

function sessionsSheet(sessions: readonly SessionRecord[], offsetMinutes: number): SheetData {
	return [
		header(sessionColumns),
		...sessions.map((session) => [
			text(session.uuid),
			text(session.deviceId),
			date(session.date),
			text(session.classLabel),
			text(session.lessonId),
			count(session.students),
			count(session.girls),
			count(session.boys),
			date(dayOf(session.recordedAt, offsetMinutes))
		])
	];
}

const widths = (names: readonly string[], wide: Record<string, number>) =>
	names.map((name) => ({ width: wide[name] ?? Math.max(10, name.length + 2) }));

/** The workbook's sheets, as write-excel-file takes them. */
export function workbookSheets(input: WorkbookInput): Sheet<FileContent>[] {
	const offset = input.offsetMinutes ?? 0;
	const uuid = { attempt_uuid: 38, device_id: 38, session_uuid: 38 };
	return [
		{
			sheet: 'attempts',
			data: attemptsSheet(input.attempts, offset),
			columns: widths(attemptColumns, { ...uuid, class_label: 24 }),
			stickyRowsCount: 1
		},
		{
			sheet: 'answers',
			data: answersSheet(input.attempts),
			columns: widths(answerColumns, { ...uuid, class_label: 24, question_id: 28 }),
			stickyRowsCount: 1
		},
		{
			sheet: 'item analysis',
			data: itemsSheet(input.dashboard),
			columns: widths(itemColumns, { quiz: 30, question_id: 28, question: 60 }),
			stickyRowsCount: 1
		},
		{
			sheet: 'sessions',
			data: sessionsSheet(input.sessions, offset),
			columns: widths(sessionColumns, { ...uuid, class_label: 24 }),
			stickyRowsCount: 1
		}
	];
}

/** The .xlsx file, built in the browser (write-excel-file zips it in a Web Worker). */
export async function xlsxBlob(input: WorkbookInput): Promise<Blob> {
	const { default: writeExcelFile } = await import('write-excel-file/browser');
	return writeExcelFile(workbookSheets(input)).toBlob();
}
