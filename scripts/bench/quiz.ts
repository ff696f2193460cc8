/**
 * How long a quiz station takes to save an answer, in Chromium with its real IndexedDB:
 * the station's own measure of each write (from the answer being given to the strict-
 * durability transaction completing), and the time from "Check my answer" to the feedback
 * on screen, which must not wait for the write. Students are driven through the real
 * screens, in the page, one after another, until 1,000 answers have been given.
 */
import type { BenchSection } from './types';

const ANSWERS = 1000;
const QUIZ = '/quiz/before-the-sessions';

interface Timings {
	saved: number[];
	feedback: number[];
	stored: number;
}

function percentile(values: number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Runs in the page: plays students until `count` answers are given; returns the timings. */
async function playStudents(count: number): Promise<Timings> {
	const saved: number[] = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			if (entry.name === 'smc:answer-saved') saved.push(entry.duration);
		}
	}).observe({ type: 'measure' });
	const station = document.querySelector<HTMLElement>('.station')!;
	const screen = () => station.dataset.screen;
	const click = (selector: string) => document.querySelector<HTMLElement>(selector)!.click();
	const until = async (done: () => boolean) => {
		while (!done()) await new Promise((resolve) => setTimeout(resolve, 0));
	};

	const feedback: number[] = [];
	while (feedback.length < count) {
		const now = screen();
		if (now === 'start') click('button.go');
		else if (now === 'pairing') click('.actions button.secondary');
		else if (now === 'feedback') click('button.next');
		else if (now === 'end') click('button.done');
		else if (now === 'question') {
			document.querySelector<HTMLInputElement>('.options input')?.click();
			// The button is enabled once the choice has reached the page's state.
			await until(() => !document.querySelector<HTMLButtonElement>('button.check')!.disabled);
			const asked = performance.now();
			click('button.check');
			await until(() => screen() === 'feedback');
			feedback.push(performance.now() - asked);
			continue;
		}
		await until(() => screen() !== now);
	}
	await until(() => saved.length >= count && station.dataset.saving === '0');

	const stored = await new Promise<number>((resolve, reject) => {
		const open = indexedDB.open('smc-results');
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const request = open.result.transaction('answers').objectStore('answers').count();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		};
	});
	return { saved, feedback, stored };
}

export const quizBench: BenchSection = {
	title: 'Saving answers on a quiz station',
	async run(context) {
		const browserContext = await context.browser.newContext({ serviceWorkers: 'block' });
		const page = await browserContext.newPage();
		// tsx compiles this file keeping function names through a `__name` helper, which
		// playStudents carries into the page: give the page a harmless one.
		await page.addInitScript('globalThis.__name = (target) => target;');
		await page.goto(context.url + QUIZ);
		await page.getByLabel('Class', { exact: true }).fill('Bench 1');
		await page.getByRole('button', { name: 'Open the station' }).click();
		await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
		await page.locator('.station[data-screen="start"] button.go:enabled').waitFor();
		const timings = await page.evaluate(playStudents, ANSWERS);
		await browserContext.close();
		if (timings.stored !== ANSWERS) {
			throw new Error(`${ANSWERS} answers given but ${timings.stored} stored`);
		}

		return [
			`${ANSWERS} answers given on \`${QUIZ}\` by students played through the real screens, all ${timings.stored} found stored afterwards.`,
			'',
			'| | median | 95th percentile |',
			'|---|---|---|',
			`| saving an answer (strict durability, until the transaction completes) | ${ms(percentile(timings.saved, 0.5))} | ${ms(percentile(timings.saved, 0.95))} |`,
			`| "Check my answer" to the feedback on screen (does not wait for the save) | ${ms(percentile(timings.feedback, 0.5))} | ${ms(percentile(timings.feedback, 0.95))} |`
		].join('\n');
	}
};
