import type { Locator, Page } from '@playwright/test';
import { appStarted, expect, test } from './fixtures';

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
	await appStarted(page);
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

	const opened = context.waitForEvent('page');
	await page.keyboard.press('p');
	const presenter = await opened;
	await presenter.waitForLoadState();
	await expect(presenter).toHaveURL(new RegExp(`/present/${id}/presenter(#1)?$`));
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

/** The page's clock stands still at `time`, and moves only when the test moves it. */
async function stopClock(page: Page, time: string) {
	// Installed a minute before: the fake clock runs meanwhile, and cannot be paused in its past.
	const at = new Date(time);
	await page.clock.install({ time: new Date(at.getTime() - 60_000) });
	await page.clock.pauseAt(at);
}

/** Every box is wholly inside the window, and the page itself does not scroll. */
async function allInView(page: Page, boxes: Locator[]) {
	const size = page.viewportSize()!;
	for (const box of boxes) {
		const at = (await box.boundingBox())!;
		expect(at, `${box}`).not.toBeNull();
		expect(at.y + at.height, `${box} bottom`).toBeLessThanOrEqual(size.height + 0.5);
		expect(at.x + at.width, `${box} right`).toBeLessThanOrEqual(size.width + 0.5);
	}
	const scrolls = await page.evaluate(
		() => document.scrollingElement!.scrollHeight - window.innerHeight
	);
	expect(scrolls).toBeLessThanOrEqual(0);
}

