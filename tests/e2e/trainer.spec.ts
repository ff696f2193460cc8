/**
 * The trainer's side, each browser context a device of its own: a key made on the
 * trainer's device, installed on stations through the link; their sealed files merged on
 * the trainer's device and read only there; the passphrase and the recovery sheet; figures
 * that no two filters can tell one student apart by; exports; hostile files refused with
 * the database unchanged.
 */
import { randomUUID } from 'node:crypto';
import readXlsxFile from 'read-excel-file/node';
import Papa from 'papaparse';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { attemptOf, legacyFile, sealedFile } from './sealed-files';
import {
	createTrainerKey,
	done,
	downloadFrom,
	dumpDatabase,
	hold,
	importFiles,
	openTeacher,
	PRE_QUIZ,
	publicKeyOnPage,
	takeAssessment,
	testTrainer,
	unlock
} from './station-helpers';

async function newDevice(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	return context.newPage();
}

/** A station: the link opened, the key installed, set up for the class, `students` quizzes taken. */
async function station(page: Page, link: string, classLabel: string, students: number) {
	await page.goto(link);
	await hold(
		page,
		page.getByRole('button', { name: 'Install the key' }),
		page.getByTestId('installed')
	);
	await page.goto(PRE_QUIZ);
	await openTeacher(page);
	await page.getByLabel('Class', { exact: true }).fill(classLabel);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('button', { name: 'Back to Start' }).click();
	for (let student = 0; student < students; student++) {
		await takeAssessment(page);
		await done(page);
	}
	await openTeacher(page);
	return downloadFrom(page, page.getByRole('button', { name: 'Save the file for the trainer' }));
}

test('stations installed from the trainer’s link seal their results; the trainer merges them once, whatever the order', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	await createTrainerKey(page);
	const link = await page.getByTestId('station-link').inputValue();
	expect(new URL(link).hash).toMatch(/^#station-key=/);
	const keyId = (await page.getByTestId('open-key-id').textContent())!.match(
		/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/
	)![0];

	const first = await station(await newDevice(browser, baseURL!), link, 'Grade 8B', 3);
	const second = await station(await newDevice(browser, baseURL!), link, 'Grade 8B', 2);
	for (const file of [first, second]) {
		expect(JSON.parse(file.text)).toMatchObject({ version: 2, keyId });
		expect(file.text).not.toContain('Grade 8B');
	}

	await importFiles(page, [first, second]);
	await expect(
		page.getByTestId('import-summary').locator('tr[data-kind="attempts"] td').first()
	).toHaveText('5');
	await expect(page.getByTestId('attempt-count')).toHaveText('5 attempts match the filters.');
	const report = page.locator('[data-testid="quiz-report"][data-quiz="before-the-sessions"]');
	await expect(report.getByTestId('finished')).toHaveText('5');
	await expect(report.getByTestId('mean')).not.toHaveText('fewer than 5');
	await expect(report.getByTestId('item-analysis')).toBeVisible();

	// The same files again, in the other order: nothing added, nothing changed.
	const before = await dumpDatabase(page);
	await importFiles(page, [second, first]);
	await expect(
		page.getByTestId('import-summary').locator('tr[data-kind="attempts"] td').nth(1)
	).toHaveText('5');
	await expect(page.getByTestId('conflicts')).toHaveText('Conflicts: 0.');
	expect(await dumpDatabase(page)).toEqual(before);
	// The trainer's device keeps them sealed too.
	expect(JSON.stringify(before)).not.toContain('Grade 8B');
});

