/**
 * An English page shows one Khmer word, "ខ្មែរ", in its language switch (and the card printer
 * among its languages). It is drawn from a font of that word alone, inlined in the stylesheet
 * (src/lib/fonts, made by scripts/khmer-label-font.ts), so the page fetches no Khmer font.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const word = 'ខ្មែរ';

/**
 * The font files the page asks for. The service worker saves both Khmer fonts for offline use
 * on its own; those requests are not the page's and are not counted.
 */
function fontsRequested(page: Page): string[] {
	const fonts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'font' && !request.serviceWorker()) fonts.push(request.url());
	});
	return fonts;
}

/** The Noto Sans Khmer faces the page has started to load, by weight. */
const khmerFacesUsed = (page: Page) =>
	page.evaluate(() =>
		[...document.fonts]
			.filter((face) => face.family.replace(/"/g, '') === 'Noto Sans Khmer')
			.filter((face) => face.status !== 'unloaded')
			.map((face) => face.weight)
	);

/**
 * The word as `label` draws it and as the whole Noto Sans Khmer draws it at the same size and
 * weight: the width of each, and how many pixels differ when both are painted on a canvas.
 * It loads the whole font to compare with, so it comes after every check of what was fetched.
 */
function compareWithWholeFont(label: Locator) {
	return label.evaluate(async (element, word) => {
		const style = getComputedStyle(element);
		const whole = `${style.fontWeight} ${style.fontSize} "Noto Sans Khmer"`;
		await document.fonts.load(whole, word);

		const range = document.createRange();
		range.selectNodeContents(element);
		const reference = document.createElement('span');
		reference.lang = 'km';
		reference.textContent = word;
		reference.style.cssText = `position: absolute; white-space: nowrap; font: ${whole}`;
		document.body.append(reference);
		const widths = {
			label: range.getBoundingClientRect().width,
			whole: reference.getBoundingClientRect().width
		};
		reference.remove();

		// Large, so that a glyph out of place or out of order shows in many pixels.
		const paint = (family: string) => {
			const canvas = document.createElement('canvas');
			canvas.width = 400;
			canvas.height = 200;
			const context = canvas.getContext('2d')!;
			context.font = `${style.fontWeight} 96px ${family}`;
			context.fillText(word, 20, 130);
			return context.getImageData(0, 0, canvas.width, canvas.height).data;
		};
		const [own, real] = [paint(style.fontFamily), paint('"Noto Sans Khmer"')];
		let inked = 0;
		let differing = 0;
		for (let index = 3; index < real.length; index += 4) {
			if (real[index]! > 0) inked++;
			if (own[index] !== real[index]) differing++;
		}
		return { widths, inked, differing };
	}, word);
}

async function expectDrawnAsTheWholeFont(label: Locator) {
	const { widths, inked, differing } = await compareWithWholeFont(label);
	expect(widths.whole).toBeGreaterThan(0);
	expect(Math.abs(widths.label - widths.whole), JSON.stringify(widths)).toBeLessThanOrEqual(0.5);
	expect(inked).toBeGreaterThan(1000);
	expect(differing, `${differing} of ${inked} inked pixels differ`).toBeLessThanOrEqual(
		inked / 100
	);
}

for (const path of [
	'/',
	'/lessons/documents',
	'/present/documents',
	'/present/documents/presenter',
	'/quiz/before-the-sessions',
	'/station',
	'/results'
]) {
	test(`${path} draws "ខ្មែរ" in its language switch as the Khmer font does, without fetching it`, async ({
		page
	}) => {
		const fonts = fontsRequested(page);
		await page.goto(path);
		const label = page.getByRole('link', { name: word, exact: true }).first();
		await expect(label).toHaveAttribute('lang', 'km');
		await page.evaluate(() => document.fonts.ready);

		expect(fonts).toEqual([]);
		expect(await khmerFacesUsed(page)).toEqual([]);
		await expectDrawnAsTheWholeFont(label);
	});
}

test('the card printer names Khmer among its languages without fetching the Khmer font', async ({
	page
}) => {
	const fonts = fontsRequested(page);
	await page.goto('/cards/print');
	const label = page
		.locator('label', { has: page.getByRole('radio', { name: word }) })
		.locator('[lang="km"]');
	await expect(label).toHaveText(word);
	await page.evaluate(() => document.fonts.ready);

	expect(fonts).toEqual([]);
	expect(await khmerFacesUsed(page)).toEqual([]);
	await expectDrawnAsTheWholeFont(label);
});

test('a Khmer page fetches the whole Khmer font and draws its text with it', async ({ page }) => {
	const fonts = fontsRequested(page);
	await page.goto('/km/lessons/documents');
	await page.evaluate(() => document.fonts.ready);

	expect(fonts).toEqual(
		expect.arrayContaining([
			expect.stringMatching(/noto-sans-khmer-khmer-400-normal\.[\w-]+\.woff2$/),
			expect.stringMatching(/noto-sans-khmer-khmer-700-normal\.[\w-]+\.woff2$/)
		])
	);
	expect((await khmerFacesUsed(page)).sort()).toEqual(['400', '700']);
	await expect(page.getByRole('heading', { level: 1 })).toHaveCSS(
		'font-family',
		/^"Noto Sans Khmer"/
	);
	// Its switch's "ខ្មែរ" looks the same as the page's own Khmer text.
	await expectDrawnAsTheWholeFont(page.getByRole('link', { name: word, exact: true }).first());
});
