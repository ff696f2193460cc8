import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve';
import { expect, test } from './fixtures';

test('a new version waits for the user to choose "Reload now", and never reloads by itself', async ({
	page
}) => {
	// A copy of the build that this test can "deploy" a new version into.
	const dir = mkdtempSync(join(tmpdir(), 'smc-update-'));
	cpSync('build', dir, { recursive: true });
	const server = await startServer({ dir });
	try {
		await page.goto(`${server.url}/settings`);
		await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
			timeout: 60_000
		});
		await page.evaluate(() => {
			(window as unknown as { stillHere: boolean }).stillHere = true;
		});

		appendFileSync(join(dir, 'service-worker.js'), '\n// a new version\n');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});

		const prompt = page
			.getByRole('status')
			.filter({ hasText: 'A new version of the app is ready.' });
		await expect(prompt).toBeVisible({ timeout: 30_000 });
		// Shown, not acted on: the page the teacher is on stays as it is.
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBe(true);

		const reloaded = page.waitForEvent('load');
		await prompt.getByRole('button', { name: 'Reload now' }).click();
		await reloaded;
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBeUndefined();
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
		await expect(prompt).toBeHidden();
		// The new version is the one in charge now; none is left waiting.
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return {
					waiting: Boolean(registration?.waiting),
					controlled: Boolean(navigator.serviceWorker.controller)
				};
			})
		).toEqual({ waiting: false, controlled: true });
	} finally {
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
