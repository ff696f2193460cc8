/**
 * How sealed results hold up, in Chromium against the built app:
 * - the trainer's merge of a district's term: 20 stations' sealed exports (5,000 attempts
 *   at the current pre and post quizzes), picked at once in the real /results page, each
 *   time in a fresh browser whose key was restored from its recovery words: from the pick
 *   to the dashboard showing every attempt, with the page's own measures of its parts
 *   (checking the files off the page, decrypting, validating, writing);
 * - unlocking: the passphrase to the key open (PBKDF2, 600,000 rounds, WebCrypto);
 * - a station in assessment mode: from the tap on "Save my answer" to the next screen shown,
 *   which waits for the answer to be sealed and committed (save, then show).
 * The files are sealed in this process by the app's own code (results-files.ts). Every run
 * checks what it produced, so a run that merged or saved nothing fails the bench instead of
 * looking fast. The figures also go to bench-results/results.json, with the machine.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { keyId } from '../../src/lib/crypto/fingerprint';
import { generateKeyPair } from '../../src/lib/crypto/hpke';
import { recoveryWords } from '../../src/lib/crypto/recovery';
import { stationKeyFragment } from '../../src/lib/crypto/station-link';
import { sealedDistrict, type SealedDistrict } from './results-files';
import type { BenchSection } from './types';

const SHAPE = { devices: 20, attempts: 250 };
// A merge, in a fresh browser each time; three give a median within a few minutes.
const MERGES = 3;
// Answers saved on a station, one student after another (11 a student).
const SAVES = 110;
const PASSPHRASE = 'orbit-lantern-mosaic-velvet-canyon-thistle';

const thousands = (n: number) => n.toLocaleString('en');
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percentile(values: readonly number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

function check(holds: boolean, what: string): void {
	if (!holds) throw new Error(`Results bench: ${what}`);
}

/** The sum of the durations of the measures of each name, and how many there are. */
function measureTotals(page: Page): Promise<Record<string, { count: number; total: number }>> {
	return page.evaluate(() => {
		const totals: Record<string, { count: number; total: number }> = {};
		for (const entry of performance.getEntriesByType('measure')) {
			const total = (totals[entry.name] ??= { count: 0, total: 0 });
			total.count += 1;
			total.total += entry.duration;
		}
		return totals;
	});
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	// tsx keeps function names through a `__name` helper, which functions passed to the page
	// carry along: give the page a harmless one.
	await page.addInitScript('globalThis.__name = (target) => target;');
	return { context, page };
}

/** Presses and holds a hold-to-act button until `then` shows, as a teacher does. */
async function hold(page: Page, name: string, then: () => Promise<void>): Promise<void> {
	const button = page.getByRole('button', { name, exact: true });
	await button.scrollIntoViewIfNeeded();
	await button.hover();
	await page.mouse.down();
	await then();
	await page.mouse.up();
}

const loaded = (page: Page) =>
	page.locator('[data-testid="results"][data-loaded="true"]').waitFor({ timeout: 60_000 });

/** A fresh trainer's device: the key restored from its words, locked, then unlocked. */
async function trainerDevice(
	browser: Browser,
	url: string,
	words: string[]
): Promise<{ context: BrowserContext; page: Page; unlockMs: number }> {
	const { context, page } = await newPage(browser);
	await page.goto(url + '/results');
	await page.getByText('I have the recovery sheet of a trainer key').click();
	const restore = page.getByRole('form', { name: 'Restore the key from the recovery sheet' });
	await restore.getByLabel('The 24 words').fill(words.join(' '));
	await restore.getByLabel('New passphrase').fill(PASSPHRASE);
	await restore.getByLabel('The same passphrase again').fill(PASSPHRASE);
	await restore.getByRole('button', { name: 'Restore the key' }).click();
	await loaded(page);
	await page.getByRole('button', { name: 'Lock' }).click();
	await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Unlock', exact: true }).click();
	await loaded(page);
	const unlock = (await measureTotals(page))['smc:unlock'];
	check(unlock?.count === 1, 'expected one unlock measure');
	await page.getByTestId('attempt-count').filter({ hasText: '0 attempts match' }).waitFor();
	return { context, page, unlockMs: unlock!.total };
}

