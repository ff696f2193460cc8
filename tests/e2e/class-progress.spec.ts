/**
 * A teacher sees, on the session list, which sessions a class has held (from the session log
 * on this device, with the days) and which comes next.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function logSession(page: Page, lesson: string, date: string, classLabel: string) {
	await page.goto(`/sessions/log?lesson=${lesson}`);
	await expect(page.getByLabel('Lesson').locator('option:checked')).not.toHaveText('');
	await page.getByLabel('Date').fill(date);
	await page.getByLabel('Class', { exact: true }).fill(classLabel);
	await page.getByLabel('Number of students').fill('30');
	await page.getByRole('button', { name: 'Save the session' }).click();
	await expect(page.getByRole('status').filter({ hasText: /saved|Saved/ })).toBeVisible();
}

test('choosing a class ticks the sessions it held, with their days, and marks the next', async ({
	page
}) => {
	await page.goto('/sessions');
	// Nothing logged yet: no class to choose.
	await expect(page.locator('ol.sessions > li').first()).toBeVisible();
	await expect(page.getByLabel('Show the sessions a class has held')).toHaveCount(0);
	const ids = await page
		.locator('ol.sessions > li h2 a')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('/').pop()!));

	await logSession(page, ids[0]!, '2026-02-23', 'Grade 8B');
	await logSession(page, ids[1]!, '2026-03-09', 'Grade 8B');
	await logSession(page, ids[0]!, '2026-03-02', 'Grade 8A');

	await page.goto('/sessions');
	const choose = page.getByLabel('Show the sessions a class has held');
	await expect(choose.locator('option')).toHaveText(['Choose a class', 'Grade 8A', 'Grade 8B']);
	await choose.selectOption('Grade 8B');
	const sessions = page.locator('ol.sessions > li');
	await expect(sessions.nth(0)).toHaveAttribute('data-progress', 'held');
	await expect(sessions.nth(0)).toContainText('Held: 23 Feb 2026');
	await expect(sessions.nth(1)).toContainText('Held: 9 Mar 2026');
	await expect(sessions.nth(2)).toHaveAttribute('data-progress', 'next');
	await expect(sessions.nth(2)).toContainText('Next for this class');
	await expect(page.locator('[data-progress]')).toHaveCount(3);

	await choose.selectOption('Grade 8A');
	await expect(sessions.nth(1)).toHaveAttribute('data-progress', 'next');
	await expect(page.locator('[data-progress="held"]')).toHaveCount(1);
});