test('a wrong passphrase opens nothing; the recovery sheet brings the key back on another device', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const words = await createTrainerKey(page);
	expect(words).toHaveLength(24);
	await page.getByRole('button', { name: 'Lock' }).click();
	await page.getByLabel('Passphrase', { exact: true }).fill('not-the-passphrase-at-all');
	await page.getByRole('button', { name: 'Unlock', exact: true }).click();
	await expect(page.getByTestId('key-message')).toHaveText(
		'That passphrase does not open the key.'
	);
	await expect(page.getByTestId('results')).toHaveAttribute('data-gate', 'locked');
	await expect(page.getByTestId('attempt-count')).toHaveCount(0);
	await unlock(page);
	const link = await page.getByTestId('station-link').inputValue();

	// A new laptop: the words typed from the sheet (one misspelt first), a new passphrase.
	const other = await newDevice(browser, baseURL!);
	await other.goto('/results');
	await other.getByText('I have the recovery sheet of a trainer key').click();
	const restore = other.getByRole('form', { name: 'Restore the key from the recovery sheet' });
	const typed = [...words];
	typed[6] = 'notaword';
	await restore.getByLabel('The 24 words').fill(typed.join(' '));
	await restore.getByLabel('New passphrase').fill('a-new-passphrase-for-this-laptop');
	await restore.getByLabel('The same passphrase again').fill('a-new-passphrase-for-this-laptop');
	await restore.getByRole('button', { name: 'Restore the key' }).click();
	await expect(other.getByTestId('key-message')).toHaveText(
		'Word 7, “notaword”, is not one of the sheet’s words: check its spelling.'
	);
	await other
		.getByLabel('The 24 words')
		.fill(words.map((word, index) => `${index + 1}. ${word}`).join('\n'));
	await restore.getByRole('button', { name: 'Restore the key' }).click();
	await expect(other.getByTestId('results')).toHaveAttribute('data-loaded', 'true');
	expect(await other.getByTestId('station-link').inputValue()).toBe(link);
});

test('a term of files: opened by the page’s Workers, kept sealed many to a row, the same after locking', async ({
	page
}) => {
	await createTrainerKey(page);
	const trainer = await publicKeyOnPage(page);
	// Three stations, 270 attempts: more than one row of 200, and enough for Workers.
	const files = await Promise.all(
		[0, 1, 2].map(async (station) => {
			const device = randomUUID();
			const attempts = Array.from({ length: 90 }, (_, index) =>
				attemptOf({ classLabel: `Grade ${7 + station}A`, score: index % 5 }, device)
			);
			return {
				name: `station-${station + 1}.json`,
				text: await sealedFile(trainer, attempts, device)
			};
		})
	);
	const workers: string[] = [];
	page.on('worker', (worker) => workers.push(worker.url()));
	await importFiles(page, files);
	await expect(page.getByTestId('attempt-count')).toHaveText('270 attempts match the filters.');
	expect(workers.filter((url) => url.includes('results-worker')).length).toBeGreaterThan(0);
	const dump = await dumpDatabase(page);
	const rows = dump.merged as { attempts: unknown[] }[];
	expect(rows.map((row) => row.attempts.length).sort((a, b) => a - b)).toEqual([70, 200]);
	expect(dump.sealed).toEqual([]);
	expect(JSON.stringify(dump.merged)).not.toContain('Grade 7A');

	await page.getByRole('button', { name: 'Lock' }).click();
	await expect(page.getByTestId('attempt-count')).toHaveCount(0);
	workers.length = 0;
	await unlock(page);
	await expect(page.getByTestId('attempt-count')).toHaveText('270 attempts match the filters.');
	expect(workers.filter((url) => url.includes('results-worker')).length).toBeGreaterThan(0);
	// The same files again add nothing.
	await importFiles(page, files);
	await expect(page.getByTestId('attempt-count')).toHaveText('270 attempts match the filters.');
	expect(((await dumpDatabase(page)).merged as unknown[]).length).toBe(2);
});

