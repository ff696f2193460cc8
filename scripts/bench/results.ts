/**
 * How the trainer's results area copes with a district's term of results: 20 tablets'
 * JSON exports (5,000 attempts, 100,000 answers) picked in the real /results page, each
 * time in a fresh browser context, and merged; then exported as JSON and CSV, and the
 * dashboard computed again as a filter changes. The figures are the page's own `smc:`
 * measures, around the work alone; every run checks what it produced, so a run that
 * merged or exported nothing fails the bench instead of looking fast.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { makeDistrict } from './results-devices';
import type { BenchContext, BenchSection } from './types';

const SHAPE = { devices: 20, students: 125, questions: 20 };
const ATTEMPTS = SHAPE.devices * SHAPE.students * 2;
const ANSWERS = ATTEMPTS * SHAPE.questions;
// Each merge writes 105,000 records, tens of seconds on a busy 2-core machine: three runs
// give a median and keep the section within about two minutes.
const MERGES = 3;
const EXPORTS = 5;
const STATS = 9;
const PIN = '482916';

const thousands = (n: number) => n.toLocaleString('en');
const ms = (value: number) => `${Math.round(value)} ms`;

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function check(holds: boolean, what: string): void {
	if (!holds) throw new Error(`Results bench: ${what}`);
}

/** How many measures of each name the page holds, and the latest one's duration. */
function measures(
	page: Page,
	names: readonly string[]
): Promise<{ count: number; last: number }[]> {
	return page.evaluate(
		(wanted) =>
			wanted.map((name) => {
				const entries = performance.getEntriesByName(name, 'measure');
				return { count: entries.length, last: entries.at(-1)?.duration ?? NaN };
			}),
		names
	);
}

/** Runs `step`, then returns the one measure of each name it left, in the same order. */
async function measured(page: Page, names: string[], step: () => Promise<void>): Promise<number[]> {
	const before = await measures(page, names);
	await step();
	const after = await measures(page, names);
	return names.map((name, index) => {
		const added = after[index]!.count - before[index]!.count;
		check(added === 1, `expected one ${name} measure, found ${added}`);
		return after[index]!.last;
	});
}

async function attemptCount(page: Page): Promise<string> {
	return (await page.getByTestId('attempt-count').textContent()) ?? '';
}

async function waitForCount(page: Page, count: number): Promise<void> {
	const text = `${thousands(count)} attempts match`;
	await page.getByTestId('attempt-count').filter({ hasText: text }).waitFor({ timeout: 60_000 });
}

/** A fresh browser with the PIN set and the results area open, empty. */
async function openArea(context: BenchContext): Promise<{ browser: BrowserContext; page: Page }> {
	const browser = await context.browser.newContext({ serviceWorkers: 'block' });
	const page = await browser.newPage();
	// tsx keeps function names through a `__name` helper, which functions passed to the page
	// carry along: give the page a harmless one (as quiz.ts does).
	await page.addInitScript('globalThis.__name = (target) => target;');
	await page.goto(context.url + '/results');
	await page.getByLabel('New PIN (6 to 12 digits)').fill(PIN);
	await page.getByLabel('The same PIN again').fill(PIN);
	await page.getByRole('button', { name: 'Set the PIN' }).click();
	await waitForCount(page, 0);
	return { browser, page };
}

interface MergeTimes {
	merge: number;
	check: number;
	write: number;
	shown: number;
}

/**
 * Picks the files; returns the merge's measures (all of it, the files' checks, the
 * writing) and the time from the pick to the dashboard showing every attempt (the merge,
 * reading everything back, drawing it).
 */
