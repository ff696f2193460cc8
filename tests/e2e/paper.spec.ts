/**
 * The paper sheet for a class with one tablet or none: printed through Chromium's PDF on A4
 * and US Letter in both languages, then typed back on the trainer's own device used as a
 * station, keyboard only, and seen by the trainer as sealed paper attempts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from './fixtures';
import {
	createTrainerKey,
	downloadFrom,
	dumpDatabase,
	hold,
	PRE_QUIZ,
	unlock
} from './station-helpers';

const MM = 96 / 25.4;
const papers = {
	A4: { width: 210, height: 297 },
	Letter: { width: 215.9, height: 279.4 }
} as const;
/** The sheet's @page margin, each side. */
const MARGIN = 12;

/** Pages per form and paper, as the sheet is laid out today: a change shows here. */
const expectedPages = { en: { A4: 3, Letter: 3 }, km: { A4: 3, Letter: 3 } };

async function printed(page: Page, format: keyof typeof papers) {
	await page.evaluate(() => document.fonts.ready);
	return PDFDocument.load(await page.pdf({ format }));
}

/** Every element of the sheet wider than the narrower paper's printable width, by its text. */
async function overflowing(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const sheet = document.querySelector<HTMLElement>('.sheet')!;
		const right = sheet.getBoundingClientRect().right + 0.5;
		return [...sheet.querySelectorAll<HTMLElement>('*')]
			.filter((element) => element.getBoundingClientRect().right > right)
			.map((element) => (element.textContent ?? '').slice(0, 40));
	});
}

test('the answer sheet prints on A4 and Letter in English and Khmer, the grid whole on page 1', async ({
	page
}) => {
	const width = Math.floor((papers.A4.width - 2 * MARGIN) * MM);
	await page.setViewportSize({ width, height: 900 });
	for (const lang of ['en', 'km'] as const) {
		await page.goto(`${lang === 'km' ? '/km' : ''}${PRE_QUIZ}/paper`);
		const sheet = page.getByTestId('paper-sheet');
		await expect(sheet.locator('.questions > ol > li')).toHaveCount(11);
		if (lang === 'km') {
			await expect(sheet.locator('.grid .number').first()).toHaveText('១');
			await expect
				.poll(() => page.evaluate(() => document.fonts.check('10pt "Noto Sans Khmer"', 'ក')))
				.toBe(true);
		}
		await page.emulateMedia({ media: 'print' });
		expect(await overflowing(page), `${lang}: cut at the right edge`).toEqual([]);
		// The grid, with the class and code, fits the shorter page (Letter) before the questions.
		const gridBottom = await sheet
			.locator('.grid')
			.evaluate((grid) => grid.getBoundingClientRect().bottom);
		expect(gridBottom / MM, `${lang}: grid height (mm)`).toBeLessThan(
			papers.Letter.height - 2 * MARGIN
		);
		for (const format of ['A4', 'Letter'] as const) {
			const pdf = await printed(page, format);
			const size = pdf.getPage(0).getSize();
			expect(Math.round((size.width / 72) * 25.4)).toBe(Math.round(papers[format].width));
			expect(pdf.getPageCount(), `${lang} ${format}: pages`).toBe(expectedPages[lang][format]);
		}
		await page.emulateMedia({ media: 'screen' });
	}
});

/** Each question's type and option count, read from the quiz file as the compiler reads it. */
async function questionsOf(file: string): Promise<{ type: string; options: number }[]> {
	const text = await readFile(file, 'utf8');
	return text
		.split(/^Question: /m)
		.slice(1)
		.map((block) => ({
			type: /^Type: (\S+)/m.exec(block)![1]!,
			options: block.match(/^(- \[[ x]\] |\d+\. )/gm)!.length
		}));
}

/** A row as a student might have answered: `shift` moves each answer along the letters. */
function rowFor(questions: { type: string; options: number }[], shift: number): string {
	const letters = (count: number) => [...'ABCDEFGHIJ'.slice(0, count)];
	return questions
		.map(({ type, options }, index) => {
			const all = letters(options);
			const turn = (shift + index) % options;
			if (type === 'order') return [...all.slice(turn), ...all.slice(0, turn)].join('');
			if (type === 'multiple') return [all[turn], all[(turn + 1) % options]].join('');
			return all[turn];
		})
		.join(' ');
}