test('no two filters tell one student apart: a straggler’s day joins the class’s period', async ({
	page
}) => {
	await createTrainerKey(page);
	const trainer = await publicKeyOnPage(page);
	const device = randomUUID();
	const attempts = [
		...[1, 2, 3, 4, 2].map((score) =>
			attemptOf({ classLabel: 'Grade 8A', score, day: '2025-03-03' }, device)
		),
		attemptOf({ classLabel: 'Grade 8A', score: 4, day: '2025-03-04' }, device)
	];
	await importFiles(page, [{ name: 'a.json', text: await sealedFile(trainer, attempts, device) }]);
	const report = page.locator('[data-testid="quiz-report"][data-quiz="before-the-sessions"]');
	await expect(page.getByTestId('attempt-count')).toHaveText('6 attempts match the filters.');
	const mean = await report.getByTestId('mean').textContent();

	await page.getByLabel('To', { exact: true }).fill('2025-03-03');
	await expect(page.getByTestId('attempt-count')).toHaveText('6 attempts match the filters.');
	await expect(report.getByTestId('mean')).toHaveText(mean!);
	await page.getByLabel('To', { exact: true }).fill('');
	await page.getByLabel('From', { exact: true }).fill('2025-03-04');
	await expect(page.getByTestId('attempt-count')).toHaveText('0 attempts match the filters.');
	await expect(report).toHaveCount(0);

	// The longest labels a station accepts keep the filters inside a 1280-pixel window.
	await page.setViewportSize({ width: 1280, height: 800 });
	const long = [
		'Lower secondary school Grade 8, group A1',
		'ថ្នាក់ទី៨ក វិទ្យាល័យហ៊ុនសែនស្វាយរៀង ក្រុមសិស្សពូកែ ឆ្នាំទី២ វេនព្រឹកថ្ងៃច័ន្ទទី១'
	];
	await importFiles(page, [
		{
			name: 'long.json',
			text: await sealedFile(
				trainer,
				long.map((classLabel) => attemptOf({ classLabel, score: 2, day: '2025-03-05' }, device)),
				device
			)
		}
	]);
	await expect(page.getByLabel('Class', { exact: true }).locator('option')).toHaveCount(4);
	const overflow = await page.evaluate(() => {
		const bar = document.querySelector('fieldset.filters')!;
		return {
			bar: bar.scrollWidth - bar.clientWidth,
			page: document.documentElement.scrollWidth - document.documentElement.clientWidth
		};
	});
	expect(overflow).toEqual({ bar: 0, page: 0 });
});

test('the spreadsheet and the CSV: labels as text, days as dates, Khmer intact, formulas defused, nothing run', async ({
	page
}, testInfo) => {
	await createTrainerKey(page);
	const trainer = await publicKeyOnPage(page);
	await page.evaluate(() => ((window as unknown as { pwned: boolean }).pwned = false));
	const labels = [
		'=HYPERLINK("http://x","y")',
		'ថ្នាក់ទី៨ ខ',
		'<img src=x onerror=window.pwned=true>',
		'0012',
		'7/2'
	];
	const device = randomUUID();
	const attempts = labels.map((classLabel) => attemptOf({ classLabel, score: 2 }, device));
	await importFiles(page, [
		{ name: 'labels.json', text: await sealedFile(trainer, attempts, device) }
	]);
	await expect(page.getByTestId('attempt-count')).toHaveText('0 attempts match the filters.');
	await expect(page.getByTestId('withheld')).toContainText(
		'5 finished attempts of groups too small'
	);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);

	const xlsx = await downloadFrom(page, page.getByRole('button', { name: 'Spreadsheet (.xlsx)' }));
	expect(xlsx.name).toMatch(/^smc-results-.*\.xlsx$/);
	const path = testInfo.outputPath(xlsx.name);
	await (await import('node:fs/promises')).writeFile(path, xlsx.bytes);
	const sheets = await readXlsxFile(path);
	const attemptsSheet = sheets.find((sheet) => /attempt/i.test(sheet.sheet))!.data;
	const header = attemptsSheet[0]!.map(String);
	const label = header.findIndex((cell) => /class/i.test(cell));
	const day = header.findIndex((cell) => /start/i.test(cell));
	const values = attemptsSheet.slice(1).map((row) => row[label]);
	expect([...values].sort()).toEqual([...labels].sort());
	for (const value of values) expect(typeof value).toBe('string');
	for (const row of attemptsSheet.slice(1)) expect(row[day]).toBeInstanceOf(Date);

	const csv = await downloadFrom(page, page.getByRole('button', { name: 'Attempts (CSV)' }));
	expect(csv.text.charCodeAt(0)).toBe(0xfeff);
	const rows = Papa.parse<string[]>(csv.text.slice(1), { newline: '\r\n', delimiter: ',' }).data;
	const column = rows[0]!.indexOf('class_label');
	expect(
		rows
			.slice(1, 6)
			.map((row) => row[column])
			.sort()
	).toContain(`'=HYPERLINK("http://x","y")`);
	expect(csv.text).not.toMatch(/T\d\d:\d\d/);
});

