/**
 * One tap, one action, on a touch tablet: a double tap on a button that moves to a new screen
 * must not land its second tap on that new screen. The page's clock is held still between the
 * two taps and moved on by exactly the gap between them, 30–150 ms as a student's double tap,
 * so the test does not depend on how fast the machine runs it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 800, height: 1280 }, hasTouch: true });

const PRE_QUIZ = '/quiz/before-the-sessions';
/** Question 4 of the pre-quiz, the first one where the items are put in order. */
const ORDER_QUESTION = 'wages-before-you-go';

/**
 * How many answers the results database holds for one question. The only place these tests
 * read the database: how attempts are stored may change, what they assert does not.
 */
async function savedAnswersTo(page: Page, questionId: string): Promise<number> {
	return page.evaluate(async (questionId) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('smc-results');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const answers = await new Promise<{ questionId: string }[]>((resolve, reject) => {
			const request = db.transaction('answers').objectStore('answers').getAll();
			request.onsuccess = () => resolve(request.result as { questionId: string }[]);
			request.onerror = () => reject(request.error);
		});
		db.close();
		return answers.filter((answer) => answer.questionId === questionId).length;
	}, questionId);
}

/** A teacher sets the tablet up for a class; the station waits at Start. */
async function openStation(page: Page, quiz: string): Promise<void> {
	await page.goto(quiz);
	await page.getByLabel('Class', { exact: true }).fill('Grade 8B');
	await page.getByRole('button', { name: 'Open the station' }).tap();
	await page.getByRole('button', { name: 'Start', exact: true }).tap();
}

/** Answers the question on screen with taps: the first option, or the order as shown. */
async function answerByTaps(page: Page): Promise<void> {
	await expect(page.locator('.station')).toHaveAttribute('data-screen', 'question');
	await page.locator('.options label').first().tap();
	await page.getByRole('button', { name: 'Check my answer' }).tap();
	await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toBeVisible();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
	const box = (await locator.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Holds the page's clock still (a second on): from then on it moves only when the test moves it. */
async function holdClock(page: Page): Promise<void> {
	await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

const rounds = [
	{ gap: 30, second: 'the same place, where the next screen has its main button' },
	{ gap: 90, second: '“This order is my answer”' },
	{ gap: 150, second: 'the first “Move down” button' }
] as const;

for (const { gap, second } of rounds) {
	test(`a double tap on “Next question” ${gap} ms apart records nothing for the ordering question after it (second tap on ${second})`, async ({
		page
	}) => {
		await page.clock.install();
		await openStation(page, PRE_QUIZ);
		await page.getByRole('button', { name: 'Skip' }).tap();
		for (let number = 1; number <= 3; number++) {
			await expect(page.getByText(`Question ${number} of 11`)).toBeVisible();
			await answerByTaps(page);
			if (number < 3) await page.getByRole('button', { name: 'Next question' }).tap();
		}

		const next = page.getByRole('button', { name: 'Next question' });
		await expect(next).toBeVisible();
		const first = await centre(next);
		await holdClock(page);
		await page.touchscreen.tap(first.x, first.y);
		await page.clock.runFor(gap);
		// The ordering question is on screen now; the second tap lands on it.
		await expect(page.getByText('Question 4 of 11')).toBeVisible();
		const target =
			gap === 30
				? first
				: await centre(
						gap === 90
							? page.getByText('This order is my answer')
							: page.getByRole('button', { name: /^Move down/ }).first()
					);
		const orderBefore = await page.locator('.order li .item').allTextContents();
		await page.touchscreen.tap(target.x, target.y);

		// Nothing happened: the question is still unanswered, its order untouched.
		await expect(page.locator('.station')).toHaveAttribute('data-screen', 'question');
		await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toHaveCount(0);
		await expect(page.getByLabel('This order is my answer')).not.toBeChecked();
		await expect(page.getByRole('button', { name: 'Check my answer' })).toBeDisabled();
		expect(await page.locator('.order li .item').allTextContents()).toEqual(orderBefore);
		expect(await savedAnswersTo(page, ORDER_QUESTION)).toBe(0);

		// Once the screen has settled, a tap that begins on it counts.
		await page.clock.resume();
		await page.getByText('This order is my answer').tap();
		await page.getByRole('button', { name: 'Check my answer' }).tap();
		await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toBeVisible();
		await expect(page.locator('.station')).toHaveAttribute('data-saving', '0');
		expect(await savedAnswersTo(page, ORDER_QUESTION)).toBe(1);
	});
}

test('an ordering question cannot be checked untouched: it needs a move or “This order is my answer”', async ({
	page
}) => {
	await openStation(page, PRE_QUIZ);
	await page.getByRole('button', { name: 'Skip' }).tap();
	for (let number = 1; number <= 3; number++) {
		await answerByTaps(page);
		await page.getByRole('button', { name: 'Next question' }).tap();
	}
	const check = page.getByRole('button', { name: 'Check my answer' });
	await expect(page.getByText('Question 4 of 11')).toBeVisible();
	await expect(check).toBeDisabled();
	await page
		.getByRole('button', { name: /^Move down/ })
		.first()
		.tap();
	await expect(check).toBeEnabled();
	await page
		.getByRole('button', { name: /^Move up/ })
		.nth(1)
		.tap();
	// Moved back where it was: still the student's own choice of order.
	await expect(check).toBeEnabled();
	await check.tap();
	await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toBeVisible();
});

test('a double tap on “See my score” leaves the score on screen, not passed on by “Done”', async ({
	page
}) => {
	await page.clock.install();
	await openStation(page, '/quiz/documents-practice');
	for (;;) {
		await expect(page.locator('.station')).toHaveAttribute('data-screen', 'question');
		const confirm = page.getByText('This order is my answer');
		if ((await confirm.count()) > 0) await confirm.tap();
		else await page.locator('.options label').first().tap();
		await page.getByRole('button', { name: 'Check my answer' }).tap();
		const score = page.getByRole('button', { name: 'See my score' });
		const next = page.getByRole('button', { name: 'Next question' });
		await expect(score.or(next)).toBeVisible();
		if (await score.isVisible()) break;
		await next.tap();
	}
	const spot = await centre(page.getByRole('button', { name: 'See my score' }));
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
