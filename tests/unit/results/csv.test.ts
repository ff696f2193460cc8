import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	answersCsv,
	attemptColumns,
	attemptsCsv,
	neutralised,
	sessionColumns,
	sessionsCsv,
	toCsv
} from '$lib/results/csv';
import { attempt, session } from './records';

/** Parses a file as a spreadsheet would read it, after checking its BOM. */
function parse(csv: string): string[][] {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	const result = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ',' });
	expect(result.errors).toEqual([]);
	// The file ends with a line break: papaparse reads an empty last row.
	return result.data.filter((row) => !(row.length === 1 && row[0] === ''));
}

const triggers = ['=', '+', '-', '@', '\t', '\r'];
const pieces = fc.oneof(
	fc.constantFrom(...triggers, '"', ',', '\n', '\r\n', ';', ' ', "'", 'ក្រុម', 'ថ្នាក់ទី៨ ខ', '\u200b'),
	fc.string({ unit: 'grapheme', maxLength: 6 })
);
const cellText = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));

describe('CSV export', () => {
	it('starts with a BOM and ends every line with CRLF', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				['x', 1],
				['y', 2]
			]
		);
		expect(csv).toBe('\uFEFFa,b\r\nx,1\r\ny,2\r\n');
	});

	it('turns any text into a cell that reads back as the text, neutralised if it could be a formula', () => {
		fc.assert(
			fc.property(cellText, cellText, (first, second) => {
				const rows = parse(toCsv(['first', 'second'], [[first, second]]));
				expect(rows).toEqual([
					['first', 'second'],
					[neutralised(first), neutralised(second)]
				]);
				for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
			}),
			{ numRuns: 500 }
		);
	});

	it('neutralises every trigger character, even when the text goes on over several lines', () => {
		const risky = [
			'=HYPERLINK("http://x","y")',
			'+1',
			'-1+2',
			'@SUM(A1)',
			'\t=1',
			'\r=1',
			'=1+1\nsecond line'
		];
		const rows = parse(
			toCsv(
				['label'],
				risky.map((text) => [text])
			)
		);
		expect(rows.slice(1).map((row) => row[0])).toEqual(risky.map((text) => `'${text}`));
		// Papaparse's own pattern lets the multi-line one through: the reason for our own.
		expect(Papa.unparse([['=1+1\nsecond line']], { escapeFormulae: true })).toBe(
			'"=1+1\nsecond line"'
		);
	});

	it('leaves numbers, including negative ones, as numbers', () => {
		expect(toCsv(['n'], [[-3], [0], [12.5]])).toBe('\uFEFFn\r\n-3\r\n0\r\n12.5\r\n');
	});

	it('writes attempts with one column per field, Khmer intact, a formula label defused, days not times', () => {
		const khmer = attempt({ classLabel: 'ថ្នាក់ទី៨ ខ', pairingCode: 'S-12-5+', locale: 'km' });
		const hostile = attempt({
			classLabel: '=HYPERLINK("http://x","y")',
			finishedAt: null,
			status: 'unfinished'
		});
		const csv = attemptsCsv([khmer, hostile]);
		const rows = parse(csv);
		expect(rows[0]).toEqual([...attemptColumns]);
		const column = (name: (typeof attemptColumns)[number]) => attemptColumns.indexOf(name);
		expect(rows[1]![column('class_label')]).toBe('ថ្នាក់ទី៨ ខ');
		expect(rows[1]![column('started_on')]).toBe('2025-03-03');
		expect(rows[1]![column('finished_on')]).toBe('2025-03-03');
		expect(rows[2]![column('class_label')]).toBe(`'=HYPERLINK("http://x","y")`);
		expect(rows[2]![column('finished_on')]).toBe('');
		expect(rows[2]![column('score')]).toBe('2');
		// Nothing that tells students apart beyond their answers: no time, no pairing code.
		expect(csv).not.toMatch(/T\d\d:\d\d/);
		expect(csv).not.toContain('S-12-5+');
	});

	it('gives an attempt the day in the trainer’s time zone', () => {
		const early = attempt({
			startedAt: '2025-03-02T23:30:00.000Z',
			finishedAt: '2025-03-02T23:40:00.000Z'
		});
		const rows = parse(attemptsCsv([early], { offsetMinutes: 420 }));
		expect(rows[1]![attemptColumns.indexOf('started_on')]).toBe('2025-03-03');
	});

	it('writes answers with their attempt’s quiz and class, and the options given, without times', () => {
		const taken = attempt({
			answers: [{ questionId: 'passport', given: ['c', 'a', 'b'], correct: false, ms: 4321 }],
			score: 0
		});
		const rows = parse(answersCsv([taken]));
		expect(rows).toEqual([
			['attempt_uuid', 'quiz_id', 'class_label', 'question_id', 'given', 'correct'],
			[taken.uuid, 'before-the-sessions', 'Grade 8B', 'passport', 'c a b', '0']
		]);
	});

	it('writes the session log with empty cells where girls and boys were not counted', () => {
		const rows = parse(sessionsCsv([session({ girls: null, boys: null, classLabel: '-8B' })]));
		expect(rows[0]).toEqual([...sessionColumns]);
		expect(rows[1]!.slice(2)).toEqual([
			'2025-03-03',
			"'-8B",
			'six-key-messages',
			'30',
			'',
			'',
			'2025-03-03'
		]);
	});
});