test('the presenter window shows the slide, the next one, the notes and the questions at once, and scrolls long notes with ↑ ↓', async ({
	page
}) => {
	for (const size of [
		{ width: 1366, height: 768 },
		{ width: 1100, height: 760 }
	]) {
		await page.setViewportSize(size);
		await page.goto('/present/what-is-trafficking/presenter');
		await expect(page.getByRole('heading', { name: /Now showing · Slide 1 of/ })).toBeVisible();
		const notes = page.getByRole('region', { name: 'Notes for the teacher' });
		const questions = page.getByRole('region', { name: 'Ask the class' });
		await expect(notes).toContainText('Give everyone one minute');
		await expect(questions).toContainText('Where have you heard');
		await allInView(page, [
			page.locator('.preview.current'),
			page.locator('.preview.small'),
			notes,
			questions,
			page.getByRole('link', { name: 'If a student tells you about a case' })
		]);
		for (const box of [notes, questions, page.locator('.preview.small')]) {
			expect((await box.boundingBox())!.height, `${box} height`).toBeGreaterThan(60);
		}
	}

	// The Khmer notes of the warning-signs slide are longer than their box.
	await page.goto('/km/present/what-is-trafficking/presenter');
	await appStarted(page);
	await expect(page.getByRole('heading', { name: /ស្លាយទី ១ នៃ/ })).toBeVisible();
	await page.keyboard.press('End');
	await expect(page.getByRole('heading', { name: /ស្លាយទី ៩/ })).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	const notes = page.locator('section.notes');
	await expect(page.getByRole('heading', { name: /ស្លាយទី ៨/ })).toBeVisible();
	const room = await notes.evaluate((box) => box.scrollHeight - box.clientHeight);
	expect(room).toBeGreaterThan(0);
	await page.keyboard.press('ArrowDown');
	await expect.poll(() => notes.evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
	await page.keyboard.press('ArrowUp');
	await expect.poll(() => notes.evaluate((box) => box.scrollTop)).toBe(0);
	// ↑ ↓ left the slide where it was; the page keys still move it.
	await expect(page.getByRole('heading', { name: /ស្លាយទី ៨/ })).toBeVisible();
	await page.keyboard.press('PageDown');
	await expect(page.getByRole('heading', { name: /ស្លាយទី ៩/ })).toBeVisible();
});

test('the presenter clock survives closing the window, and each part says when it runs over', async ({
	context
}) => {
	const first = await context.newPage();
	await stopClock(first, '2026-03-02T08:00:00');
	await first.goto('/present/what-is-trafficking/presenter');
	// The warm-up is planned for 5 minutes.
	await expect(first.getByText('Part 1 of 5: Warm-up')).toBeVisible();
	await expect(first.getByText('05:00 left in this part')).toBeVisible();
	await first.clock.fastForward('04:10');
	const standing = first.locator('[data-status]');
	await expect(standing).toHaveText('Time to wrap up: 00:50 left');
	await expect(standing).toHaveAttribute('data-status', 'ending');
	await first.clock.fastForward('01:00');
	await expect(standing).toHaveText('Over time by 00:10');
	await expect(standing).toHaveAttribute('data-status', 'over');
	const over = await standing.evaluate((element) => getComputedStyle(element).color);
	await first.close();

	const again = await context.newPage();
	await stopClock(again, '2026-03-02T08:07:00');
	await again.goto('/present/what-is-trafficking/presenter');
	await appStarted(again);
	await expect(again.getByRole('timer')).toHaveText('07:00');
	await expect(again.locator('[data-status]')).toHaveText('Over time by 02:00');
	expect(await again.locator('[data-status]').evaluate((e) => getComputedStyle(e).color)).toBe(
		over
	);
	// The next part starts its own time.
	await again.keyboard.press('PageDown');
	await again.keyboard.press('PageDown');
	await expect(again.getByText(/Part 2 of 5/)).toBeVisible();
	await expect(again.locator('[data-status]')).toHaveText('15:00 left in this part');
	await expect(again.locator('[data-status]')).toHaveAttribute('data-status', 'on-time');
	await again.getByRole('button', { name: 'Reset' }).click();
	await expect(again.getByRole('timer')).toHaveText('00:00');
});

test('T shows the class a large countdown of the current part, and T again hides it', async ({
	page
}) => {
	await stopClock(page, '2026-03-02T08:00:00');
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/present/what-is-trafficking#2');
	await appStarted(page);
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
	await page.keyboard.press('t');
	const countdown = page.getByRole('timer');
	await expect(countdown).toContainText('The three parts');
	await expect(countdown).toContainText('15:00');
	const digits = countdown.locator('.left');
	expect((await digits.boundingBox())!.height).toBeGreaterThan(150);
	await page.clock.fastForward('02:30');
	await expect(digits).toHaveText('12:30');
	await page.keyboard.press('T');
	await expect(countdown).toBeHidden();
	// Shown again, it has kept running.
	await page.clock.fastForward('01:00');
	await page.keyboard.press('t');
	await expect(digits).toHaveText('11:30');
	await page.clock.fastForward('12:00');
	await expect(digits).toHaveText('00:00');
	await expect(countdown).toContainText('Time is up');
});

test('the controls and the pointer hide 2 s after the mouse stops, even with a button focused', async ({
	page
}) => {
	// The clock moves only when told: a slow machine cannot hide the controls before they
	// are looked at.
	await stopClock(page, '2026-03-02T08:00:00');
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/present/what-is-trafficking');
	await appStarted(page);
	const next = page.getByRole('button', { name: 'Next slide' });
	await next.click();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
	await expect(next).toBeFocused();
	const controls = page.locator('nav.controls');
	await expect(controls).toHaveCSS('opacity', '1');
	await page.clock.fastForward(2100);
	await expect(controls).toHaveCSS('opacity', '0');
	await expect(page.locator('main.projector')).toHaveCSS('cursor', 'none');
	await page.mouse.move(300, 300);
	await expect(controls).toHaveCSS('opacity', '1');
});

test('the language switch on the projector keeps the slide', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/present/what-is-trafficking');
	await appStarted(page);
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
	await page.mouse.move(200, 200);
	await page.getByRole('group', { name: 'Language' }).getByRole('link', { name: 'ខ្មែរ' }).click();
	await expect(page).toHaveURL(/\/km\/present\/what-is-trafficking#3$/);
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
	await expect(page.locator('article.slide .slide-title')).toHaveText(/[\u1780-\u17FF]/);
	await page.mouse.move(210, 210);
	await page.getByRole('group', { name: 'ភាសា' }).getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/present\/what-is-trafficking#3$/);
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
});

test('the presenter window on its own keeps its slide through the language switch', async ({
	page
}) => {
	await page.setViewportSize({ width: 1100, height: 760 });
	await page.goto('/present/what-is-trafficking/presenter');
	await expect(page.getByRole('heading', { name: /Now showing · Slide 1 of/ })).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { name: /Now showing · Slide 3 of/ })).toBeVisible();
	await expect(page).toHaveURL(/\/present\/what-is-trafficking\/presenter#3$/);
	await page.getByRole('group', { name: 'Language' }).getByRole('link', { name: 'ខ្មែរ' }).click();
	await expect(page).toHaveURL(/\/km\/present\/what-is-trafficking\/presenter#3$/);
	await expect(page.getByRole('heading', { name: /ស្លាយទី ៣ នៃ/ })).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/\/km\/present\/what-is-trafficking\/presenter#4$/);
	await page.getByRole('group', { name: 'ភាសា' }).getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/present\/what-is-trafficking\/presenter#4$/);
	await expect(page.getByRole('heading', { name: /Now showing · Slide 4 of/ })).toBeVisible();
	// A reload comes back to the same slide.
	await page.reload();
	await expect(page.getByRole('heading', { name: /Now showing · Slide 4 of/ })).toBeVisible();
});
