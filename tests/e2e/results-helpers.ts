/**
 * Steps the results tests share: a device opened once and then taken offline, a student
 * taking a short quiz, the trainer's PIN, exports caught as downloads, and the whole
 * results database read with the bare IndexedDB API (to compare before and after).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

export const PIN = '482916';
export const PRACTICE_QUIZ = '/quiz/documents-practice';

export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
	await context.setOffline(true);
}

/**
 * One student takes the whole practice quiz, choosing the first option each time. The
 * teacher sets the station up for the class first, unless it already is (a station keeps
 * its class from one student to the next).
 */
export async function takeQuiz(page: Page, classLabel: string): Promise<void> {
	await page.goto(PRACTICE_QUIZ);
	const classField = page.getByLabel('Class', { exact: true });
	const start = page.getByRole('button', { name: 'Start', exact: true });
	await expect(classField.or(start)).toBeVisible();
	if (await classField.isVisible()) {
		await classField.fill(classLabel);
		await page.getByRole('button', { name: 'Open the station' }).click();
	}
	await expect(page.getByText(`Class: ${classLabel}`)).toBeVisible();
	await start.click();
	const station = page.locator('.station');
	const check = page.getByRole('button', { name: 'Check my answer' });
	for (;;) {
		// The next question's own options, once they are on screen.
		await expect(station).toHaveAttribute('data-screen', 'question');
		const choice = page.locator('.options input').first();
		if ((await choice.count()) > 0) await choice.check();
		await expect(check).toBeEnabled();
		await check.click();
		await expect(station).toHaveAttribute('data-screen', 'feedback');
		const done = await page.getByRole('button', { name: 'See my score' }).isVisible();
		await page.getByRole('button', { name: /^(Next question|See my score)$/ }).click();
		if (done) break;
	}
	await expect(page.getByTestId('score')).toBeVisible();
	await page.getByRole('button', { name: 'Done — pass to the next student' }).click();
	await expect(page.locator('.station')).toHaveAttribute('data-saving', '0');
}

export async function setPin(page: Page, pin = PIN): Promise<void> {
	await page.goto('/results');
	await page.getByLabel('New PIN (6 to 12 digits)').fill(pin);
	await page.getByLabel('The same PIN again').fill(pin);
	await page.getByRole('button', { name: 'Set the PIN' }).click();
	await expect(page.getByTestId('results')).toHaveAttribute('data-gate', 'open');
}

export async function unlock(page: Page, pin = PIN): Promise<void> {
	await page.getByLabel('PIN', { exact: true }).fill(pin);
	await page.getByRole('button', { name: 'Open', exact: true }).click();
	await expect(page.getByTestId('results')).toHaveAttribute('data-gate', 'open');
}

/** Clicks a button that downloads a file; returns the file's name and text. */
export async function downloadFrom(
	page: Page,
	button: string
): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).first().click()
	]);
	const text = await readFile((await download.path())!, 'utf8');
	return { name: download.suggestedFilename(), text };
}

export async function importFiles(
	page: Page,
	files: { name: string; text: string }[]
): Promise<void> {
	await page.getByTestId('import-files').setInputFiles(
		files.map((file) => ({
			name: file.name,
			mimeType: 'application/json',
			buffer: Buffer.from(file.text)
		}))
	);
	await expect(page.getByTestId('import-summary')).toBeVisible();
	await expect(page.getByTestId('results')).toHaveAttribute('data-busy', 'false');
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

interface MadeAttempt {
	classLabel: string;
	quizId?: string;
	purpose?: 'pre' | 'post' | 'practice';
	score: number;
	maxScore?: number;
	pairingCode?: string | null;
	startedAt?: string;
}

/** An export file as another tablet would make it, with an answer per question. */
export function madeExport(attempts: MadeAttempt[], device = randomUUID()) {
	const records = attempts.map((made) => {
		const maxScore = made.maxScore ?? 4;
		const startedAt = made.startedAt ?? '2025-03-03T01:20:00.000Z';
		return {
			uuid: randomUUID(),
			deviceId: device,
			quizId: made.quizId ?? 'before-the-sessions',
			quizVersion: '3fa2c1d09e8b',
			purpose: made.purpose ?? 'pre',
			classLabel: made.classLabel,
			locale: 'en',
			startedAt,
			finishedAt: startedAt.replace(':20:', ':31:'),
			status: 'finished',
			score: made.score,
			maxScore,
			seed: 12345,
			pairingCode: made.pairingCode ?? null
		};
	});
	return {
		format: 'safe-migration-classroom-results',
		version: 1,
		device,
		exportedAt: '2025-03-04T09:00:00.000Z',
		attempts: records,
		answers: records.flatMap((attempt) =>
			Array.from({ length: attempt.maxScore }, (_, index) => ({
				attemptUuid: attempt.uuid,
				questionId: `question-${index + 1}`,
				given: ['a'],
				correct: index < attempt.score,
				ms: 5000
			}))
		),
		sessions: [] as unknown[]
	};
}
