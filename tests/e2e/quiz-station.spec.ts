/**
 * A tablet used as a quiz station, in Chromium with its real IndexedDB: the app is opened
 * once with the network, then every step happens offline, as in a classroom.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const QUIZ = '/quiz/before-the-sessions';

interface SavedAnswer {
	attemptUuid: string;
	questionId: string;
	given: string[];
	correct: boolean;
	ms: number;
}

interface SavedAttempt {
	uuid: string;
	status: string;
	finishedAt: string | null;
	score: number;
	maxScore: number;
	classLabel: string;
	pairingCode: string | null;
	quizId: string;
	locale: string;
}

/** Everything the results database holds, read with the bare IndexedDB API. */
async function readResults(
	page: Page
): Promise<{ attempts: SavedAttempt[]; answers: SavedAnswer[] }> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('smc-results');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const all = (store: string) =>
			new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const [attempts, answers] = await Promise.all([all('attempts'), all('answers')]);
		db.close();
		return { attempts, answers } as { attempts: SavedAttempt[]; answers: SavedAnswer[] };
	});
}

/** Opens the app once with the network, waits until it is saved for offline use, then cuts it. */
async function goOffline(page: Page, context: BrowserContext): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
	await context.setOffline(true);
}

async function setUpStation(page: Page, classLabel = 'Grade 8B'): Promise<void> {
	await page.goto(QUIZ);
	await page.getByLabel('Class', { exact: true }).fill(classLabel);
	await page.getByRole('button', { name: 'Open the station' }).click();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
}

async function start(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
}

/** Gives the first answer offered (or the order as shown) and checks it; returns the question number. */
async function answerQuestion(page: Page): Promise<number> {
	const progress = (await page.getByText(/^Question \d+ of \d+$/).textContent())!;
	const choice = page.locator('.options input').first();
	if ((await choice.count()) > 0) await choice.check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toBeVisible();
	return Number(/Question (\d+)/.exec(progress)![1]);
}

async function next(page: Page): Promise<void> {
	await page.getByRole('button', { name: /^(Next question|See my score)$/ }).click();
}

async function takeWholeQuiz(page: Page): Promise<string> {
	await start(page);
	for (;;) {
		await answerQuestion(page);
		const last = await page.getByRole('button', { name: 'See my score' }).count();
		await next(page);
		if (last) break;
	}
	return (await page.getByTestId('score').textContent())!.trim();
}

