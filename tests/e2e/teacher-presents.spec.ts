import { expect, test } from './fixtures';

test('a teacher goes from the start page to a lesson and presents it by keyboard', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Sessions', exact: true }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();

	const first = page.locator('ol.sessions > li').first();
	const title = (await first.getByRole('heading', { level: 2 }).textContent())!.trim();
	await first.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

	await page.getByRole('link', { name: 'Present on the projector' }).click();
	const slide = page.locator('article.slide h1');
	const firstSlide = await slide.textContent();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
	await expect(slide).not.toHaveText(firstSlide!);
	await expect(page).toHaveURL(/#2$/);

	await page.keyboard.press('b');
	await expect(page.locator('.blank')).toBeVisible();
	// A clicker's "next" while the screen is black brings the same slide back.
	await page.keyboard.press('PageDown');
	await expect(page.locator('.blank')).toBeHidden();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');

	await page.keyboard.press('End');
	const count = await page.getByRole('progressbar').getAttribute('aria-valuemax');
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', count!);
	await page.keyboard.press('Home');
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
	await page.keyboard.press('PageDown');
	await page.keyboard.press('PageUp');
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

	// A reload comes back to the same slide.
	await page.keyboard.press('Space');
	await page.reload();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');

	await page.keyboard.press('Escape');
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('the presenter window follows the projected slide, and the projector follows it', async ({
	page,
	context
}) => {
	await page.goto('/sessions');
	const href = await page.locator('ol.sessions > li a').first().getAttribute('href');
	const id = href!.split('/').pop()!;
	await page.goto(`/present/${id}`);
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

	const opened = context.waitForEvent('page');
	await page.keyboard.press('p');
	const presenter = await opened;
	await presenter.waitForLoadState();
	await expect(presenter).toHaveURL(new RegExp(`/present/${id}/presenter$`));
	await expect(presenter.getByRole('heading', { name: /Now showing · Slide 1 of/ })).toBeVisible();

	await page.keyboard.press('ArrowRight');
	await expect(presenter.getByRole('heading', { name: /Now showing · Slide 2 of/ })).toBeVisible();

	await presenter.getByRole('button', { name: /Next slide/ }).click();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');

	await presenter.keyboard.press('ArrowLeft');
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');

	await presenter.keyboard.press('b');
	await expect(page.locator('.blank')).toBeVisible();
	await page.keyboard.press('b');
	await expect(presenter.locator('.blanked')).toBeHidden();

	// The clock runs, and can be paused.
	await expect(presenter.getByRole('timer')).toContainText(/00:0[1-9]/);
	await presenter.getByRole('button', { name: 'Pause' }).click();
	await expect(presenter.getByRole('button', { name: 'Resume' })).toBeVisible();
});
