/**
 * Nothing of a student survives their turn on a practice quiz either, although its answers
 * live only in the tab: Back on the last feedback, then Forward or opening the quiz again,
 * shows the next student Start, with no question, feedback or score of the last one.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerPractice } from './station-helpers';

const PRACTICE = '/quiz/documents-practice';

async function nothingOfTheLastStudent(page: Page): Promise<void> {
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
	await expect(page.getByText(/^Question \d+ of/)).toHaveCount(0);
	await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toHaveCount(0);
	await expect(page.getByTestId('score')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Resume/ })).toHaveCount(0);
}

test('Back on the last feedback of a practice quiz leaves the next student nothing: not by Forward, not by opening it again', async ({
	page
}) => {
	await page.goto('/quiz');
	await page.goto(PRACTICE);
	await answerPractice(page);

	await page.goBack();
	await expect(page).not.toHaveURL(/documents-practice/);
	await page.goForward();
	await expect(page).toHaveURL(/documents-practice/);
	await nothingOfTheLastStudent(page);
	await page.goto(PRACTICE);
	await nothingOfTheLastStudent(page);
});
