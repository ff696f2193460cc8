/**
 * From several tablets to one report, offline, as a trainer does it: each station's
 * export caught as a download, merged on a third device; the pre/post comparison; the
 * CSV opened as a spreadsheet would; hostile files refused with the database unchanged.
 * Each browser context is a device of its own.
 */
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	downloadFrom,
	dumpDatabase,
	goOffline,
	importFiles,
	madeExport,
	setPin,
	takeQuiz
} from './results-helpers';

async function device(
	browser: Browser,
	baseURL: string
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await goOffline(page, context);
	return { context, page };
}

/** A trainer's device with the PIN set and the results open. */
async function trainer(page: Page, context: BrowserContext): Promise<void> {
	await goOffline(page, context);
	await setPin(page);
}

test('two stations’ exports merge on a third device, once, whatever the order', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const exports: { name: string; text: string }[] = [];
	for (const classLabel of ['Grade 8A', 'ថ្នាក់ទី៨ ខ']) {
		const station = await device(browser, baseURL!);
		await takeQuiz(station.page, classLabel);
		await takeQuiz(station.page, classLabel);
		await setPin(station.page);
		const file = await downloadFrom(station.page, 'Save the export (JSON)');
		expect(file.name).toMatch(/^smc-results-.*\.json$/);
		const data = JSON.parse(file.text);
		expect(data).toMatchObject({ format: 'safe-migration-classroom-results', version: 1 });
		expect(data.attempts).toHaveLength(2);
		await expect(station.page.getByTestId('last-export')).toContainText('Last export:');
		exports.push(file);
		await station.context.close();
	}

	const third = await device(browser, baseURL!);
	const page = third.page;
	await setPin(page);
	await importFiles(page, [exports[1]!, exports[0]!]);
	const summary = page.getByTestId('import-summary');
	await expect(summary.locator('tr[data-kind="attempts"] td').first()).toHaveText('4');
	await expect(summary.locator('tr[data-kind="answers"] td').first()).toHaveText('16');
	await expect(page.getByTestId('conflicts')).toHaveText('Conflicts: 0.');
	await expect(page.getByTestId('attempt-count')).toHaveText('4 attempts match the filters.');
	await expect(page.getByTestId('finished')).toHaveText('4');
	// Four attempts: a group under five, so no figures, only "fewer than 5".
	await expect(page.getByTestId('mean')).toHaveText('fewer than 5');

	const before = await dumpDatabase(page);
	// The same files again, in the other order, and one of them twice: nothing changes.
	await importFiles(page, [exports[0]!, exports[1]!, exports[0]!]);
	await expect(summary.locator('tr[data-kind="attempts"] td').first()).toHaveText('0');
	await expect(summary.locator('tr[data-kind="attempts"] td').nth(1)).toHaveText('4');
	expect(await dumpDatabase(page)).toEqual(before);

	// Filters: one class only.
	await page.getByLabel('Class', { exact: true }).selectOption('ថ្នាក់ទី៨ ខ');
	await expect(page.getByTestId('attempt-count')).toHaveText('2 attempts match the filters.');
	await third.context.close();
});

test('the pre/post gain and matched pairs, from merged files; small groups show no figures', async ({
	page,
	context
}) => {
	await trainer(page, context);
	const codes = ['K-01-0', 'K-02-1', 'S-03-2', 'M-04-3', 'P-05-4', 'T-06-5+'];
	const pre = madeExport(
		[1, 2, 2, 3, 1, 3].map((score, index) => ({
			classLabel: 'Grade 8B',
			score,
			pairingCode: codes[index]
		}))
	);
	const post = madeExport(
		[3, 4, 2, 4, 3, 4].map((score, index) => ({
			classLabel: 'Grade 8B',
			quizId: 'after-the-sessions',
			purpose: 'post' as const,
			score,
			pairingCode: codes[index],
			startedAt: '2025-05-20T01:20:00.000Z'
		}))
	);
	const small = madeExport([1, 2, 3].map((score) => ({ classLabel: 'Grade 9A', score })));
	await importFiles(page, [
		{ name: 'pre.json', text: JSON.stringify(pre) },
		{ name: 'post.json', text: JSON.stringify(post) },
		{ name: 'small.json', text: JSON.stringify(small) }
	]);
	await page.getByLabel('Class', { exact: true }).selectOption('Grade 8B');
	const pair = page.getByTestId('pre-post');
	// Pre 12/24 = 50%; post 20/24 ≈ 83.3%; gain 33.3 points; six pairs, the same gain.
	await expect(pair.getByTestId('pre-mean')).toHaveText('50%');
	await expect(pair.getByTestId('post-mean')).toHaveText('83.3%');
	await expect(pair.getByTestId('gain')).toHaveText('+33.3 points');
	await expect(pair.getByTestId('pairs')).toHaveText('6');
	await expect(pair.getByTestId('paired-gain')).toHaveText('+33.3 points');
	// Each chart carries its figures in a table for screen readers.
	await expect(
		pair.getByRole('table', { name: 'Mean score before and after, in %' }).getByRole('row')
	).toHaveCount(5);
	const report = page.locator('[data-quiz="before-the-sessions"]');
	await expect(report.getByTestId('mean')).toHaveText('2 of 4 (50%)');
	await expect(report.getByTestId('median')).toHaveText('2');
	await expect(
		report.getByRole('table', { name: 'Scores of finished attempts' }).getByRole('row')
	).toHaveCount(6);

	// A class of three: every figure withheld.
	await page.getByLabel('Class', { exact: true }).selectOption('Grade 9A');
	await expect(page.getByTestId('attempt-count')).toHaveText('3 attempts match the filters.');
	await expect(page.getByTestId('mean')).toHaveText('fewer than 5');
	await expect(page.getByTestId('pre-mean')).toHaveText('fewer than 5');
	await expect(page.locator('[data-quiz] strong', { hasText: '%' })).toHaveCount(0);
});

