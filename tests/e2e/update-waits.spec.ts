/**
 * Updates wait for the class: a new version accepted in one tab does not take over while a
 * student's attempt is open in another tab of the app, and that tab is not reloaded until the
 * attempt is over. A new version is simulated as in update.spec.ts: a copy of the build, into
 * which a changed service worker is "deployed" while the tabs are open.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer } from '../../scripts/serve';
import { expect, test } from './fixtures';

/** Marks the page, so a test can tell whether it has been reloaded since. */
const mark = (page: Page) =>
	page.evaluate(() => {
		(window as unknown as { stillHere: boolean }).stillHere = true;
	});
const stillHere = (page: Page) =>
	page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);
const newVersionWaiting = (page: Page) =>
	page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

/** Answers the question on screen (the first option, or the order as shown) and moves on. */
async function answerAndGoOn(page: Page): Promise<'question' | 'end'> {
	const station = page.locator('.station');
	await expect(station).toHaveAttribute('data-screen', 'question');
	await page.locator('.options input').first().check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	await expect(station).toHaveAttribute('data-screen', 'feedback');
	await page.getByRole('button', { name: /^(Next question|See my score)$/ }).click();
	await expect(station).not.toHaveAttribute('data-screen', 'feedback');
	return (await station.getAttribute('data-screen')) === 'end' ? 'end' : 'question';
}

test('a new version accepted in one tab leaves a quiz in progress in another untouched until it ends', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'smc-update-'));
	cpSync('build', dir, { recursive: true });
	const server = await startServer({ dir });
	try {
		// The teacher's tab, and a quiz station in a second tab with a student on question 2.
		await page.goto(`${server.url}/settings`);
		await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
			timeout: 60_000
		});
		const student = await context.newPage();
		await student.goto(`${server.url}/quiz/documents-practice`);
		await student.getByRole('button', { name: 'Start', exact: true }).click();
		expect(await answerAndGoOn(student)).toBe('question');
		const progress = await student.getByText(/^Question \d+ of \d+$/).textContent();
		await mark(page);
		await mark(student);

		appendFileSync(join(dir, 'service-worker.js'), '\n// a new version\n');
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		const ready = page
			.getByRole('status')
			.filter({ hasText: 'A new version of the app is ready.' });
		await expect(ready).toBeVisible({ timeout: 30_000 });
		await ready.getByRole('button', { name: 'Reload now' }).click();

		// Accepted, but waiting for the class: said so to the teacher, and nothing taken over.
		await expect(
			page.getByRole('status').filter({ hasText: 'The new version will start once the quiz' })
		).toBeVisible();
		expect(await newVersionWaiting(student)).toBe(true);
		expect(await stillHere(page)).toBe(true);
		expect(await stillHere(student)).toBe(true);
		await expect(student.getByText('A new version of the app is ready.')).toHaveCount(0);
		await expect(student.getByText(progress!)).toBeVisible();

		// The student goes on to the score, on the version the attempt began on.
		while ((await answerAndGoOn(student)) === 'question');
		await expect(student.getByTestId('score')).toBeVisible();
		expect(await stillHere(student)).toBe(true);
		expect(await newVersionWaiting(student)).toBe(true);

		// "Done": the station is back at Start, and the new version takes over both tabs.
		const teacherReloaded = page.waitForEvent('load');
		const studentReloaded = student.waitForEvent('load');
		await student.getByRole('button', { name: 'Done — pass to the next student' }).click();
		await Promise.all([teacherReloaded, studentReloaded]);
		expect(await stillHere(page)).toBe(false);
		expect(await stillHere(student)).toBe(false);
		await expect(student.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		expect(await newVersionWaiting(student)).toBe(false);
	} finally {
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