async function merge(page: Page, files: string[], sessions: number): Promise<MergeTimes> {
	await page.evaluate(
		(wanted) => {
			const input = document.querySelector<HTMLInputElement>('[data-testid="import-files"]')!;
			const marks = window as unknown as { smcPicked?: number; smcShown?: number };
			input.addEventListener('change', () => (marks.smcPicked = performance.now()), {
				capture: true,
				once: true
			});
			const observer = new MutationObserver(() => {
				const count = document.querySelector('[data-testid="attempt-count"]')?.textContent ?? '';
				if (count.includes(wanted)) {
					marks.smcShown = performance.now();
					observer.disconnect();
				}
			});
			observer.observe(document.body, { subtree: true, childList: true, characterData: true });
		},
		`${thousands(ATTEMPTS)} attempts`
	);
	const [whole, checks, write] = await measured(
		page,
		['smc:merge', 'smc:import-check', 'smc:merge-write'],
		async () => {
			await page.getByTestId('import-files').setInputFiles(files);
			await waitForCount(page, ATTEMPTS);
		}
	);

	const summary = page.getByTestId('import-summary');
	const added = async (kind: string) =>
		Number(await summary.locator(`tr[data-kind="${kind}"] td`).first().textContent());
	check((await added('attempts')) === ATTEMPTS, `the merge did not add ${ATTEMPTS} attempts`);
	check((await added('answers')) === ANSWERS, `the merge did not add ${ANSWERS} answers`);
	check((await added('sessions')) === sessions, `the merge did not add ${sessions} sessions`);
	check((await page.getByTestId('refused').count()) === 0, 'a bench file was refused');
	check(
		(await page.getByTestId('conflicts').textContent())?.includes('Conflicts: 0') === true,
		'the merge found conflicts'
	);
	const shown = await page.evaluate(() => {
		const marks = window as unknown as { smcPicked?: number; smcShown?: number };
		return marks.smcShown! - marks.smcPicked!;
	});
	return { merge: whole!, check: checks!, write: write!, shown };
}

/** Clicks an export button; returns the measure and the downloaded file's text. */
async function exported(
	page: Page,
	name: string,
	button: string
): Promise<{ took: number; text: string }> {
	let text = '';
	const [took] = await measured(page, [name], async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: button }).click()
		]);
		text = await readFile((await download.path())!, 'utf8');
	});
	await page.getByTestId('results').and(page.locator('[data-busy="false"]')).waitFor();
	return { took: took!, text };
}

const csvLines = (text: string) => text.split('\r\n').filter((line) => line !== '').length;

/**
 * Chooses a quiz in the filter; returns the statistics' measure and the time from the
 * choice to the dashboard showing the new count (statistics and drawing).
 */
async function filterQuiz(
	page: Page,
	quizId: string,
	count: number
): Promise<{ stats: number; shown: number }> {
	let shown = 0;
	const [stats] = await measured(page, ['smc:stats'], async () => {
		shown = await page.evaluate(
			async ({ value, wanted }) => {
				const select = document.querySelector<HTMLSelectElement>('.filters select')!;
				const counter = document.querySelector('[data-testid="attempt-count"]')!;
				const started = performance.now();
				select.value = value;
				select.dispatchEvent(new Event('change', { bubbles: true }));
				while (!(counter.textContent ?? '').includes(wanted)) {
					await new Promise((resolve) => setTimeout(resolve, 0));
				}
				return performance.now() - started;
			},
			{ value: quizId, wanted: `${count.toLocaleString('en')} attempts` }
		);
	});
	return { stats: stats!, shown };
}

interface Row {
	step: string;
	handles: string;
	runs: number[];
	/** Milliseconds; none for a figure with no target of its own. */
	target?: number;
}

function table(rows: Row[]): string {
	return [
		'| step | what it handles | median | range | target | within target |',
		'|---|---|---|---|---|---|',
		...rows.map((row) => {
			const middle = median(row.runs);
			const range = `${ms(Math.min(...row.runs))}–${ms(Math.max(...row.runs))}`;
			const target = row.target === undefined ? '—' : `≤ ${ms(row.target)}`;
			const within = row.target === undefined ? '—' : middle <= row.target ? 'yes' : '**no**';
			return `| ${row.step} | ${row.handles} | ${ms(middle)} | ${range} | ${target} | ${within} |`;
		})
	].join('\n');
}