test('the CSV opens as a spreadsheet would read it: BOM, CRLF, formulas defused, Khmer intact, and labels shown as text', async ({
	page,
	context
}) => {
	await trainer(page, context);
	await page.evaluate(() => ((window as unknown as { pwned: boolean }).pwned = false));
	const hostileLabels = [
		'=HYPERLINK("http://x","y")',
		'ថ្នាក់ទី៨ ខ',
		'<img src=x onerror=window.pwned=true>',
		'@SUM(1+1)'
	];
	const file = madeExport(hostileLabels.map((classLabel) => ({ classLabel, score: 2 })));
	await importFiles(page, [{ name: 'labels.json', text: JSON.stringify(file) }]);
	await expect(page.getByTestId('attempt-count')).toHaveText('4 attempts match the filters.');
	const classes = page.getByLabel('Class', { exact: true }).locator('option');
	await expect(classes).toHaveText([
		'All classes',
		'@SUM(1+1)',
		'<img src=x onerror=window.pwned=true>',
		'=HYPERLINK("http://x","y")',
		'ថ្នាក់ទី៨ ខ'
	]);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);

	const { name, text } = await downloadFrom(page, 'Attempts (CSV)');
	expect(name).toMatch(/^smc-attempts-.*\.csv$/);
	expect(text.charCodeAt(0)).toBe(0xfeff);
	expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
	const rows = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', delimiter: ',' }).data;
	const column = rows[0]!.indexOf('class_label');
	const labels = rows.slice(1, 5).map((row) => row[column]);
	expect(labels.sort()).toEqual(
		[
			`'=HYPERLINK("http://x","y")`,
			'ថ្នាក់ទី៨ ខ',
			'<img src=x onerror=window.pwned=true>',
			"'@SUM(1+1)"
		].sort()
	);
	expect(text).toContain('"\'=HYPERLINK(""http://x"",""y"")"');

	const answers = await downloadFrom(page, 'Answers (CSV)');
	const answerRows = Papa.parse<string[]>(answers.text.slice(1), {
		newline: '\r\n',
		delimiter: ','
	}).data.filter((row) => row.length > 1);
	expect(answerRows).toHaveLength(1 + 16);
});

test('a hostile or broken file is refused with a reason, and the database stays exactly as it was', async ({
	page,
	context
}, testInfo) => {
	test.setTimeout(120_000);
	await trainer(page, context);
	await importFiles(page, [
		{ name: 'good.json', text: JSON.stringify(madeExport([{ classLabel: 'Grade 8B', score: 2 }])) }
	]);
	const before = await dumpDatabase(page);
	const good = JSON.stringify(madeExport([{ classLabel: 'Grade 8C', score: 3 }]));
	const wrongType = madeExport([{ classLabel: 'Grade 8C', score: 3 }]) as {
		attempts: { score: unknown }[];
	};
	wrongType.attempts[0]!.score = 'three';
	const hostile = [
		{
			name: 'notes.json',
			text: 'These are not results',
			reason: 'this is not a JSON export file.'
		},
		{
			name: 'cut.json',
			text: good.slice(0, good.length / 2),
			reason: 'the file is cut short: it was not saved or copied completely.'
		},
		{
			name: 'other.json',
			text: JSON.stringify({ ...JSON.parse(good), format: 'kobo' }),
			reason: 'this is not a Safe Migration Classroom results export.'
		},
		{
			name: 'future.json',
			text: JSON.stringify({ ...JSON.parse(good), version: 2 }),
			reason: 'this export is of another version (2); update the app on this device.'
		},
		{
			name: 'types.json',
			text: JSON.stringify(wrongType),
			reason: 'a field is missing or has the wrong kind of value (attempts[0].score).'
		},
		{
			name: 'proto.json',
			text: good.replace('"score":3', '"score":3,"__proto__":{"isAdmin":true}'),
			reason: 'the file holds a field name that is not allowed (attempts[0].__proto__).'
		}
	];
	await importFiles(page, hostile);
	const refused = page.getByTestId('refused').getByRole('listitem');
	await expect(refused).toHaveCount(hostile.length);
	for (const [index, file] of hostile.entries()) {
		await expect(refused.nth(index)).toHaveText(`${file.name}: ${file.reason}`);
	}
	expect(await page.evaluate(() => (({}) as Record<string, unknown>).isAdmin)).toBeUndefined();

	// 50 MB: refused from its size, without being read.
	const huge = testInfo.outputPath('huge.json');
	await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 32));
	await page.getByTestId('import-files').setInputFiles(huge);
	await expect(page.getByTestId('refused')).toHaveText('huge.json: the file is larger than 20 MB.');
	expect(await dumpDatabase(page)).toEqual(before);
});