interface MergeRun {
	/** From the files chosen to the dashboard showing every attempt. */
	mergeMs: number;
	/** The page's measure of the import alone, from the files chosen to the merge written. */
	importMs: number;
	checkMs: number;
	decryptMs: number;
	validateMs: number;
	writeMs: number;
	/** The dashboard's statistics once merged: the cells and pairs, then the figures. */
	prepareStatsMs: number;
	statsMs: number;
	/** The page's main thread busy meanwhile (Chromium's TaskDuration): its CPU time. */
	mainThreadMs: number;
	unlockMs: number;
}

async function merge(page: Page, files: string[], district: SealedDistrict): Promise<MergeRun> {
	const wanted = `${thousands(district.attempts)} attempts match`;
	await page.evaluate((text) => {
		const input = document.querySelector<HTMLInputElement>('[data-testid="import-files"]')!;
		const marks = window as unknown as { smcPicked?: number; smcShown?: number };
		input.addEventListener('change', () => (marks.smcPicked = performance.now()), {
			capture: true,
			once: true
		});
		const observer = new MutationObserver(() => {
			const count = document.querySelector('[data-testid="attempt-count"]')?.textContent ?? '';
			if (count.includes(text)) {
				marks.smcShown = performance.now();
				observer.disconnect();
			}
		});
		observer.observe(document.body, { subtree: true, childList: true, characterData: true });
	}, wanted);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const busy = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		return metrics.find((metric) => metric.name === 'TaskDuration')!.value * 1000;
	};
	const before = await measureTotals(page);
	const busyBefore = await busy();
	await page.getByTestId('import-files').setInputFiles(files);
	await page.getByTestId('attempt-count').filter({ hasText: wanted }).waitFor({ timeout: 120_000 });
	const after = await measureTotals(page);
	const mainThreadMs = (await busy()) - busyBefore;
	const spent = (name: string) => (after[name]?.total ?? 0) - (before[name]?.total ?? 0);
	const count = (name: string) => (after[name]?.count ?? 0) - (before[name]?.count ?? 0);
	check(count('smc:merge') === 1, 'expected one merge measure');
	check(count('smc:import-decrypt') === 1, 'the files were not decrypted together');

	const summary = page.getByTestId('import-summary');
	const added = Number(await summary.locator('tr[data-kind="attempts"] td').first().textContent());
	check(added === district.attempts, `the merge added ${added} attempts`);
	check((await page.getByTestId('refused').count()) === 0, 'a bench file was refused');
	const shown = await page.evaluate(() => {
		const marks = window as unknown as { smcPicked?: number; smcShown?: number };
		return marks.smcShown! - marks.smcPicked!;
	});
	return {
		mergeMs: shown,
		importMs: spent('smc:merge'),
		checkMs: spent('smc:import-check'),
		decryptMs: spent('smc:import-decrypt'),
		validateMs: spent('smc:import-validate'),
		writeMs: spent('smc:merge-write'),
		prepareStatsMs: after['smc:prepare-stats']!.total - (before['smc:prepare-stats']?.total ?? 0),
		statsMs: after['smc:stats']!.total - (before['smc:stats']?.total ?? 0),
		mainThreadMs,
		unlockMs: 0
	};
}

/** Runs in the page: students answer until `count` answers are saved; the tap-to-shown times. */
async function playStudents(count: number): Promise<{ shown: number[]; saved: number[] }> {
	const saved: number[] = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			if (entry.name === 'smc:answer-saved') saved.push(entry.duration);
		}
	}).observe({ type: 'measure' });
	const station = document.querySelector<HTMLElement>('.station')!;
	const screen = () => station.dataset.screen;
	const progress = () => station.querySelector('.progress')?.textContent ?? '';
	const button = (selector: string) => station.querySelector<HTMLButtonElement>(selector);
	// Resolves as soon as the page's DOM shows `done`: no polling delay in the figure.
	const until = (done: () => boolean) =>
		new Promise<void>((resolve) => {
			if (done()) return resolve();
			const observer = new MutationObserver(() => {
				if (done()) {
					observer.disconnect();
					resolve();
				}
			});
			observer.observe(station, {
				subtree: true,
				childList: true,
				characterData: true,
				attributes: true
			});
		});
	// A tap on the next screen waits as long as a student's would at least (a settle time).
	const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

	const shown: number[] = [];
	while (shown.length < count) {
		const now = screen();
		await settle();
		if (now === 'start') button('button.go')!.click();
		else if (now === 'pairing') button('.actions button.secondary')!.click();
		else if (now === 'thanks' || now === 'end') button('button.done')!.click();
		else if (now === 'question') {
			const asked = progress();
			const choice = station.querySelector<HTMLInputElement>('.options input');
			if (choice) choice.click();
			else
				[
					...station.querySelectorAll<HTMLButtonElement>('.order button:not(:disabled)')
				][0]!.click();
			await until(() => button('button.check')?.disabled === false);
			const tapped = performance.now();
			button('button.check')!.click();
			await until(() => progress() !== asked);
			shown.push(performance.now() - tapped);
			continue;
		} else throw new Error(`unexpected screen ${now}`);
		await until(() => screen() !== now);
	}
	return { shown, saved };
}

