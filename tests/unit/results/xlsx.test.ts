import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { attemptColumns, sessionColumns } from '$lib/results/csv';
import { dashboard, prepareStats } from '$lib/results/stats';
import { itemColumns, workbookSheets, xlsxBlob, type WorkbookInput } from '$lib/results/xlsx';
import { answersOf, attempt, postQuiz, preQuiz, session } from './records';

// Labels a spreadsheet would turn into a number, a date, a formula or a boolean if it could.
const labels = ['0012', '1e5', '7/2', '=1+1', '-8B', 'TRUE', 'ថ្នាក់ទី៨ ខ'];

function input(): WorkbookInput {
	const attempts = labels.flatMap((classLabel) =>
		Array.from({ length: 5 }, (_, index) =>
			attempt({
				classLabel,
				pairingCode: 'K-07-2',
				answers: answersOf([true, index > 0, index > 1, index > 2])
			})
		)
	);
	const sessions = [session({ classLabel: '0012', girls: null, boys: null, students: 14400 })];
	return {
		attempts,
		sessions,
		dashboard: dashboard(prepareStats(attempts, [preQuiz, postQuiz]), sessions, {})
	};
}

/** The workbook as a spreadsheet program reads it back: values typed by their cells. */
async function readBack(source: WorkbookInput) {
	const blob = await xlsxBlob(source);
	const sheets = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
	return new Map(sheets.map(({ sheet, data }) => [sheet, data]));
}

describe('the spreadsheet export', () => {
	it('has the attempts, answers, item analysis and sessions sheets', async () => {
		const sheets = await readBack(input());
		expect([...sheets.keys()]).toEqual(['attempts', 'answers', 'item analysis', 'sessions']);
		expect(sheets.get('attempts')![0]).toEqual([...attemptColumns]);
		expect(sheets.get('item analysis')![0]).toEqual([...itemColumns]);
		expect(sheets.get('sessions')![0]).toEqual([...sessionColumns]);
	});

	it('keeps class labels as the text they are, Khmer included, with no apostrophe', async () => {
		const rows = (await readBack(input())).get('attempts')!.slice(1);
		const column = attemptColumns.indexOf('class_label');
		expect([...new Set(rows.map((row) => row[column]))]).toEqual(labels);
	});

	it('types days as dates and scores as numbers, and leaves out times and pairing codes', async () => {
		const source = input();
		const rows = (await readBack(source)).get('attempts')!.slice(1);
		const started = rows[0]![attemptColumns.indexOf('started_on')];
		expect(started).toBeInstanceOf(Date);
		expect(started).toEqual(new Date('2025-03-03T00:00:00.000Z'));
		expect(rows[0]![attemptColumns.indexOf('score')]).toBe(source.attempts[0]!.score);
		expect(rows[0]![attemptColumns.indexOf('max_score')]).toBe(4);
		expect(JSON.stringify(rows)).not.toContain('K-07-2');
		expect(JSON.stringify(rows)).not.toMatch(/T01:/);
	});

	it('writes one answers row per answer, right or wrong as 1 or 0, without milliseconds', async () => {
		const source = input();
		const rows = (await readBack(source)).get('answers')!;
		expect(rows).toHaveLength(1 + source.attempts.length * 4);
		expect(rows[1]).toEqual([
			source.attempts[0]!.uuid,
			preQuiz.id,
			'0012',
			'broker-promise',
			'b',
			1
		]);
	});

	it('gives the item analysis of each form shown on the dashboard', async () => {
		const rows = (await readBack(input())).get('item analysis')!.slice(1);
		expect(rows).toHaveLength(4);
		const at = (name: (typeof itemColumns)[number]) => itemColumns.indexOf(name);
		expect(rows.map((row) => row[at('question_id')])).toEqual(preQuiz.questions.map((q) => q.id));
		expect(rows[0]![at('students')]).toBe(35);
		expect(rows[0]![at('facility')]).toBe(1);
		expect(rows[0]![at('current_version')]).toBe(true);
		expect(rows[0]![at('flags')]).toBe('too-easy');
		expect(typeof rows[1]![at('discrimination')]).toBe('number');
		expect(typeof rows[1]![at('reliability_kr20')]).toBe('number');
	});

	it('writes the session log with dates, counts as numbers, and empty cells where not counted', async () => {
		const rows = (await readBack(input())).get('sessions')!.slice(1);
		const at = (name: (typeof sessionColumns)[number]) => sessionColumns.indexOf(name);
		expect(rows[0]![at('date')]).toEqual(new Date('2025-03-03T00:00:00Z'));
		expect(rows[0]![at('class_label')]).toBe('0012');
		expect(rows[0]![at('students')]).toBe(14400);
		expect(rows[0]![at('girls')]).toBeNull();
	});

	it('shows counts with the reader’s own thousands grouping, and declares text cells as text', () => {
		const [attempts, , , sessions] = workbookSheets(input());
		expect(attempts!.data[1]![attemptColumns.indexOf('score')]).toMatchObject({ format: '#,##0' });
		expect(attempts!.data[1]![attemptColumns.indexOf('class_label')]).toMatchObject({
			type: String,
			format: '@'
		});
		expect(sessions!.data[1]![sessionColumns.indexOf('students')]).toMatchObject({
			value: 14400,
			format: '#,##0'
		});
	});
});
