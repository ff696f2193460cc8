/**
 * The quiz station, the paper sheet and paper entry are drawn from one file per quiz and
 * language (`/data/quizzes/<id>.json`), held once offline: after one visit they all open
 * with the network gone, and a quiz that does not exist is "not found", online or not.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startServer } from '../../scripts/serve';
import { expect, test } from './fixtures';
import { answerPractice } from './station-helpers';

const notFound = (page: Page, lang: 'en' | 'km' = 'en') =>
	expect(
		page.getByRole('heading', {
			level: 1,
			name: lang === 'km' ? 'រកមិនឃើញទំព័រ' : 'Page not found'
		})
	).toBeVisible();

test('the quiz pages have no page data of their own: they read the quiz’s file', () => {
	for (const quiz of ['before-the-sessions', 'documents-practice'])
		for (const prefix of ['', 'km/']) {
			expect(existsSync(`build/${prefix}data/quizzes/${quiz}.json`)).toBe(true);
			for (const page of ['', '/paper', '/paper/enter'])
				expect(existsSync(`build/${prefix}quiz/${quiz}${page}/__data.json`)).toBe(false);
		}
});

test('after one visit to a station, every quiz’s station, paper sheet and paper entry open offline', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	// A server of its own, so that this test can take it away.
	const server = await startServer({ dir: 'build' });
	const pageData: string[] = [];
	page.on('request', (request) => {
		if (request.url().endsWith('__data.json')) pageData.push(request.url());
	});
	await page.goto(`${server.url}/quiz/documents-practice`);
	// The worker takes control once it has saved the whole app.
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			timeout: 60_000
		})
		.toBe(true);
	await server.close();
	await context.setOffline(true);

	await page.goto(`${server.url}/quiz/before-the-sessions`);
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

	await page.goto(`${server.url}/quiz/before-the-sessions/paper`);
	await expect(page.getByTestId('paper-sheet')).toContainText('Answer sheet');
	await expect(page.locator('.questions > ol > li')).toHaveCount(11);

	await page.goto(`${server.url}/km/quiz/after-the-sessions/paper/enter`);
	await expect(page.getByRole('heading', { level: 1, name: 'វាយសន្លឹកក្រដាស' })).toBeVisible();

	// A practice quiz to its end, where the help contacts (a file of their own) are shown.
	await page.goto(`${server.url}/quiz/documents-practice`);
	const score = await answerPractice(page);
	await score.click();
	await expect(page.getByTestId('local-help')).toContainText('1288');

	// Offline too, an unknown quiz, and the paper pages of a practice quiz, are not found.
	await page.goto(`${server.url}/quiz/no-such-quiz`);
	await notFound(page);
	await page.goto(`${server.url}/km/quiz/no-such-quiz/paper/enter`);
	await notFound(page, 'km');
	await page.goto(`${server.url}/quiz/documents-practice/paper`);
	await notFound(page);

	expect(pageData.filter((url) => url.includes('/quiz/'))).toEqual([]);
});

test('an unknown quiz, or the paper pages of a practice quiz, show the not-found page', async ({
	page
}) => {
	for (const path of [
		'/quiz/no-such-quiz',
		'/km/quiz/no-such-quiz',
		'/quiz/no-such-quiz/paper',
		'/quiz/documents-practice/paper',
		'/quiz/documents-practice/paper/enter'
	]) {
		await page.goto(path);
		await notFound(page, path.startsWith('/km/') ? 'km' : 'en');
	}
});
