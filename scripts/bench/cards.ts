/**
 * How the print page copes with a big order: for each number of copies of every card, the
 * time from typing the number to the preview holding every sheet, and the PDF Chromium
 * makes of it (how long it takes, how big it is), as a teacher's "Save as PDF" would.
 */
import type { BenchContext, BenchSection } from './types';

const copies = [1, 10, 40, 100];

export const cards: BenchSection = {
	title: 'Printing pocket cards',
	async run(context: BenchContext) {
		const page = await context.browser.newPage();
		const rows = [
			'| copies of each card | cards | pages | preview ready | PDF made in | PDF size |',
			'|---|---|---|---|---|---|'
		];
		try {
			await page.goto(`${context.url}/cards/print`);
			await page.evaluate(() => document.fonts.ready);
			const chosen = await page
				.getByRole('group', { name: 'Cards to print' })
				.getByRole('checkbox', { checked: true })
				.count();
			for (const count of copies) {
				const started = performance.now();
				await page.getByRole('spinbutton', { name: /Copies of each card/ }).fill(String(count));
				const ready = await page.waitForFunction(
					(least) => {
						const text = document.querySelector('[data-testid="print-summary"]')?.textContent;
						const [cards = 0, , pages = -1] = (text?.match(/\d+/g) ?? []).map(Number);
						const sheets = document.querySelectorAll('.sheet').length;
						return cards >= least && sheets === pages ? [cards, pages] : false;
					},
					count * chosen,
					{ polling: 'raf' }
				);
				const [cards, pages] = (await ready.jsonValue()) as [number, number];
				const previewMs = performance.now() - started;
				const pdfStarted = performance.now();
				const pdf = await page.pdf({ preferCSSPageSize: true });
				const pdfMs = performance.now() - pdfStarted;
				rows.push(
					`| ${count} | ${cards} | ${pages} | ${previewMs.toFixed(0)} ms | ${pdfMs.toFixed(0)} ms | ${(pdf.length / 1024).toFixed(0)} KB |`
				);
			}
		} finally {
			await page.close();
		}
		return [
			rows.join('\n'),
			'',
			'Every shipped card chosen, in English, on A4, with crop marks, the last sheet filled.'
		].join('\n');
	}
};
