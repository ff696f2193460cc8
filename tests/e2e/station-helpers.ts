/**
 * Steps the station and trainer tests share: a trainer key made in the test (as a trainer's
 * device would make it), installing it on a tablet through the station link, the teacher's
 * deliberate hold, a student taking the quiz before the sessions, files caught as downloads,
 * and the whole results database read with the bare IndexedDB API.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { keyId } from '../../src/lib/crypto/fingerprint';
import { generateKeyPair, type KeyPair } from '../../src/lib/crypto/hpke';
import { parseStationKey, stationKeyFragment } from '../../src/lib/crypto/station-link';
import { expect } from './fixtures';

export const PRE_QUIZ = '/quiz/before-the-sessions';
export const PASSPHRASE = 'orbit-lantern-mosaic-velvet-canyon-thistle';

export interface TestTrainer extends KeyPair {
	keyId: string;
	link: string;
}

/** A trainer's key pair, made here as the trainer's device makes one. */
export async function testTrainer(): Promise<TestTrainer> {
	const pair = await generateKeyPair();
	return {
		...pair,
		keyId: await keyId(pair.publicKey),
		link: `/quiz#${stationKeyFragment(pair.publicKey)}`
	};
}

/**
 * Opens the app once with the network, waits until it is saved for offline use, then cuts it.
 * A device the trainer uses opens the results area first, which saves that area's own files.
 */
export async function goOffline(
	page: Page,
	context: BrowserContext,
	{ trainer = false } = {}
): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
	if (trainer) {
		await page.goto('/results');
		await expect(page.getByTestId('results-offline')).toHaveAttribute('data-state', 'ready', {
			timeout: 30_000
		});
	}
	await context.setOffline(true);
}

/** Presses and holds a hold-to-act button until `then` shows, as a teacher does. */
export async function hold(page: Page, button: Locator, then: Locator): Promise<void> {
	await button.scrollIntoViewIfNeeded();
	await button.hover();
	await page.mouse.down();
	await expect(then).toBeVisible();
	await page.mouse.up();
}

/** Opens the station link on the tablet and installs the key with the deliberate hold. */
export async function installKey(page: Page, trainer: TestTrainer): Promise<void> {
	await page.goto(trainer.link);
	await expect(page).toHaveURL(/\/station#station-key=/);
	await expect(page.getByTestId('offered-key')).toContainText(trainer.keyId);
	await hold(
		page,
		page.getByRole('button', { name: 'Install the key' }),
		page.getByTestId('installed')
	);
	await expect(page.getByTestId('station-key-id')).toContainText(trainer.keyId);
}

/** The teacher's settings on a quiz station, through the hold on "Teacher". */
export async function openTeacher(page: Page): Promise<void> {
	await hold(
		page,
		page.getByRole('button', { name: 'Teacher', exact: true }),
		page.getByRole('heading', { name: 'Set up this tablet as a quiz station' })
	);
}

/** A station with the key installed, set up for `classLabel`, on its Start screen. */
export async function setUpStation(
	page: Page,
	trainer: TestTrainer,
	classLabel = 'Grade 8B',
	quiz = PRE_QUIZ
): Promise<void> {
	await installKey(page, trainer);
	await page.goto(quiz);
	await openTeacher(page);
	await page.getByLabel('Class', { exact: true }).fill(classLabel);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('button', { name: 'Back to Start' }).click();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
}

/** Start, and the pairing code skipped or made from three choices. */
export async function startAttempt(
	page: Page,
	code?: { letter: string; month: string; siblings: string }
): Promise<void> {
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	if (code) {
		await page.getByText(code.letter, { exact: true }).click();
		await page.getByText(code.month, { exact: true }).click();
		await page
			.getByRole('group', { name: 'How many older brothers and sisters you have' })
			.getByText(code.siblings, { exact: true })
			.click();
		await page.getByRole('button', { name: 'Continue' }).click();
	} else {
		await page.getByRole('button', { name: 'Skip' }).click();
	}
	await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
}

/**
 * Gives the first answer offered (or the order as shown, confirmed) and saves it; waits
 * until the next screen shows. Returns the number of the question answered.
 */
export async function answerQuestion(page: Page): Promise<number> {
	const progress = (await page.getByText(/^Question \d+ of \d+$/).textContent())!;
	const number = Number(/Question (\d+)/.exec(progress)![1]);
	const choice = page.locator('.options input').first();
	if ((await choice.count()) > 0) await choice.check();
	const confirm = page.getByRole('button', { name: 'This order is my answer' });
	if ((await confirm.count()) > 0) await confirm.click();
	await page.getByRole('button', { name: 'Save my answer' }).click();
	await expect(page.getByText(progress, { exact: true })).toHaveCount(0);
	return number;
}

/** One student takes the whole assessment quiz; ends on the thank-you screen. */
export async function takeAssessment(
	page: Page,
	code?: { letter: string; month: string; siblings: string }
): Promise<void> {
	await startAttempt(page, code);
	while ((await page.getByText(/^Question \d+ of \d+$/).count()) > 0) await answerQuestion(page);
	await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
	await expect(page.getByTestId('score')).toHaveCount(0);
}

/**
 * Answers a practice quiz from Start to its last feedback, each answer checked; stops with
 * "See my score" on screen, not tapped.
 */
export async function answerPractice(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	const score = page.getByRole('button', { name: 'See my score' });
	for (;;) {
		await page.locator('.options input').first().check();
		await page.getByRole('button', { name: 'Check my answer' }).click();
		await expect(page.getByRole('heading', { name: /^(Right!|Not quite\.)$/ })).toBeVisible();
		if ((await score.count()) > 0) return score;
		await page.getByRole('button', { name: 'Next question' }).click();
	}
}

export async function done(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Done — pass to the next student' }).click();
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
}

/** Clicks a button that downloads a file; returns the file's name, text and bytes. */
export async function downloadFrom(
	page: Page,
	button: Locator
): Promise<{ name: string; text: string; bytes: Buffer }> {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const bytes = await readFile((await download.path())!);
	return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** Every store of the results database, every record, in key order. */
export async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('smc-results');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const dump: Record<string, unknown[]> = {};
		for (const name of [...db.objectStoreNames].sort()) {
			dump[name] = await new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(name).objectStore(name).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		}
		db.close();
		return dump;
	});
}

