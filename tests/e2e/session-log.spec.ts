/**
 * The rest of the trainer's tools, offline in Chromium: the session log a teacher keeps and
 * the totals a trainer reports, deleting one class's results, and the storage panel with
 * its reminder to export.
 */
import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { attemptOf, sealedFile, type MadeAttempt } from './sealed-files';
import {
	createTrainerKey,
	downloadFrom,
	dumpDatabase,
	goOffline,
	importFiles,
	PASSPHRASE,
	publicKeyOnPage,
	unlock
} from './station-helpers';

/** A station's sealed file for the trainer whose results page is open. */
async function fileFor(page: Page, made: MadeAttempt[]) {
	const device = randomUUID();
	const trainer = await publicKeyOnPage(page);
	const attempts = made.map((one) => attemptOf(one, device));
	return { name: `${device}.json`, text: await sealedFile(trainer, attempts, device) };
}

const DAY = 24 * 60 * 60_000;

test('a teacher logs the sessions held; the trainer sees the totals and exports them', async ({
	page,
	context
}) => {
	await goOffline(page, context, { trainer: true });
	await page.goto('/lessons/documents');
	await page.getByRole('link', { name: 'Log this session once held' }).click();
	await expect(page).toHaveURL(/\/sessions\/log\?lesson=documents$/);
	// The lesson comes from the link; the date is today's.
	const lesson = page.getByLabel('Lesson');
	await expect(lesson.locator('option:checked')).toContainText('The documents you need');
	await expect(page.getByLabel('Date')).not.toHaveValue('');

	const save = page.getByRole('button', { name: 'Save the session' });
	await save.click();
	await expect(page.getByText('Type the class label, such as “Grade 8B”.')).toBeVisible();
	await expect(page.getByText('Give the number of students, from 1 to')).toBeVisible();
	await page.getByLabel('Class', { exact: true }).fill('Grade 8B');
	await page.getByLabel('Number of students').fill('32');
	await page.getByLabel('Girls', { exact: true }).fill('20');
	await page.getByLabel('Boys', { exact: true }).fill('15');
	await save.click();
	await expect(
		page.getByText('Girls and boys together cannot be more than the students.')
	).toBeVisible();
	await page.getByLabel('Boys', { exact: true }).fill('12');
	await save.click();
	await expect(page.getByTestId('session-saved')).toContainText('Grade 8B, 32 students');

	// A second session, in Khmer class naming, without counting girls and boys.
	await page.getByLabel('Class', { exact: true }).fill('ថ្នាក់ទី៨ ខ');
	await lesson.selectOption({ index: 2 });
	await page.getByLabel('Number of students').fill('28');
	await save.click();
	await expect(page.getByTestId('session-saved')).toContainText('ថ្នាក់ទី៨ ខ, 28 students');
	await expect(page.getByTestId('logged-sessions').locator('tbody tr')).toHaveCount(2);

	await createTrainerKey(page);
	const totals = page.getByTestId('session-totals');
	await expect(totals.getByRole('definition')).toHaveText(['2', '60', '20', '12']);
	await expect(page.getByText('Girls and boys were counted in 1 session.')).toBeVisible();
	await page.getByLabel('Class', { exact: true }).selectOption('ថ្នាក់ទី៨ ខ');
	await expect(totals.getByRole('definition')).toHaveText(['1', '28']);

	const { name, text } = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Session log (CSV)' })
	);
	expect(name).toMatch(/^smc-sessions-.*\.csv$/);
	const [header, ...rows] = Papa.parse<string[]>(text.slice(1), {
		newline: '\r\n',
		skipEmptyLines: true
	}).data;
	const column = (row: string[], key: string) => row[header!.indexOf(key)];
	expect(rows).toHaveLength(2);
	expect(rows.map((row) => column(row, 'class_label')).sort()).toEqual(['Grade 8B', 'ថ្នាក់ទី៨ ខ']);
	const counted = rows.find((row) => column(row, 'class_label') === 'Grade 8B')!;
	expect([column(counted, 'lesson_id'), column(counted, 'students')]).toEqual(['documents', '32']);
	expect([column(counted, 'girls'), column(counted, 'boys')]).toEqual(['20', '12']);
});

