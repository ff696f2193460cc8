/**
 * One tap, one action, on a touch tablet: a double tap on a button that moves to a new screen
 * must not land its second tap on that new screen. The page's clock is held still between the
 * two taps and moved on by exactly the gap between them, 30–150 ms as a student's double tap,
 * so the test does not depend on how fast the machine runs it.
 */
import type { Locator, Page } from '@playwright/test';
import { appStarted, expect, test } from './fixtures';
import {
	answerQuestion,
	progress,
	setUpStation,
	startAttempt,
	testTrainer
} from './station-helpers';

test.use({ viewport: { width: 800, height: 1280 }, hasTouch: true });

/** Question 4 of the pre-quiz, the first one where the items are put in order. */
const ORDER_QUESTION = 'steps-with-an-offer';

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
	const box = (await locator.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Holds the page's clock still (a second on): from then on it moves only when the test moves it. */
async function holdClock(page: Page): Promise<void> {
	await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

/** The questions the open attempt has an answer saved for. */
async function saved(page: Page): Promise<string[]> {
	return (await progress(page))[0]?.answered ?? [];
}

const rounds = [
	{ gap: 30, second: 'the same place, where the next screen has its main button' },
	{ gap: 90, second: '“This order is my answer”' },
	{ gap: 150, second: 'the first “Move down” button' }
] as const;

test('a double tap on “Save my answer” 30, 90 or 150 ms apart records nothing for the ordering question after it', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.clock.install();
	await setUpStation(page, await testTrainer());
	const save = page.getByRole('button', { name: 'Save my answer' });
	const confirm = page.getByRole('button', { name: 'This order is my answer' });

	for (const { gap, second } of rounds) {
		await test.step(`${gap} ms apart, the second tap on ${second}`, async () => {
			await startAttempt(page);
			await answerQuestion(page);
			await answerQuestion(page);
			await expect(page.getByText('Question 3 of 11')).toBeVisible();
			await page.locator('.options label').first().tap();
			const first = await centre(save);
			await holdClock(page);
			await page.touchscreen.tap(first.x, first.y);
			await page.clock.runFor(gap);
			// The ordering question is on screen now; the second tap lands on it.
			await expect(page.getByText('Question 4 of 11')).toBeVisible();
			const target =
				gap === 30
					? first
					: await centre(
							gap === 90 ? confirm : page.getByRole('button', { name: /^Move down/ }).first()
						);
			const orderBefore = await page.locator('.order li .item').allTextContents();
			await page.touchscreen.tap(target.x, target.y);

			// Nothing happened: the question is still unanswered, its order untouched.
			await expect(page.locator('.station')).toHaveAttribute('data-screen', 'question');
			await expect(page.getByText('Question 4 of 11')).toBeVisible();
			await expect(confirm).toHaveAttribute('aria-pressed', 'false');
			await expect(save).toBeDisabled();
			expect(await page.locator('.order li .item').allTextContents()).toEqual(orderBefore);
			expect(await saved(page)).toHaveLength(3);
			expect(await saved(page)).not.toContain(ORDER_QUESTION);

			// Once the screen has settled, a tap that begins on it counts: a move, or the
			// student's word that the order shown is theirs.
			await page.clock.resume();
			if (gap === 30) {
				await confirm.tap();
				await expect(confirm).toHaveAttribute('aria-pressed', 'true');
			} else {
				await page
					.getByRole('button', { name: /^Move down/ })
					.first()
					.tap();
				await expect(save).toBeEnabled();
				// Moved back where it was: still the student's own choice of order.
				await page
					.getByRole('button', { name: /^Move up/ })
					.nth(1)
					.tap();
			}
			await expect(save).toBeEnabled();
			await save.tap();
			await expect(page.getByText('Question 5 of 11')).toBeVisible();
			expect(await saved(page)).toContain(ORDER_QUESTION);

			await page.getByRole('button', { name: 'Leave' }).tap();
			await page.getByRole('button', { name: 'Yes, leave' }).tap();
			await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
		});
	}
});

test('a double tap on “Next question” ticks nothing on the next question, and one on “See my score” is not passed on by “Done”', async ({
	page
}) => {
	await page.clock.install();
	await page.goto('/quiz/documents-practice');
	await page.getByRole('button', { name: 'Start', exact: true }).tap();
	const check = page.getByRole('button', { name: 'Check my answer' });
	const next = page.getByRole('button', { name: 'Next question' });
	const score = page.getByRole('button', { name: 'See my score' });

	await page.locator('.options label').first().tap();
	await check.tap();
	const onNext = await centre(next);
	await holdClock(page);
	await page.touchscreen.tap(onNext.x, onNext.y);
	await page.clock.runFor(60);
	await expect(page.getByText(/^Question 2 of/)).toBeVisible();
	const option = await centre(page.locator('.options label').first());
	await page.touchscreen.tap(option.x, option.y);
	await expect(page.locator('.options input:checked')).toHaveCount(0);
	await expect(check).toBeDisabled();
	await page.clock.resume();

	for (;;) {
		await expect(page.locator('.station')).toHaveAttribute('data-screen', 'question');
		await page.locator('.options label').first().tap();
		await check.tap();
		await expect(score.or(next)).toBeVisible();
		if (await score.isVisible()) break;
		await next.tap();
	}
	const spot = await centre(score);
	await holdClock(page);
	await page.touchscreen.tap(spot.x, spot.y);
	await page.clock.runFor(60);
	const done = page.getByRole('button', { name: 'Done — pass to the next student' });
	await expect(done).toBeVisible();
	const onDone = await centre(done);
	await page.touchscreen.tap(onDone.x, onDone.y);
	await expect(page.getByTestId('score')).toBeVisible();
	await expect(page.locator('.station')).toHaveAttribute('data-screen', 'end');

	await page.clock.resume();
	await done.tap();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
});

test('a double tap on a story choice takes one step, not two', async ({ page }) => {
	await page.clock.install();
	await page.goto('/story/sophea');
	await appStarted(page);
	const passage = page.locator('article.passage');
	await expect(passage).toHaveAttribute('data-passage', 'village');
	const choice = page.getByRole('button', { name: 'Ask Nary more questions first' });
	await expect(choice).toBeVisible();
	const spot = await centre(choice);
	await holdClock(page);
	await page.touchscreen.tap(spot.x, spot.y);
	await page.clock.runFor(100);
	await expect(passage).toHaveAttribute('data-passage', 'questions');
	// The second tap lands on one of the next passage's choices, and takes none.
	const next = await centre(page.locator('.choices button').first());
	await page.touchscreen.tap(next.x, next.y);
	await expect(passage).toHaveAttribute('data-passage', 'questions');
	await expect(page.getByText('Step 2', { exact: true })).toBeVisible();

	await page.clock.resume();
	await page.locator('.choices button').first().tap();
	await expect(page.getByText('Step 3', { exact: true })).toBeVisible();
});
