/**
 * The results area's own code is the trainer's alone: tablets do not save it, and a device
 * saves it once the results area has been opened there, keeping it through updates. Each
 * test has a server of its own and takes it away, so that nothing the service worker asks
 * for can reach the network.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { readPrecacheLists } from '../../scripts/precache-list';
import { startServer, type RunningServer } from '../../scripts/serve';
import { expect, test } from './fixtures';
import { attemptOf, sealedFile } from './sealed-files';
import { createTrainerKey, downloadFrom, importFiles, publicKeyOnPage } from './station-helpers';

const NOT_SAVED =
	'The results area is not saved on this device yet. Open it once with internet: after that, it opens without internet too.';

interface Device {
	context: BrowserContext;
	page: Page;
	thrown: string[];
}

/** A browser of its own on `server`, its pages' uncaught errors collected. */
async function device(browser: Browser, server: RunningServer): Promise<Device> {
	const context = await browser.newContext({ baseURL: server.url });
	const thrown: string[] = [];
	context.on('weberror', (error) => thrown.push(String(error.error())));
	return { context, page: await context.newPage(), thrown };
}

async function savedForOffline(page: Page): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
}

async function openResultsArea(page: Page): Promise<void> {
	await page.goto('/results');
	const saved = page.getByTestId('results-offline');
	await expect(saved).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	await expect(saved).toHaveText(
		'The results area is saved on this device: it opens without internet too.'
	);
}

/** The addresses (paths) this device keeps in its caches, by cache. */
function kept(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(async () => {
		const all: Record<string, string[]> = {};
		for (const name of await caches.keys()) {
			const requests = await (await caches.open(name)).keys();
			all[name] = requests.map((request) => new URL(request.url).pathname.slice(1));
		}
		return all;
	});
}

test('a tablet keeps none of the results area; offline, the area says to open it once with internet', async ({
	browser
}) => {
	const server = await startServer({ dir: 'build' });
	const tablet = await device(browser, server);
	const { page } = tablet;
	await savedForOffline(page);
	const trainerFiles = readPrecacheLists().resultsArea;
	expect(trainerFiles.length).toBeGreaterThan(3);
	const held = await kept(page);
	expect(Object.keys(held)).not.toContain('results-area');
	for (const file of trainerFiles) expect(Object.values(held).flat()).not.toContain(file);

	await server.close();
	await tablet.context.setOffline(true);
	await page.goto('/results');
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveText(NOT_SAVED);
	await expect(page.getByTestId('results')).toHaveAttribute('data-gate', 'not-saved');
	await page.goto('/km/results');
	await expect(page.getByRole('alert')).toContainText('ផ្នែកលទ្ធផលមិនទាន់បានរក្សាទុក');
	// The rest of the app is there, the station first.
	await page.goto('/quiz/before-the-sessions');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(tablet.thrown).toEqual([]);
	await tablet.context.close();
});

test('the trainer opens the results area once online; then, with no network, it makes a key, imports and exports', async ({
	browser
}) => {
	const server = await startServer({ dir: 'build' });
	const trainer = await device(browser, server);
	const { page } = trainer;
	await savedForOffline(page);
	await openResultsArea(page);
	const held = await kept(page);
	expect([...(held['results-area'] ?? [])].sort()).toEqual(
		[...readPrecacheLists().resultsArea].sort()
	);

	await server.close();
	await trainer.context.setOffline(true);
	await createTrainerKey(page);
	const station = randomUUID();
	const attempts = [1, 2, 3, 4, 2].map((score) =>
		attemptOf({ classLabel: 'Grade 8A', score }, station)
	);
	await importFiles(page, [
		{
			name: `${station}.json`,
			text: await sealedFile(await publicKeyOnPage(page), attempts, station)
		}
	]);
	await expect(page.getByTestId('attempt-count')).toHaveText('5 attempts match the filters.');
	const xlsx = await downloadFrom(page, page.getByRole('button', { name: 'Spreadsheet (.xlsx)' }));
	expect(xlsx.name).toMatch(/^smc-results-.*\.xlsx$/);
	expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
	expect(trainer.thrown).toEqual([]);
	await trainer.context.close();
});

test('a new version saves its own results area on the trainer’s device before it installs, and drops the old', async ({
	browser
}) => {
	// A copy of the build into which a new version is "deployed": the same app, but one of the
	// results area's files under a new name, as a changed file would have.
	const dir = mkdtempSync(join(tmpdir(), 'smc-results-update-'));
	cpSync('build', dir, { recursive: true });
	const server = await startServer({ dir });
	try {
		const trainer = await device(browser, server);
		const tablet = await device(browser, server);
		await savedForOffline(trainer.page);
		await openResultsArea(trainer.page);
		await savedForOffline(tablet.page);

		const old = readPrecacheLists(dir).resultsArea.find((url) => url.endsWith('.js'))!;
		const renamed = old.replace(/\.js$/, '-2.js');
		copyFileSync(join(dir, old), join(dir, renamed));
		const worker = join(dir, 'service-worker.js');
		writeFileSync(
			worker,
			readFileSync(worker, 'utf8').replace(`"url":"${old}"`, `"url":"${renamed}"`)
		);

		for (const { page } of [trainer, tablet]) {
			await page.goto('/settings');
			await page.evaluate(async () => {
				await (await navigator.serviceWorker.getRegistration())?.update();
			});
			await expect(
				page.getByRole('status').filter({ hasText: 'A new version of the app is ready.' })
			).toBeVisible({ timeout: 30_000 });
		}
		// Installed and waiting: the trainer's device already holds the new version's file,
		// and still the old one, which the version in charge may need.
		expect((await kept(trainer.page))['results-area']).toEqual(
			expect.arrayContaining([old, renamed])
		);
		expect(Object.keys(await kept(tablet.page))).not.toContain('results-area');

		const reloaded = trainer.page.waitForEvent('load');
		await trainer.page.getByRole('button', { name: 'Reload now' }).click();
		await reloaded;
		await expect
			.poll(async () => (await kept(trainer.page))['results-area']?.includes(old))
			.toBe(false);
		expect((await kept(trainer.page))['results-area']).toContain(renamed);
		expect(trainer.thrown).toEqual([]);
		expect(tablet.thrown).toEqual([]);
		await trainer.context.close();
		await tablet.context.close();
	} finally {
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