test('three sheets typed by keyboard only become three sealed paper attempts the trainer reads', async ({
	page
}) => {
	await createTrainerKey(page);
	const questions = await questionsOf('content/en/quizzes/before-the-sessions.md');
	await page.goto(`${PRE_QUIZ}/paper/enter`);
	await hold(
		page,
		page.getByRole('button', { name: 'Teacher', exact: true }),
		page.getByLabel('Class of these sheets')
	);
	const answers = page.getByLabel('Answers', { exact: true });
	const problems = page.getByTestId('row-problems');
	const count = page.getByTestId('sheet-count');

	// Focus starts on the class; from there on, the keyboard only.
	await expect(page.getByLabel('Class of these sheets')).toBeFocused();
	await page.keyboard.type('Grade 8B');
	await page.keyboard.press('Tab');
	await expect(answers).toBeFocused();

	// A letter the first question does not have, and a row one short: marked, nothing saved.
	const first = rowFor(questions, 0);
	await page.keyboard.type(`J ${first.slice(2).split(' ').slice(0, -1).join(' ')}`);
	await page.keyboard.press('Enter');
	await expect(problems).toContainText('Question 1: there is no J (A to D).');
	await expect(problems).toContainText(
		'Question 11 has no answer: type - if the student left it blank.'
	);
	await expect(count).toHaveAttribute('data-count', '0');

	const typed: string[] = [];
	async function typeSheet(row: string, code = '') {
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type(row);
		if (code) {
			await page.keyboard.press('Tab');
			await page.keyboard.type(code);
		}
		await page.keyboard.press('Enter');
		typed.push(row);
	}

	await typeSheet(first, 'k72');
	await expect(count).toHaveAttribute('data-count', '1');
	await expect(answers).toBeFocused();
	await expect(answers).toHaveValue('');
	await expect(problems).toBeEmpty();

	// A blank (-) is allowed: the attempt is kept as unfinished.
	const second = rowFor(questions, 1).replace(/ \S+$/, ' -');
	await typeSheet(second.toLowerCase());
	await expect(count).toHaveAttribute('data-count', '2');

	// The same sheet typed twice is caught; Enter again keeps it (two students may agree).
	await typeSheet(second);
	await expect(problems).toContainText('This is the same as sheet 2, saved already.');
	await expect(count).toHaveAttribute('data-count', '2');
	await page.keyboard.press('Enter');
	await expect(count).toHaveAttribute('data-count', '3');
	await expect(count).toHaveText('Sheets saved for Grade 8B: 3.');

	const keys = typed.map((row) => row.replace(/ /g, '').length + row.split(' ').length);
	test.info().annotations.push({
		type: 'keystrokes per sheet (letters, spaces, Enter)',
		description: keys.join(', ')
	});
	expect(Math.max(...keys)).toBeLessThanOrEqual(30);

	// On the device: three sealed records, nothing in progress, no answer or label in clear.
	const dump = await dumpDatabase(page);
	expect(dump.sealed).toHaveLength(3);
	expect(dump.progress).toEqual([]);
	expect(JSON.stringify(dump)).not.toContain('Grade 8B');

	// The trainer unlocks and reads them as paper attempts.
	await page.goto('/results');
	await unlock(page);
	await expect(page.getByTestId('withheld')).toContainText(
		'1 finished attempt of a group too small, 2 unfinished'
	);
	const csv = await downloadFrom(page, page.getByRole('button', { name: 'Attempts (CSV)' }));
	const rows = Papa.parse<string[]>(csv.text.slice(1), { newline: '\r\n', delimiter: ',' }).data;
	const header = rows[0]!;
	const records = rows.slice(1).filter((row) => row.length === header.length);
	const column = (name: string) => records.map((row) => row[header.indexOf(name)]).sort();
	expect(column('source')).toEqual(['paper', 'paper', 'paper']);
	expect(column('class_label')).toEqual(['Grade 8B', 'Grade 8B', 'Grade 8B']);
	expect(column('status')).toEqual(['finished', 'unfinished', 'unfinished']);
});