/** The station's notes on attempts in progress: which questions have an answer. */
export async function progress(page: Page): Promise<{ uuid: string; answered: string[] }[]> {
	return (await dumpDatabase(page)).progress as { uuid: string; answered: string[] }[];
}

/** Makes the trainer's key on this device through the page, and passes the recovery sheet. */
export async function createTrainerKey(page: Page, passphrase = PASSPHRASE): Promise<string[]> {
	await page.goto('/results');
	const form = page.getByRole('region', { name: 'Create the trainer key' });
	await form.getByLabel('New passphrase').fill(passphrase);
	await form.getByLabel('The same passphrase again').fill(passphrase);
	await form.getByRole('button', { name: 'Create the key' }).click();
	const sheet = page.getByTestId('recovery-sheet');
	await expect(sheet).toBeVisible();
	const words = (await sheet.locator('.words li').allTextContents()).map((text) =>
		text.replace(/^\s*\d+\.\s*/, '').trim()
	);
	await page.getByRole('button', { name: 'I have printed or written it down' }).click();
	await expect(page.getByTestId('results')).toHaveAttribute('data-loaded', 'true');
	return words;
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
	await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: 'Unlock', exact: true }).click();
	await expect(page.getByTestId('results')).toHaveAttribute('data-loaded', 'true');
}

export async function importFiles(
	page: Page,
	files: { name: string; text: string | Buffer }[]
): Promise<void> {
	await page.getByTestId('import-files').setInputFiles(
		files.map((file) => ({
			name: file.name,
			mimeType: 'application/json',
			buffer: Buffer.isBuffer(file.text) ? file.text : Buffer.from(file.text)
		}))
	);
	await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 });
}

/** The public key the trainer's page shows in its station link: what a station seals to. */
export async function publicKeyOnPage(
	page: Page
): Promise<Pick<TestTrainer, 'publicKey' | 'keyId'>> {
	const link = await page.getByTestId('station-link').inputValue();
	const parsed = parseStationKey(new URL(link).hash);
	if (!parsed.ok) throw new Error(`the station link holds no key: ${parsed.problem}`);
	return { publicKey: parsed.publicKey, keyId: await keyId(parsed.publicKey) };
}