test.describe('a quiz station', () => {
	test('takes two students in turn, and Back after “Done” shows nothing of the first', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		await goOffline(page, context);
		await setUpStation(page);
		const historyAtStart = await page.evaluate(() => history.length);

		const firstScore = await takeWholeQuiz(page);
		expect(firstScore).toMatch(/^You got \d+ out of 11\.$/);
		await expect(page.getByRole('heading', { name: 'Key messages to remember' })).toBeVisible();
		await page.getByRole('button', { name: 'Done — pass to the next student' }).click();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect(page.getByText(firstScore)).toHaveCount(0);
		// Nothing of the attempt went into the address or the history.
		expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
		expect(new URL(page.url()).pathname).toBe(QUIZ);

		await page.goBack();
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
		await page.goForward();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect(page.getByTestId('score')).toHaveCount(0);
		await expect(page.getByText(/^Question \d+ of/)).toHaveCount(0);
		await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toHaveCount(0);

		const secondScore = await takeWholeQuiz(page);
		await page.getByRole('button', { name: 'Done — pass to the next student' }).click();
		await expect(page.getByText(secondScore)).toHaveCount(0);

		const { attempts, answers } = await readResults(page);
		expect(attempts).toHaveLength(2);
		for (const attempt of attempts) {
			expect(attempt).toMatchObject({
				status: 'finished',
				classLabel: 'Grade 8B',
				pairingCode: null,
				quizId: 'before-the-sessions',
				locale: 'en',
				maxScore: 11
			});
			expect(answers.filter((answer) => answer.attemptUuid === attempt.uuid)).toHaveLength(11);
		}
	});

	test('after a reload mid-quiz, resumes with every answer kept and the options as before', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		await goOffline(page, context);
		await setUpStation(page);
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		// The student makes a pairing code from three choices.
		await page.getByText('K', { exact: true }).click();
		await page.getByText('July', { exact: true }).click();
		await page
			.getByRole('group', { name: 'How many older brothers and sisters you have' })
			.getByText('2', { exact: true })
			.click();
		await expect(page.getByText('Your code is K-07-2.', { exact: false })).toBeVisible();
		await page.getByRole('button', { name: 'Continue' }).click();

		for (let number = 1; number <= 3; number++) {
			expect(await answerQuestion(page)).toBe(number);
			await next(page);
		}
		await expect(page.getByText('Question 4 of 11')).toBeVisible();
		const optionsBefore = await page.locator('.options label, .order li').allTextContents();
		const saved = (await readResults(page)).answers;
		expect(saved).toHaveLength(3);

		await page.reload();
		await expect(
			page.getByRole('heading', { name: 'A quiz was left unfinished on this tablet' })
		).toBeVisible();
		await expect(page.getByText('3 of 11 questions answered')).toBeVisible();
		await page.getByRole('button', { name: 'Resume it' }).click();
		await expect(page.getByText('Question 4 of 11')).toBeVisible();
		expect(await page.locator('.options label, .order li').allTextContents()).toEqual(
			optionsBefore
		);

		for (;;) {
			await answerQuestion(page);
			const last = await page.getByRole('button', { name: 'See my score' }).count();
			await next(page);
			if (last) break;
		}
		await expect(page.getByTestId('score')).toBeVisible();
		const { attempts, answers } = await readResults(page);
		expect(attempts).toEqual([
			expect.objectContaining({ status: 'finished', pairingCode: 'K-07-2', maxScore: 11 })
		]);
		expect(answers).toHaveLength(11);
		for (const answer of saved) expect(answers).toContainEqual(answer);
	});

	test('an answer given just before the page is closed is found stored, whole', async ({
		page,
		context
	}) => {
		await goOffline(page, context);
		await setUpStation(page);
		await start(page);
		await answerQuestion(page);
		await expect(page.locator('.station')).toHaveAttribute('data-saving', '0');
		await page.close();

		const later = await context.newPage();
		await later.goto(QUIZ);
		await expect(later.getByRole('button', { name: 'Resume it' })).toBeVisible();
		const { attempts, answers } = await readResults(later);
		expect(answers).toEqual([
			expect.objectContaining({ questionId: 'sure-job-offer', given: [expect.any(String)] })
		]);
		expect(attempts[0]!.score).toBe(answers[0]!.correct ? 1 : 0);
	});

	test('an answer cut off by closing the page at once is stored whole or not at all', async ({
		page,
		context
	}) => {
		await goOffline(page, context);
		await setUpStation(page);
		await start(page);
		await page.locator('.options input').first().check();
		await page.getByRole('button', { name: 'Check my answer' }).click();
		await page.close();

		const later = await context.newPage();
		await later.goto(QUIZ);
		await expect(later.getByRole('button', { name: 'Resume it' })).toBeVisible();
		const { attempts, answers } = await readResults(later);
		const scored = answers.filter((answer) => answer.correct).length;
		expect(answers.length).toBeLessThanOrEqual(1);
		expect(attempts[0]!.score).toBe(scored);
	});

	test('goes back to Start by itself after three idle minutes, closing the attempt as unfinished', async ({
		page,
		context
	}) => {
		await page.clock.install();
		await goOffline(page, context);
		await setUpStation(page);
		await start(page);
		await answerQuestion(page);
		await next(page);

		await page.clock.fastForward('02:50');
		await expect(page.getByText('Question 2 of 11')).toBeVisible();
		await page.getByText('Question 2 of 11').click(); // a touch puts the reset off
		await page.clock.fastForward('02:50');
		await expect(page.getByText('Question 2 of 11')).toBeVisible();
		await page.clock.fastForward('00:15');
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect(page.getByText(/^Question \d+ of/)).toHaveCount(0);

		await expect
			.poll(async () => (await readResults(page)).attempts[0]?.finishedAt ?? null)
			.not.toBeNull();
		const { attempts, answers } = await readResults(page);
		expect(attempts).toEqual([expect.objectContaining({ status: 'unfinished' })]);
		expect(answers).toHaveLength(1);
	});

	test('“Leave” on a student screen goes straight back to Start', async ({ page, context }) => {
		await goOffline(page, context);
		await setUpStation(page);
		await start(page);
		await answerQuestion(page);
		await page.getByRole('button', { name: 'Leave' }).click();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect
			.poll(async () => (await readResults(page)).attempts[0]?.status ?? 'none')
			.toBe('unfinished');
		await page.reload();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
	});

	test('open in two tabs, records each question once and loses no answer', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		await goOffline(page, context);
		await setUpStation(page);
		await start(page);
		await answerQuestion(page);

		const other = await context.newPage();
		await other.goto(QUIZ);
		await other.getByRole('button', { name: 'Resume it' }).click();
		await expect(other.getByText('Question 2 of 11')).toBeVisible();

		// Both tabs show question 2; the first tab answers it, then the second.
		await next(page);
		await expect(page.getByText('Question 2 of 11')).toBeVisible();
		await answerQuestion(page);
		await expect(page.locator('.station')).toHaveAttribute('data-saving', '0');
		const first = (await readResults(page)).answers.find(
			(answer) => answer.questionId === 'family-friend-agent'
		)!;

		await other.locator('.options input').last().check();
		await other.getByRole('button', { name: 'Check my answer' }).click();
		await expect(other.getByRole('alert')).toContainText('already answered in another window');
		await next(other);
		await expect(other.getByText('Question 3 of 11')).toBeVisible();
		await answerQuestion(other);
		await expect(other.locator('.station')).toHaveAttribute('data-saving', '0');

		// The first tab has not heard of that answer: its own to question 3 is refused in turn.
		await next(page);
		await expect(page.getByText('Question 3 of 11')).toBeVisible();
		await answerQuestion(page);
		await expect(page.getByRole('alert')).toContainText('already answered in another window');

		const { answers } = await readResults(page);
		const keys = answers.map((answer) => `${answer.attemptUuid}/${answer.questionId}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(answers.map((answer) => answer.questionId).sort()).toEqual(
			['family-friend-agent', 'sure-job-offer', 'contract-in-thai'].sort()
		);
		expect(answers.find((answer) => answer.questionId === 'family-friend-agent')).toEqual(first);
	});
});

test.describe('a quiz station, more', () => {
	test('Back from the score before “Done”, then Forward, shows nothing of that student', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		await goOffline(page, context);
		await setUpStation(page);
		const score = await takeWholeQuiz(page);
		await page.goBack();
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
		await page.goForward();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect(page.getByText(score)).toHaveCount(0);
		await expect(page.getByTestId('score')).toHaveCount(0);
		const { attempts } = await readResults(page);
		expect(attempts).toEqual([expect.objectContaining({ status: 'finished' })]);
	});

	test('runs in Khmer, with Khmer letters for the pairing code', async ({ page, context }) => {
		await goOffline(page, context);
		await page.goto(`/km${QUIZ}`);
		await page.getByLabel('ថ្នាក់', { exact: true }).fill('ថ្នាក់ទី៨ ខ');
		await page.getByRole('button', { name: 'បើកកន្លែងធ្វើកម្រងសំណួរ' }).click();
		await page.getByRole('button', { name: 'ចាប់ផ្តើម', exact: true }).click();
		await page.getByText('ស', { exact: true }).click();
		await page.getByText('មករា', { exact: true }).click();
		await page.getByRole('group', { name: 'ចំនួនបងប្រុស និងបងស្រីរបស់អ្នក' }).getByText('0').click();
		await page.getByRole('button', { name: 'បន្ត' }).click();
		await expect(page.getByText('សំណួរទី 1 ក្នុងចំណោម 11')).toBeVisible();
		await expect(page.locator('#question-text')).toHaveAttribute('lang', 'km');
		await page.locator('.options input').first().check();
		await page.getByRole('button', { name: 'ពិនិត្យចម្លើយរបស់ខ្ញុំ' }).click();
		await expect(page.getByRole('heading', { name: /^(ត្រូវហើយ!|មិនទាន់ត្រូវទេ។)$/ })).toBeVisible();
		await expect(page.locator('.station')).toHaveAttribute('data-saving', '0');
		const { attempts } = await readResults(page);
		expect(attempts).toEqual([
			expect.objectContaining({ locale: 'km', classLabel: 'ថ្នាក់ទី៨ ខ', pairingCode: 'ស-01-0' })
		]);
	});

	test('loads the results database only on the station, not on other pages', async ({ page }) => {
		const scripts = new Map<string, string[]>();
		let current = '';
		page.on('response', async (response) => {
			if (response.request().resourceType() !== 'script') return;
			const body = await response.text().catch(() => '');
			if (body.includes('chromeTransactionDurability')) scripts.get(current)!.push(response.url());
		});
		for (const route of ['/', '/quiz', '/settings', QUIZ]) {
			current = route;
			scripts.set(route, []);
			await page.goto(route, { waitUntil: 'networkidle' });
		}
		expect(scripts.get('/')).toEqual([]);
		expect(scripts.get('/quiz')).toEqual([]);
		expect(scripts.get('/settings')).toEqual([]);
		expect(scripts.get(QUIZ)!.length).toBeGreaterThan(0);
	});
});

test.describe('a station that cannot save', () => {
	test('says so before a student starts when IndexedDB is unavailable, as in a private window', async ({
		page,
		context
	}) => {
		await goOffline(page, context);
		await context.addInitScript(() => {
			IDBFactory.prototype.open = () => {
				throw new DOMException(
					'The user denied permission to access the database.',
					'SecurityError'
				);
			};
		});
		await page.goto(QUIZ);
		await expect(page.getByTestId('storage-problem')).toContainText(
			'This browser window cannot save answers'
		);
		await page.getByLabel('Class', { exact: true }).fill('Grade 8B');
		await page.getByRole('button', { name: 'Open the station' }).click();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
		await expect(page.getByTestId('storage-problem')).toBeVisible();
	});

	test('warns the teacher in one line when the browser refuses to keep results', async ({
		page,
		context
	}) => {
		await goOffline(page, context);
		await context.addInitScript(() => {
			StorageManager.prototype.persist = async () => false;
			StorageManager.prototype.persisted = async () => false;
		});
		await setUpStation(page);
		await expect(page.getByTestId('persist-warning')).toHaveText(
			'Teacher: this browser may delete saved answers if space runs low — export results often.'
		);
	});

	test('shows no warning when the browser keeps results', async ({ page, context }) => {
		await goOffline(page, context);
		await context.addInitScript(() => {
			StorageManager.prototype.persisted = async () => true;
		});
		await setUpStation(page);
		await expect(page.getByTestId('persist-warning')).toHaveCount(0);
	});
});