test('deleting one class takes the typed word and the passphrase, and leaves the other classes', async ({
	page
}) => {
	await createTrainerKey(page);
	const file = await fileFor(page, [
		...[1, 2, 3, 4, 2].map((score) => ({ classLabel: 'Grade 8A', score })),
		...[3, 3, 4, 1, 2].map((score) => ({ classLabel: 'Grade 9A', score }))
	]);
	await importFiles(page, [file]);
	await expect(page.getByTestId('attempt-count')).toHaveText('10 attempts match the filters.');

	await page
		.getByLabel('What to delete')
		.selectOption({ label: 'Class “Grade 9A”: its results and its sessions' });
	const remove = page.getByRole('button', { name: 'Delete', exact: true });
	await expect(remove).toBeDisabled();
	await page.getByLabel('Type “delete” to confirm').fill('delete');
	await expect(remove).toBeDisabled();

	// A wrong passphrase deletes nothing.
	const before = await dumpDatabase(page);
	const field = page.getByRole('region', { name: 'Delete results' }).getByLabel('Passphrase');
	await field.fill('not-the-passphrase-at-all');
	await remove.click();
	await expect(page.getByTestId('key-message')).toHaveText(
		'That passphrase does not open the key.'
	);
	await expect(page.getByTestId('results')).toHaveAttribute('data-busy', 'false');
	expect(await dumpDatabase(page)).toEqual(before);

	await field.fill(PASSPHRASE);
	await remove.click();
	await expect(page.getByTestId('deleted')).toHaveText('Deleted 5 attempts and 0 logged sessions.');
	await expect(page.getByTestId('attempt-count')).toHaveText('5 attempts match the filters.');
	const classes = page.getByLabel('Class', { exact: true }).locator('option');
	await expect(classes).toHaveText(['All classes', 'Grade 8A']);
	// Merged attempts are kept many to a row: the row now holds the other class's five.
	const merged = (await dumpDatabase(page)).merged as { attempts: unknown[] }[];
	expect(merged.flatMap((row) => row.attempts)).toHaveLength(5);
});

test('the storage panel tells whether the browser keeps the results, and reminds after 14 days without an export', async ({
	page,
	context
}) => {
	await page.clock.install({ time: new Date('2025-03-05T09:00:00') });
	await goOffline(page, context, { trainer: true });
	await createTrainerKey(page);
	// Results started two days before: no reminder yet.
	await importFiles(page, [await fileFor(page, [{ classLabel: 'Grade 8A', score: 2 }])]);
	const panel = page.getByTestId('storage-panel');
	await expect(panel.getByTestId('persisted')).toHaveText(
		/^(This browser keeps these results even when space runs low\.|This browser may clear these results when space runs low: export them often\.)$/
	);
	await expect(panel.getByTestId('last-export')).toHaveText('Never exported from this device.');
	await expect(page.getByTestId('export-reminder')).toHaveCount(0);

	// Twelve days on, never exported: the oldest result is 14 days old.
	await page.clock.fastForward(12 * DAY);
	await page.reload();
	await unlock(page);
	await expect(page.getByTestId('export-reminder')).toBeVisible();

	await downloadFrom(page, page.getByRole('button', { name: 'Sealed file (JSON)' }).first());
	await expect(panel.getByTestId('last-export')).toContainText('Last export:');
	await expect(page.getByTestId('export-reminder')).toHaveCount(0);

	// Fourteen days after that export, the reminder comes back.
	await page.clock.fastForward(14 * DAY);
	await page.reload();
	await unlock(page);
	await expect(page.getByTestId('export-reminder')).toHaveText(
		'These results have not been exported for 14 days or more. Save an export now: a lost or broken tablet would lose them.'
	);
});

test('a session submitted twice before the first is saved is logged once', async ({ page }) => {
	await page.goto('/sessions/log');
	await expect(
		page.getByTestId('logged-sessions').or(page.getByText('No session logged'))
	).toBeVisible();
	await page.getByLabel('Lesson').selectOption({ index: 1 });
	await page.getByLabel('Class', { exact: true }).fill('Grade 8B');
	await page.getByLabel('Number of students').fill('30');
	// Two submits in one go, as a double tap on "Save the session" gives: the second comes
	// while the first is still being written.
	await page.locator('form').evaluate((form: HTMLFormElement) => {
		form.requestSubmit();
		form.requestSubmit();
	});
	await expect(page.getByTestId('session-saved')).toContainText('Grade 8B, 30 students');
	await expect(page.getByTestId('logged-sessions').locator('tbody tr')).toHaveCount(1);
	expect((await dumpDatabase(page)).sessions).toHaveLength(1);
});