test('hostile, broken, impossible or foreign files are refused with a reason, and the database stays as it was', async ({
	page
}) => {
	test.setTimeout(120_000);
	await createTrainerKey(page);
	const trainer = await publicKeyOnPage(page);
	const someoneElse = await testTrainer();
	const device = randomUUID();
	const one = () => [attemptOf({ classLabel: 'Grade 8C', score: 3 }, device)];

	// A plaintext file of an earlier version is read, counted and kept sealed.
	await importFiles(page, [{ name: 'old.json', text: legacyFile(one(), device) }]);
	await expect(
		page.getByTestId('import-summary').locator('tr[data-kind="attempts"] td').first()
	).toHaveText('1');
	const before = await dumpDatabase(page);
	expect(JSON.stringify(before)).not.toContain('Grade 8C');

	const good = await sealedFile(trainer, one(), device);
	const tampered = JSON.parse(good) as { attempts: { parts: { ct: string }[] }[] };
	const ct = tampered.attempts[0]!.parts[0]!.ct;
	tampered.attempts[0]!.parts[0]!.ct = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
	const impossible = one();
	impossible[0]!.score = 1; // its answers say 3: only a plaintext file can carry a score
	const backwards = one();
	backwards[0]!.finishedAt = '2025-03-03T01:00:00.000Z';
	const future = one();
	future[0]!.startedAt = '2099-01-01T00:00:00.000Z';
	future[0]!.finishedAt = '2099-01-01T00:10:00.000Z';
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
			name: 'deep.json',
			text: '['.repeat(100_000) + ']'.repeat(100_000),
			reason: 'the file is not shaped like a results file (nested too deep).'
		},
		{
			name: 'foreign.json',
			text: await sealedFile(someoneElse, one(), device),
			reason: `it is sealed to another trainer’s key (${someoneElse.keyId}): only that trainer can read it.`
		},
		{
			name: 'tampered.json',
			text: JSON.stringify(tampered),
			reason: 'it does not open with this key: it was changed or damaged on the way (1 record).'
		},
		{
			name: 'backwards.json',
			text: await sealedFile(trainer, backwards, device),
			reason:
				'attempt 1 cannot be right: it ends before it starts (finishedAt). A file with an impossible record is refused whole.'
		},
		{
			name: 'score.json',
			text: legacyFile(impossible, device),
			reason:
				'attempt 1 cannot be right: its score does not match its answers (score). A file with an impossible record is refused whole.'
		},
		{
			name: 'later.json',
			text: await sealedFile(trainer, future, device),
			reason:
				'attempt 1 cannot be right: a date after the file was saved (startedAt). A file with an impossible record is refused whole.'
		},
		{
			name: 'proto.json',
			text: good.replace('"sessions":null', '"sessions":null,"__proto__":{"isAdmin":true}'),
			reason: 'a field is missing, unknown or has the wrong kind of value. (__proto__)'
		}
	];
	await importFiles(page, hostile);
	const refused = page.getByTestId('refused').getByRole('listitem');
	await expect(refused).toHaveCount(hostile.length);
	for (const [index, file] of hostile.entries()) {
		await expect(refused.nth(index)).toHaveText(`${file.name}: ${file.reason}`);
	}
	expect(await page.evaluate(() => (({}) as Record<string, unknown>).isAdmin)).toBeUndefined();

	// 19.5 MB of empty objects; then 200 files at once.
	await importFiles(page, [{ name: 'empty.json', text: '[' + '{},'.repeat(6_500_000) + '{}]' }]);
	await expect(refused).toHaveText([
		'empty.json: the file holds far more values than any results file.'
	]);
	await importFiles(
		page,
		Array.from({ length: 200 }, (_, index) => ({ name: `f${index}.json`, text: good }))
	);
	await expect(page.getByTestId('selection-refused')).toHaveText(
		'too many files at once (200): choose at most 50 at a time.'
	);
	expect(await dumpDatabase(page)).toEqual(before);
	await expect(page.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
});