/** Installs the key through the station link, sets the class, and plays students. */
async function station(
	browser: Browser,
	url: string,
	publicKey: Uint8Array
): Promise<{ shown: number[]; saved: number[]; stored: number }> {
	const { context, page } = await newPage(browser);
	try {
		await page.goto(`${url}/quiz#${stationKeyFragment(publicKey)}`);
		await hold(page, 'Install the key', () => page.getByTestId('installed').waitFor());
		await page.goto(url + '/quiz/before-the-sessions');
		await hold(page, 'Teacher', () =>
			page.getByRole('heading', { name: 'Set up this tablet as a quiz station' }).waitFor()
		);
		await page.getByLabel('Class', { exact: true }).fill('Bench 1');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await page.getByRole('button', { name: 'Back to Start' }).click();
		await page.locator('.station[data-screen="start"] button.go:enabled').waitFor();
		const timings = await page.evaluate(playStudents, SAVES);
		// What is on disk: the answers noted in the station's progress records and sealed parts.
		const stored = await page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('smc-results');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const count = await new Promise<number>((resolve, reject) => {
				const request = db.transaction('sealed').objectStore('sealed').count();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			db.close();
			return count;
		});
		return { ...timings, stored };
	} finally {
		await context.close();
	}
}

export const resultsBench: BenchSection = {
	title: 'Results: sealed merge, unlock and saving answers',
	async run(context) {
		const pair = await generateKeyPair();
		const key = { publicKey: pair.publicKey, keyId: await keyId(pair.publicKey) };
		const district = await sealedDistrict(SHAPE, key);
		const folder = await mkdtemp(join(tmpdir(), 'smc-bench-results-'));
		try {
			const files: string[] = [];
			for (const file of district.files) {
				files.push(join(folder, file.name));
				await writeFile(files.at(-1)!, file.text);
			}

			const runs: MergeRun[] = [];
			for (let run = 0; run < MERGES; run++) {
				const device = await trainerDevice(
					context.browser,
					context.url,
					recoveryWords(pair.privateKey)
				);
				try {
					runs.push({ ...(await merge(device.page, files, district)), unlockMs: device.unlockMs });
				} finally {
					await device.context.close();
				}
			}

			const saving = await station(context.browser, context.url, pair.publicKey);
			check(saving.shown.length >= SAVES, 'fewer answers given than asked');
			check(saving.saved.length >= SAVES, `only ${saving.saved.length} answers saved`);
			check(saving.stored >= Math.ceil(SAVES / 11), 'the attempts are not on disk');

			const pick = (name: keyof MergeRun) => runs.map((run) => run[name]);
			const figures = {
				mergeMs: Math.round(median(pick('mergeMs'))),
				mergeParts: {
					importMs: Math.round(median(pick('importMs'))),
					checkMs: Math.round(median(pick('checkMs'))),
					decryptMs: Math.round(median(pick('decryptMs'))),
					validateMs: Math.round(median(pick('validateMs'))),
					writeMs: Math.round(median(pick('writeMs'))),
					mainThreadMs: Math.round(median(pick('mainThreadMs')))
				},
				statsMs: {
					prepare: Math.round(median(pick('prepareStatsMs'))),
					dashboard: Math.round(median(pick('statsMs')))
				},
				mergeRuns: runs.map((run) => Math.round(run.mergeMs)),
				unlockMs: Math.round(median(pick('unlockMs'))),
				unlockRuns: runs.map((run) => Math.round(run.unlockMs)),
				saveAnswerP95Ms: Number(percentile(saving.shown, 0.95).toFixed(1)),
				saveAnswerMedianMs: Number(percentile(saving.shown, 0.5).toFixed(1)),
				answerSavedP95Ms: Number(percentile(saving.saved, 0.95).toFixed(1)),
				answersSaved: saving.shown.length,
				sealPartMs: {
					wall: Number((district.seal.wallMs / district.seal.parts).toFixed(2)),
					cpu: Number((district.seal.cpuMs / district.seal.parts).toFixed(2)),
					parts: district.seal.parts,
					where: `Node ${process.version}, sealing the bench files`
				},
				data: {
					files: district.files.length,
					attempts: district.attempts,
					answers: district.answers,
					megabytes: Number((district.bytes / 1e6).toFixed(1)),
					quizzes: district.quizzes
				}
			};
			await mkdir('bench-results', { recursive: true });
			await writeFile(
				'bench-results/results.json',
				JSON.stringify(
					{
						measuredAt: new Date().toISOString(),
						command: process.argv.slice(1).join(' ').includes('--only')
							? `npm run bench -- ${process.argv.slice(2).join(' ')}`
							: 'npm run bench',
						machine: {
							node: process.version,
							chromium: context.browser.version(),
							cpus: cpus().length,
							cpuModel: cpus()[0]?.model ?? 'unknown',
							memoryGB: Number((totalmem() / 2 ** 30).toFixed(1))
						},
						...figures
					},
					null,
					'\t'
				) + '\n'
			);

			const row = (step: string, handles: string, values: number[], target?: number) => {
				const middle = median(values);
				const range = `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
				const aim = target === undefined ? '—' : `≤ ${ms(target)}`;
				const within = target === undefined ? '—' : middle <= target ? 'yes' : '**no**';
				return `| ${step} | ${handles} | ${ms(middle)} | ${range} | ${aim} | ${within} |`;
			};
			const fixed = (value: number) => `${value.toFixed(1)} ms`;
			return [
				`${district.files.length} made-up station exports (${figures.data.megabytes} MB of sealed JSON): ${thousands(district.attempts)} attempts at the current pre and post quizzes (${district.quizzes.map((quiz) => `\`${quiz.id}\`, ${quiz.questions} questions`).join('; ')}), ${thousands(district.answers)} answers, each attempt sealed to a test trainer's key by the app's own code (${fixed(figures.sealPartMs.wall)} wall, ${fixed(figures.sealPartMs.cpu)} CPU a part in Node). All files are picked at once in \`/results\`, ${MERGES} times, each in a fresh browser whose key was restored from its recovery words, then locked and unlocked. Every run is checked: every attempt added, none refused, the dashboard counting them all.`,
				'',
				'| step | what it handles | median | range | target | within target |',
				'|---|---|---|---|---|---|',
				row(
					'merge, until the dashboard shows it',
					`${thousands(district.attempts)} sealed attempts, from the files chosen to the dashboard drawn`,
					pick('mergeMs'),
					2000
				),
				row(
					'… the import alone',
					"the page's measure, from the files chosen to the merge committed",
					pick('importMs')
				),
				row(
					'… checking the files',
					'read, parsed and checked off the page: Worker time, summed as below',
					pick('checkMs')
				),
				row(
					'… decrypting',
					`${thousands(district.attempts)} HPKE opens and their parts checked: Worker time, summed over the Workers working side by side`,
					pick('decryptMs')
				),
				row('… validating', 'each attempt against its quiz and itself', pick('validateMs')),
				row(
					'… writing',
					`${thousands(district.attempts)} sealed records, one transaction, bulk`,
					pick('writeMs')
				),
				row(
					'… main thread busy',
					"Chromium's task time on the page meanwhile (its CPU time, the Worker aside)",
					pick('mainThreadMs')
				),
				row(
					'unlock',
					'passphrase to key open: PBKDF2-SHA-256, 600,000 rounds',
					pick('unlockMs'),
					1000
				),
				'',
				`A station in assessment mode, key installed by its link: ${figures.answersSaved} answers given through the real screens, one student after another. The next question shows only once the answer is sealed and committed.`,
				'',
				'| | median | 95th percentile | target |',
				'|---|---|---|---|',
				`| "Save my answer" tapped to the next screen shown | ${fixed(figures.saveAnswerMedianMs)} | ${fixed(figures.saveAnswerP95Ms)} | ≤ 50 ms p95 |`,
				`| of which sealing and saving (the station's measure) | ${fixed(percentile(saving.saved, 0.5))} | ${fixed(figures.answerSavedP95Ms)} | ≤ 30 ms p95 |`
			].join('\n');
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	}
};