export const resultsBench: BenchSection = {
	title: 'Results: merge, export and statistics',
	async run(context) {
		const district = makeDistrict(SHAPE);
		const total = (kind: 'attempts' | 'answers' | 'sessions') =>
			district.reduce((sum, device) => sum + device.data[kind].length, 0);
		check(total('attempts') === ATTEMPTS && total('answers') === ANSWERS, 'the files are off');
		const sessions = total('sessions');
		const folder = await mkdtemp(join(tmpdir(), 'smc-bench-results-'));
		const open: BrowserContext[] = [];
		try {
			const files: string[] = [];
			let bytes = 0;
			for (const device of district) {
				const text = JSON.stringify(device.data);
				bytes += Buffer.byteLength(text);
				files.push(join(folder, device.name));
				await writeFile(files.at(-1)!, text);
			}

			const merges: MergeTimes[] = [];
			let page: Page | undefined;
			for (let run = 0; run < MERGES; run++) {
				const area = await openArea(context);
				open.push(area.browser);
				merges.push(await merge(area.page, files, sessions));
				if (run < MERGES - 1) await area.browser.close();
				else page = area.page;
			}
			page = page!;

			const json: number[] = [];
			const answersCsv: number[] = [];
			const attemptsCsv: number[] = [];
			for (let run = 0; run < EXPORTS; run++) {
				const full = await exported(page, 'smc:export-json', 'Save the export (JSON)');
				const data = JSON.parse(full.text) as { attempts: unknown[]; answers: unknown[] };
				check(data.attempts.length === ATTEMPTS, 'the JSON export lacks attempts');
				check(data.answers.length === ANSWERS, 'the JSON export lacks answers');
				json.push(full.took);

				const answerRows = await exported(page, 'smc:export-csv', 'Answers (CSV)');
				check(csvLines(answerRows.text) === ANSWERS + 1, 'the answers CSV lacks rows');
				check(answerRows.text.includes(',ថ្នាក់ទី '), 'the answers CSV lost the Khmer labels');
				answersCsv.push(answerRows.took);

				const attemptRows = await exported(page, 'smc:export-csv', 'Attempts (CSV)');
				check(csvLines(attemptRows.text) === ATTEMPTS + 1, 'the attempts CSV lacks rows');
				attemptsCsv.push(attemptRows.took);
			}

			// Every run ends on "All quizzes", the statistics over every answer; the run to
			// one quiz before it only makes the change.
			const stats: number[] = [];
			const statsShown: number[] = [];
			for (let run = 0; run < STATS; run++) {
				await filterQuiz(page, 'before-the-sessions', ATTEMPTS / 2);
				const all = await filterQuiz(page, '', ATTEMPTS);
				stats.push(all.stats);
				statsShown.push(all.shown);
			}
			check((await attemptCount(page)).includes(thousands(ATTEMPTS)), 'the filter stuck');

			return [
				`${SHAPE.devices} made-up device exports (${(bytes / 1024 / 1024).toFixed(1)} MB of JSON): ${thousands(ATTEMPTS)} attempts at the pre- and post-session quizzes, ${thousands(ANSWERS)} answers (${SHAPE.questions} per attempt), ${thousands(sessions)} logged sessions, class labels in English and Khmer, pairing codes on about 60 % of students. All ${SHAPE.devices} files are picked at once in \`/results\`, ${MERGES} times, each time in a fresh browser context with nothing stored; then the last one exports ${EXPORTS} times and changes the quiz filter ${STATS} times. Every run's result is checked (records added, attempts on the dashboard, rows in each file). Times are the page's own measures around the work, without the file picker or the download; the "until shown" rows add reading the database back and drawing the dashboard.`,
				'',
				table([
					{
						step: 'merge 20 device files',
						handles: `read, check against the schema and merge ${thousands(ATTEMPTS)} attempts and ${thousands(ANSWERS)} answers in one transaction`,
						runs: merges.map((run) => run.merge),
						target: 2000
					},
					{
						step: '… of which checking the files',
						handles: 'reading, parsing and checking 20 files against the schema',
						runs: merges.map((run) => run.check)
					},
					{
						step: '… of which writing',
						handles: `${thousands(ATTEMPTS + ANSWERS + sessions)} records added in one transaction, one IndexedDB request each, until committed`,
						runs: merges.map((run) => run.write)
					},
					{
						step: 'merge, until the dashboard shows it',
						handles: 'the merge, reading everything back, computing and drawing the dashboard',
						runs: merges.map((run) => run.shown)
					},
					{
						step: 'JSON export',
						handles: `${thousands(ATTEMPTS)} attempts, ${thousands(ANSWERS)} answers`,
						runs: json,
						target: 1000
					},
					{
						step: 'answers CSV export',
						handles: `${thousands(ANSWERS)} rows`,
						runs: answersCsv,
						target: 1000
					},
					{
						step: 'attempts CSV export',
						handles: `${thousands(ATTEMPTS)} rows`,
						runs: attemptsCsv,
						target: 1000
					},
					{
						step: 'dashboard statistics',
						handles: `all quizzes: ${thousands(ATTEMPTS)} attempts, ${thousands(ANSWERS)} answers tallied`,
						runs: stats,
						target: 500
					},
					{
						step: 'filter change, until the dashboard shows it',
						handles: 'the statistics and drawing the charts and tables',
						runs: statsShown
					}
				])
			].join('\n');
		} finally {
			for (const browser of open) await browser.close().catch(() => undefined);
			await rm(folder, { recursive: true, force: true });
		}
	}
};
