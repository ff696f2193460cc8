/**
 * A tablet used as a quiz station, in Chromium with its real IndexedDB: a reload, a closed
 * page, Back, two tabs, the idle reset, Leave, Khmer, and storage that cannot save. The
 * station keeps in clear only which questions of an attempt in progress have an answer
 * (`progress`); everything else is sealed.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	answerQuestion,
	done,
	dumpDatabase,
	installKey,
	openTeacher,
	PRE_QUIZ,
	progress,
	setUpStation,
	startAttempt,
	testTrainer
} from './station-helpers';

const options = (page: Page) => page.locator('.options label, .order li').allTextContents();

test.describe('a pre or post quiz station', () => {
	test('the student’s own reload carries on at the next question, with the options as before', async ({
		page
	}) => {
		await setUpStation(page, await testTrainer());
		await startAttempt(page, { letter: 'K', month: 'July', siblings: '2' });
		for (let number = 1; number <= 3; number++) expect(await answerQuestion(page)).toBe(number);
		await expect(page.getByText('Question 4 of 11')).toBeVisible();
		const before = await options(page);
		expect((await progress(page))[0]!.answered).toHaveLength(3);

		await page.reload();
		await expect(page.getByText('Question 4 of 11')).toBeVisible();
		expect(await options(page)).toEqual(before);
		while ((await page.getByText(/^Question \d+ of \d+$/).count()) > 0) await answerQuestion(page);
		await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
		// No score at the end of a measurement, but where to get help, as after every quiz.
		await expect(page.getByText(/You got|out of 11/)).toHaveCount(0);
		await expect(page.getByTestId('local-help')).toContainText('1288');
		const dump = await dumpDatabase(page);
		expect(dump.progress).toEqual([]);
		expect(dump.sealed).toEqual([
			expect.objectContaining({ parts: [expect.anything(), expect.anything()] })
		]);
	});

	test('Back on the last question leaves nothing for the next student: no resume, no score; only the teacher may close it', async ({
		page
	}) => {
		test.setTimeout(90_000);
		await setUpStation(page, await testTrainer());
		await startAttempt(page);
		for (let number = 1; number <= 10; number++) await answerQuestion(page);
		await expect(page.getByText('Question 11 of 11')).toBeVisible();
		await page.goBack();
		await expect(page).not.toHaveURL(/before-the-sessions/);

		// The next student opens the quiz again.
		await page.goto(PRE_QUIZ);
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
		await expect(page.getByTestId('interrupted')).toContainText(
			'Only the teacher can resume or close them.'
		);
		await expect(page.getByRole('button', { name: /Resume/ })).toHaveCount(0);
		await expect(page.getByText(/^Question \d+ of/)).toHaveCount(0);
		await expect(page.getByText(/You got/)).toHaveCount(0);
		await expect(page.getByTestId('score')).toHaveCount(0);

		await openTeacher(page);
		const left = page.getByTestId('interrupted-attempt');
		await expect(left).toContainText('10 of 11 questions answered');
		await left.getByRole('button', { name: 'Close it, keeping its answers' }).click();
		await expect(left).toHaveCount(0);
		expect(await progress(page)).toEqual([]);
	});

	test('the browser closed right after “Save my answer”: the answer is saved, or the next question never showed', async ({
		page,
		context
	}) => {
		await setUpStation(page, await testTrainer());
		await startAttempt(page);
		await page.locator('.options input').first().check();
		await page.getByRole('button', { name: 'Save my answer' }).click();
		const shown = await page.getByText('Question 2 of 11').isVisible();
		await page.close();

		const later = await context.newPage();
		await later.goto(PRE_QUIZ);
		await expect(later.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		const [open] = await progress(later);
		if (shown) expect(open!.answered).toEqual(['sure-job-offer']);
		else expect(open!.answered.length).toBeLessThanOrEqual(1);
	});

	test('Leave asks once; the idle reset closes the attempt by itself', async ({ page }) => {
		await page.clock.install();
		await setUpStation(page, await testTrainer());
		await startAttempt(page);
		await answerQuestion(page);
		await page.getByRole('button', { name: 'Leave' }).click();
		await expect(
			page.getByText('Leave this quiz? Your answers so far are kept as unfinished.')
		).toBeVisible();
		await page.getByRole('button', { name: 'No, go on' }).click();
		await expect(page.getByText('Question 2 of 11')).toBeVisible();
		await page.getByRole('button', { name: 'Leave' }).click();
		await page.getByRole('button', { name: 'Yes, leave' }).click();
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect.poll(async () => (await progress(page)).length).toBe(0);

		await startAttempt(page);
		await page.clock.fastForward('02:50');
		await page.getByText('Question 1 of 11').click(); // a touch puts the reset off
		await page.clock.fastForward('02:50');
		await expect(page.getByText('Question 1 of 11')).toBeVisible();
		await page.clock.fastForward('00:15');
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect.poll(async () => (await progress(page)).length).toBe(0);
		expect((await dumpDatabase(page)).sealed).toHaveLength(2);
	});

	test('open in two tabs, records each question once', async ({ page, context }) => {
		await setUpStation(page, await testTrainer());
		await startAttempt(page);
		await answerQuestion(page);

		// The same attempt carried on by the teacher in a second tab.
		const other = await context.newPage();
		await other.goto(PRE_QUIZ);
		await openTeacher(other);
		await other.getByRole('button', { name: 'Resume it' }).click();
		await expect(other.getByText('Question 2 of 11')).toBeVisible();

		await answerQuestion(page);
		await other.locator('.options input').last().check();
		await other.getByRole('button', { name: 'Save my answer' }).click();
		await expect(other.getByRole('alert')).toContainText('already answered in another window');
		await expect(other.getByText('Question 3 of 11')).toBeVisible();

		const [open] = await progress(page);
		expect(open!.answered).toEqual(['sure-job-offer', 'family-friend-agent']);
	});

	test('has Start shut without the trainer’s key, and a broken link installs nothing', async ({
		page
	}) => {
		await page.goto(PRE_QUIZ);
		await expect(page.getByTestId('blocker')).toContainText('this tablet has no trainer key yet');
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
		const trainer = await testTrainer();
		await page.goto(trainer.link.slice(0, -5));
		await expect(page.getByRole('alert')).toHaveText(
			/^(This key is damaged|This key does not check out)/
		);
		await expect(page.getByTestId('station-no-key')).toBeVisible();
		await installKey(page, trainer);
	});

	test('runs in Khmer; the pairing code is kept in the language-free form', async ({ page }) => {
		const trainer = await testTrainer();
		await installKey(page, trainer);
		await page.goto(`/km${PRE_QUIZ}`);
		await page.getByRole('button', { name: 'គ្រូ', exact: true }).hover();
		await page.mouse.down();
		await expect(page.getByLabel('ថ្នាក់', { exact: true })).toBeVisible();
		await page.mouse.up();
		await page.getByLabel('ថ្នាក់', { exact: true }).fill('ថ្នាក់ទី៨ ខ');
		await page.getByRole('button', { name: 'រក្សាទុក', exact: true }).click();
		await page.getByRole('button', { name: 'ត្រឡប់ទៅការចាប់ផ្តើម' }).click();
		// Between turns a student may switch the station's language; the teacher's setup stays.
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL((url) => url.pathname === PRE_QUIZ);
		await expect(page.getByText('Class: ថ្នាក់ទី៨ ខ')).toBeVisible();
		await page.getByRole('link', { name: 'ខ្មែរ' }).click();
		await expect(page).toHaveURL((url) => url.pathname === `/km${PRE_QUIZ}`);
		await page.getByRole('button', { name: 'ចាប់ផ្តើម', exact: true }).click();
		await page.getByText('ស', { exact: true }).click();
		await page.getByText('មករា', { exact: true }).click();
		await page.getByRole('group', { name: 'ចំនួនបងប្រុស និងបងស្រីរបស់អ្នក' }).getByText('០').click();
		// Shown in Khmer; stored language-free, so it pairs with the same code made in English.
		await expect(page.getByText('លេខកូដរបស់អ្នកគឺ ស-០១-០។', { exact: false })).toBeVisible();
		await page.getByRole('button', { name: 'បន្ត' }).click();
		await expect(page.locator('#question-text')).toHaveAttribute('lang', 'km');
		await page.locator('.options input').first().check();
		await page.getByRole('button', { name: 'រក្សាទុកចម្លើយរបស់ខ្ញុំ' }).click();
		await expect.poll(async () => (await progress(page))[0]?.answered.length).toBe(1);
	});
});

test.describe('a practice quiz station', () => {
	test('needs no key, gives feedback and a score, and records nothing', async ({ page }) => {
		await page.goto('/quiz/documents-practice');
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		for (;;) {
			await page
				.locator('.options input')
				.first()
				.check()
				.catch(() => {});
			const confirm = page.getByRole('button', { name: 'This order is my answer' });
			if ((await confirm.count()) > 0) await confirm.click();
			await page.getByRole('button', { name: 'Check my answer' }).click();
			await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toBeVisible();
			const last = await page.getByRole('button', { name: 'See my score' }).count();
			await page.getByRole('button', { name: /^(Next question|See my score)$/ }).click();
			if (last) break;
		}
		await expect(page.getByTestId('score')).toBeVisible();
		await done(page);
		const dump = await dumpDatabase(page);
		expect(dump.sealed ?? []).toEqual([]);
		expect(dump.progress ?? []).toEqual([]);
	});
});

test.describe('a station that cannot save', () => {
	test('says so before a student starts when IndexedDB is unavailable, as in a private window', async ({
		page,
		context
	}) => {
		await context.addInitScript(() => {
			IDBFactory.prototype.open = () => {
				throw new DOMException(
					'The user denied permission to access the database.',
					'SecurityError'
				);
			};
		});
		await page.goto(PRE_QUIZ);
		await expect(page.getByTestId('storage-problem')).toContainText(
			'This browser window cannot save answers'
		);
		await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
	});

	test('warns the teacher in one line when the browser refuses to keep results, and not otherwise', async ({
		page,
		context
	}) => {
		await context.addInitScript(() => {
			StorageManager.prototype.persist = async () => false;
			StorageManager.prototype.persisted = async () => false;
		});
		await setUpStation(page, await testTrainer());
		await expect(page.getByTestId('persist-warning')).toHaveText(
			'Teacher: this browser may delete saved answers if space runs low — export results often.'
		);
		const kept = await context.browser()!.newPage();
		await kept.addInitScript(() => {
			StorageManager.prototype.persisted = async () => true;
		});
		await kept.goto(new URL(PRE_QUIZ, page.url()).href);
		await expect(kept.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
		await expect(kept.getByTestId('persist-warning')).toHaveCount(0);
		await kept.close();
	});

	test('loads the results database only on the station, not on other pages', async ({ page }) => {
		const scripts = new Map<string, string[]>();
		let current = '';
		page.on('response', async (response) => {
			if (response.request().resourceType() !== 'script') return;
			const body = await response.text().catch(() => '');
			if (body.includes('chromeTransactionDurability')) scripts.get(current)!.push(response.url());
		});
		for (const route of ['/', '/quiz', '/settings', PRE_QUIZ]) {
			current = route;
			scripts.set(route, []);
			await page.goto(route, { waitUntil: 'networkidle' });
		}
		expect(scripts.get('/')).toEqual([]);
		expect(scripts.get('/quiz')).toEqual([]);
		expect(scripts.get('/settings')).toEqual([]);
		expect(scripts.get(PRE_QUIZ)!.length).toBeGreaterThan(0);
	});
});
