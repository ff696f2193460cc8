/**
 * The story in the browser's history: each step is an entry, so Android's Back button (the
 * browser's Back here) goes one step back rather than out of the story; and a story opened
 * again on the same tablet comes back where it was left, with a way to start again.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 800, height: 1280 }, hasTouch: true });

const passage = (page: Page) => page.locator('article.passage');
const step = (page: Page, number: number) => page.getByText(`Step ${number}`, { exact: true });

async function choose(page: Page, label: string | RegExp): Promise<void> {
	await page.locator('.choices').getByRole('button', { name: label }).tap();
}

/** Three choices that notice two warning signs, so the border passage offers two ways on. */
async function playToTheBorder(page: Page): Promise<void> {
	await choose(page, 'Ask Nary more questions first');
	await choose(page, 'The money sounds good: say yes');
	await choose(page, /^Sign the paper/);
	await expect(passage(page)).toHaveAttribute('data-passage', 'night-crossing');
	await expect(step(page, 4)).toBeVisible();
}

test('Back goes one step back through the story, Forward one step on, and out only from the start', async ({
	page
}) => {
	await page.goto('/story');
	await page.getByRole('link', { name: "Sophea's choice" }).tap();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await playToTheBorder(page);
	await expect(page.locator('.choices button')).toHaveCount(2);

	await page.goBack();
	await expect(step(page, 3)).toBeVisible();
	await expect(passage(page)).toHaveAttribute('data-passage', 'broker-deal');
	await page.goBack();
	await expect(step(page, 2)).toBeVisible();
	await page.goForward();
	await page.goForward();
	// Back at the border with what the earlier steps set: both ways on are offered again.
	await expect(step(page, 4)).toBeVisible();
	await expect(page.locator('.choices button')).toHaveCount(2);
	await expect(page).toHaveURL(/#p=night-crossing&c=1\.0\.0$/);

	// The page's own Back button is the same step back as the browser's.
	await page.getByRole('button', { name: '← Back' }).tap();
	await expect(step(page, 3)).toBeVisible();
	await page.goBack();
	await page.goBack();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await expect(page.getByRole('button', { name: '← Back' })).toBeDisabled();
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Stories' })).toBeVisible();
});

test('a story opened again resumes where this tablet left it, with “Start again”', async ({
	page
}) => {
	await page.goto('/story/sophea');
	await playToTheBorder(page);
	await page.goto('/');

	await page.goto('/story/sophea');
	const resumed = page.getByRole('status').filter({
		hasText: 'The story opens where it was left on this tablet.'
	});
	await expect(resumed).toBeVisible();
	await expect(passage(page)).toHaveAttribute('data-passage', 'night-crossing');
	await expect(step(page, 4)).toBeVisible();
	await expect(page.locator('.choices button')).toHaveCount(2);
	// Only the place in the story is kept: the passage and the choices that led to it.
	expect(await page.evaluate(() => localStorage.getItem('smc.story.sophea'))).toBe(
		'#p=night-crossing&c=1.0.0'
	);

	// The steps before it are in the history too, so Back still goes one step back.
	await page.goBack();
	await expect(step(page, 3)).toBeVisible();
	await expect(resumed).toBeHidden();
	await page.goto('/story/sophea');
	await expect(step(page, 3)).toBeVisible();

	await resumed.getByRole('button', { name: 'Start again' }).tap();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await expect(step(page, 1)).toBeVisible();
	await expect(resumed).toBeHidden();
	await page.reload();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await page.goto('/story/sophea');
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await expect(resumed).toHaveCount(0);
});

test('a link to a step deep in the story opens there, with the steps before it behind Back', async ({
	page
}) => {
	await page.goto('/');
	await page.goto('/story/sophea#p=night-crossing&c=1.0.0');
	await expect(step(page, 4)).toBeVisible();
	// Opened from a link, not resumed: nothing to say about this tablet.
	await expect(page.locator('.resumed')).toHaveCount(0);
	for (const number of [3, 2, 1]) {
		await page.goBack();
		await expect(step(page, number)).toBeVisible();
	}
	await page.goBack();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Safe migration, in class' })
	).toBeVisible();
});
