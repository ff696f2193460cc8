/**
 * Pocket cards, as a teacher prints them: the PDF Chromium makes of /cards/print (pages and
 * paper size, read with pdf-lib), and where every card lands on each page, measured in
 * millimetres in print layout. Also: every shipped card's text fits at print size in both
 * languages, and a card that is too long is caught.
 */
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { compileContent } from '../../src/lib/content/compile';
import { readContentFiles } from '../../src/lib/content/read-files';
import { appStarted, expect, test } from './fixtures';

/** CSS pixels in a millimetre. */
const MM = 96 / 25.4;
const CARD = { width: 85.6, height: 54 };
const papers = {
	a4: {
		label: 'A4',
		width: 210,
		height: 297,
		points: [595.28, 841.89],
		rows: 5,
		summary: '20 cards on 2 sheets of paper: 4 pages.'
	},
	// Four rows on Letter: a fifth would put the crop marks where printers cannot print.
	letter: {
		label: 'US Letter',
		width: 215.9,
		height: 279.4,
		points: [612, 792],
		rows: 4,
		summary: '24 cards on 3 sheets of paper: 6 pages.'
	}
} as const;
type PaperName = keyof typeof papers;

interface Measured {
	sheet: number;
	side: string;
	x: number;
	y: number;
	width: number;
	height: number;
	places: {
		card: string;
		copy: string;
		x: number;
		y: number;
		width: number;
		height: number;
		face: { side: string; lang: string; width: number; height: number } | null;
	}[];
}

interface PrintChoice {
	/** How many cards to choose, from the first; all when left out. */
	cards?: number;
	copies?: number;
	fill?: boolean;
	language?: 'English' | 'ខ្មែរ' | 'Khmer front, English back';
	paper?: PaperName;
	precut?: boolean;
	marks?: boolean;
	guides?: boolean;
}

async function choose(page: Page, choice: PrintChoice = {}): Promise<void> {
	await page.goto('/cards/print');
	// The form is in the page's HTML; it answers once the app has taken over.
	await appStarted(page);
	const boxes = page.getByRole('group', { name: 'Cards to print' }).getByRole('checkbox');
	await expect(boxes.first()).toBeVisible();
	const count = await boxes.count();
	for (let index = 0; index < count; index++) {
		await boxes.nth(index).setChecked(index < (choice.cards ?? count));
	}
	await page
		.getByRole('spinbutton', { name: /Copies of each card/ })
		.fill(String(choice.copies ?? 1));
	await page
		.getByRole('checkbox', { name: /Fill the empty places/ })
		.setChecked(choice.fill ?? true);
	await page.getByRole('radio', { name: choice.language ?? 'English', exact: true }).check();
	await page.getByRole('radio', { name: papers[choice.paper ?? 'a4'].label }).check();
	await chooseStock(page, choice.precut ?? false);
	if (!choice.precut) {
		await page.getByRole('checkbox', { name: /Crop marks/ }).setChecked(choice.marks ?? true);
		await page.getByRole('checkbox', { name: /Cut guides/ }).setChecked(choice.guides ?? false);
	}
}

async function chooseStock(page: Page, precut: boolean): Promise<void> {
	const group = page.getByRole('group', { name: 'Kind of sheet' });
	await group.getByRole('radio', { name: precut ? /cut in advance/ : /Plain paper/ }).check();
}

/** Every page as it prints: the sheet's box on the page, and each card's box on the sheet. */
async function measurePrint(page: Page, paper: PaperName): Promise<Measured[]> {
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: Math.round(papers[paper].width * MM), height: 1000 });
	return page.evaluate((mm) => {
		const inMm = (px: number) => px / mm;
		return [...document.querySelectorAll<HTMLElement>('.sheet')].map((sheet) => {
			const box = sheet.getBoundingClientRect();
			return {
				sheet: Number(sheet.dataset.sheet),
				side: sheet.dataset.side!,
				x: inMm(box.left + window.scrollX),
				y: inMm(box.top + window.scrollY),
				width: inMm(box.width),
				height: inMm(box.height),
				places: [...sheet.querySelectorAll<HTMLElement>('.place')].map((place) => {
					const at = place.getBoundingClientRect();
					const face = place.querySelector<HTMLElement>('.card-face');
					const faceBox = face?.getBoundingClientRect();
					return {
						card: place.dataset.card!,
						copy: place.dataset.copy!,
						x: inMm(at.left - box.left),
						y: inMm(at.top - box.top),
						width: inMm(at.width),
						height: inMm(at.height),
						face:
							face && faceBox
								? {
										side: face.dataset.side!,
										lang: face.lang,
										width: inMm(faceBox.width),
										height: inMm(faceBox.height)
									}
								: null
					};
				})
			};
		});
	}, MM);
}

async function printToPdf(page: Page) {
	await page.evaluate(() => document.fonts.ready);
	return PDFDocument.load(await page.pdf({ preferCSSPageSize: true }));
}

/** Within half a millimetre (or half a point). */
const near = (actual: number, expected: number, what: string) =>
	expect(
		Math.abs(actual - expected),
		`${what}: ${actual.toFixed(2)} for ${expected}`
	).toBeLessThanOrEqual(0.5);

/** Every side on the sheets whose text runs past its box, as `lang/card/side`. */
async function overflowingSides(page: Page): Promise<string[]> {
	const found = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.sheet .card-face')].flatMap((face) => {
			const body = face.querySelector('.face-body')!;
			const over = Math.max(
				body.scrollHeight - body.clientHeight,
				body.scrollWidth - body.clientWidth
			);
			return over > 1 ? [`${face.lang}/${face.dataset.card}/${face.dataset.side}`] : [];
		})
	);
	return [...new Set(found)];
}

async function khmerFontReady(page: Page) {
	await expect
		.poll(() => page.evaluate(() => document.fonts.check('9pt "Noto Sans Khmer"', 'ក')))
		.toBe(true);
	await page.evaluate(() => document.fonts.ready);
}

for (const [paper, spec] of Object.entries(papers) as [PaperName, (typeof papers)[PaperName]][]) {
	test(`4 cards × 5 copies print on whole sheets of ${spec.label}: fronts, then backs behind them`, async ({
		page
	}) => {
		await choose(page, { cards: 4, copies: 5, paper });
		await expect(page.getByTestId('print-summary')).toHaveText(spec.summary);
		const sheetCount = Math.ceil(20 / (2 * spec.rows));

		const pdf = await printToPdf(page);
		expect(pdf.getPageCount()).toBe(2 * sheetCount);
		for (const [index, pdfPage] of pdf.getPages().entries()) {
			near(pdfPage.getWidth(), spec.points[0], `page ${index + 1} width (pt)`);
			near(pdfPage.getHeight(), spec.points[1], `page ${index + 1} height (pt)`);
		}

		const sheets = await measurePrint(page, paper);
		expect(sheets.map((sheet) => `${sheet.sheet} ${sheet.side}`)).toEqual(
			Array.from({ length: sheetCount }, (_, index) => [
				`${index + 1} front`,
				`${index + 1} back`
			]).flat()
		);
		// Each sheet fills exactly one page, one after the other, so it prints as one page.
		sheets.forEach((sheet, index) => {
			near(sheet.x, 0, `page ${index + 1} left`);
			near(sheet.y, index * spec.height, `page ${index + 1} top`);
			near(sheet.width, spec.width, `page ${index + 1} width`);
			near(sheet.height, spec.height, `page ${index + 1} height`);
		});

		// Centred with equal margins: 2 across and 5 (or 4) down, edge to edge.
		const left = (spec.width - 2 * CARD.width) / 2;
		const top = (spec.height - spec.rows * CARD.height) / 2;
		for (const front of sheets.filter((sheet) => sheet.side === 'front')) {
			expect(front.places).toHaveLength(2 * spec.rows);
			front.places.forEach((place, index) => {
				const what = `sheet ${front.sheet}, front, place ${index + 1}`;
				near(place.x, left + (index % 2) * CARD.width, `${what} x`);
				near(place.y, top + Math.floor(index / 2) * CARD.height, `${what} y`);
				near(place.width, CARD.width, `${what} width`);
				near(place.height, CARD.height, `${what} height`);
				expect(place.face).toMatchObject({ side: 'front', lang: 'en' });
				near(place.face!.width, CARD.width, `${what} card width`);
				near(place.face!.height, CARD.height, `${what} card height`);
			});

			// Long-edge duplex turns the sheet over left to right: each back, mirrored, is
			// behind its front.
			const back = sheets.find((sheet) => sheet.side === 'back' && sheet.sheet === front.sheet)!;
			expect(back.places).toHaveLength(2 * spec.rows);
			for (const place of front.places) {
				const behind = back.places.find(
					(candidate) => candidate.card === place.card && candidate.copy === place.copy
				)!;
				const what = `back of ${place.card} copy ${place.copy}`;
				near(behind.x, spec.width - place.x - place.width, `${what} x`);
				near(behind.y, place.y, `${what} y`);
				expect(behind.face).toMatchObject({ side: 'back', lang: 'en' });
			}
		}
		// Seen from above, the top row of the back page holds the same cards, swapped.
		const topRow = (sheet: Measured) =>
			sheet.places
				.filter((place) => Math.abs(place.y - top) < 0.5)
				.sort((a, b) => a.x - b.x)
				.map((place) => `${place.card}/${place.copy}`);
		expect(topRow(sheets[1]!)).toEqual(topRow(sheets[0]!).reverse());
	});
}

test('copies fill the last sheet, or leave it part empty when asked not to', async ({ page }) => {
	await choose(page, { cards: 3, copies: 1, fill: true });
	await expect(page.getByTestId('print-summary')).toHaveText(
		'10 cards on 1 sheet of paper: 2 pages.'
	);
	expect((await printToPdf(page)).getPageCount()).toBe(2);

	await page.getByRole('checkbox', { name: /Fill the empty places/ }).uncheck();
	await expect(page.getByTestId('print-summary')).toHaveText(
		'3 cards on 1 sheet of paper: 2 pages.'
	);
	const sheets = await measurePrint(page, 'a4');
	expect(sheets.map((sheet) => sheet.places.length)).toEqual([3, 3]);
	expect((await printToPdf(page)).getPageCount()).toBe(2);
});

test('nothing chosen, nothing to print: the page says so and the button waits', async ({
	page
}) => {
	await choose(page, { cards: 0 });
	await expect(page.getByText('Choose at least one card to print.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print' })).toBeDisabled();
	await expect(page.locator('.sheet')).toHaveCount(0);
});

test('on US Letter every crop mark is printed 6 mm or more from the paper’s edges', async ({
	page
}) => {
	await choose(page, { cards: 1, copies: 8, paper: 'letter' });
	const pdf = await printToPdf(page);
	expect(pdf.getPageCount()).toBe(2);
	near(pdf.getPage(0).getHeight(), papers.letter.points[1], 'page height (pt)');
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: Math.round(papers.letter.width * MM), height: 1000 });
	// Where each mark lies on its printed page, in millimetres from the page's corner.
	const marks = await page.evaluate((mm) => {
		return [...document.querySelectorAll<HTMLElement>('.sheet')].flatMap((sheet) => {
			const page = sheet.getBoundingClientRect();
			return [...sheet.querySelectorAll('svg.marks line')].map((line) => {
				const at = line.getBoundingClientRect();
				return {
					left: (at.left - page.left) / mm,
					top: (at.top - page.top) / mm,
					right: (page.right - at.right) / mm,
					bottom: (page.bottom - at.bottom) / mm
				};
			});
		});
	}, MM);
	expect(marks).toHaveLength(2 * 16);
	for (const mark of marks) {
		expect(Math.min(mark.left, mark.top, mark.right, mark.bottom)).toBeGreaterThanOrEqual(5.95);
	}
});

test('Print waits while a side has more text than fits, and the red frame never prints', async ({
	page
}) => {
	await choose(page, { cards: 1, copies: 10 });
	const print = page.getByRole('button', { name: 'Print' });
	await expect(print).toBeEnabled();
	const face = page.locator('.sheet[data-side="front"] .card-face').first();
	await face
		.locator('.face-body')
		.evaluate((body) => (body.innerHTML = '<p>Far too long. </p>'.repeat(40)));
	await expect(face).toHaveAttribute('data-overflow', /^\d/);
	await expect(print).toBeDisabled();
	await expect(face).not.toHaveCSS('outline-style', 'none');
	await page.emulateMedia({ media: 'print' });
	await expect(face).toHaveCSS('outline-style', 'none');
});

test('crop marks mark every cut, cut guides run along the cuts when asked, and both go when turned off', async ({
	page
}) => {
	await choose(page, { cards: 1, copies: 10 });
	const first = page.locator('.sheet').first();
	// 3 cuts down × top and bottom, 6 cuts across × left and right.
	await expect(first.locator('svg.marks line')).toHaveCount(18);
	await expect(page.locator('svg.guides')).toHaveCount(0);

	await page.getByRole('checkbox', { name: /Cut guides/ }).check();
	// 3 lines down and 6 across, over the cards, on every page, and on paper.
	await expect(first.locator('svg.guides line')).toHaveCount(9);
	await expect(page.locator('svg.guides')).toHaveCount(2);
	await page.emulateMedia({ media: 'print' });
	await expect(first.locator('svg.guides')).toBeVisible();
	// Drawn after the cards, whose ground is white, so that the lines show over their edges.
	expect(await first.evaluate((sheet) => sheet.lastElementChild?.matches('svg.guides'))).toBe(true);
	await page.emulateMedia({ media: 'screen' });

	await page.getByRole('checkbox', { name: /Crop marks/ }).uncheck();
	await page.getByRole('checkbox', { name: /Cut guides/ }).uncheck();
	await expect(page.locator('svg.marks line')).toHaveCount(0);
	await expect(page.locator('svg.guides line')).toHaveCount(0);
	await expect(page.locator('.sheet')).toHaveCount(2);
});

const precut = {
	a4: { left: 15, top: 13.5, pitch: { x: 95, y: 54 }, card: { width: 85, height: 54 } },
	letter: {
		left: 19.05,
		top: 12.7,
		pitch: { x: 88.9, y: 50.8 },
		card: { width: 88.9, height: 50.8 }
	}
} as const;

for (const [paper, sheet] of Object.entries(precut) as [PaperName, (typeof precut)[PaperName]][]) {
	test(`on business card sheets cut in advance (${papers[paper].label}), each card fills its place, with no marks`, async ({
		page
	}) => {
		await choose(page, { cards: 2, copies: 5, paper, precut: true });
		await expect(page.getByRole('checkbox', { name: /Crop marks/ })).toBeDisabled();
		await expect(page.getByRole('checkbox', { name: /Cut guides/ })).toBeDisabled();
		await expect(page.getByTestId('print-summary')).toHaveText(
			'10 cards on 1 sheet of paper: 2 pages.'
		);
		await expect(page.getByText(/hold it against a sheet to the light/)).toBeVisible();
		const pdf = await printToPdf(page);
		expect(pdf.getPageCount()).toBe(2);
		near(pdf.getPage(0).getWidth(), papers[paper].points[0], 'page width (pt)');
		near(pdf.getPage(0).getHeight(), papers[paper].points[1], 'page height (pt)');

		const [front, back] = await measurePrint(page, paper);
		expect(front!.places).toHaveLength(10);
		front!.places.forEach((place, index) => {
			const what = `place ${index + 1}`;
			near(place.x, sheet.left + (index % 2) * sheet.pitch.x, `${what} x`);
			near(place.y, sheet.top + Math.floor(index / 2) * sheet.pitch.y, `${what} y`);
			// The card is drawn to fill its place, whatever the place's shape.
			near(place.face!.width, sheet.card.width, `${what} card width`);
			near(place.face!.height, sheet.card.height, `${what} card height`);
			const behind = back!.places[index]!;
			near(behind.x, papers[paper].width - place.x - place.width, `back of ${what} x`);
		});
		await expect(page.locator('svg.marks, svg.guides')).toHaveCount(0);
	});
}

test('the bilingual card has its Khmer front behind which its English back is printed', async ({
	page
}) => {
	await choose(page, { cards: 2, language: 'Khmer front, English back' });
	await khmerFontReady(page);
	const sheets = await measurePrint(page, 'a4');
	const langs = (side: string) =>
		new Set(
			sheets
				.filter((sheet) => sheet.side === side)
				.flatMap((s) => s.places.map((p) => p.face?.lang))
		);
	expect(langs('front')).toEqual(new Set(['km']));
	expect(langs('back')).toEqual(new Set(['en']));
	await expect(page.locator('.sheet[data-side="front"] .card-face h3').first()).toHaveText(
		/[\u1780-\u17FF]/
	);

	await page.emulateMedia({ media: 'screen' });
	await page.getByRole('radio', { name: 'ខ្មែរ', exact: true }).check();
	await expect(
		page.locator('.sheet[data-side="back"] .card-face[lang="km"]').first()
	).toBeVisible();
	// The Khmer cards are drafts, and the page says so before anything is printed.
	await expect(page.getByText('Khmer draft, not yet reviewed by a native speaker.')).toBeVisible();
});

test('every shipped card fits its box at print size, in English and in Khmer, on every kind of sheet', async ({
	page
}) => {
	const sheets = [
		{ paper: 'A4', precut: false },
		{ paper: 'A4', precut: true },
		{ paper: 'US Letter', precut: false },
		{ paper: 'US Letter', precut: true }
	];
	for (const language of ['English', 'ខ្មែរ'] as const) {
		await page.emulateMedia({ media: 'screen' });
		await choose(page, { copies: 1, language });
		if (language === 'ខ្មែរ') await khmerFontReady(page);
		for (const sheet of sheets) {
			const what = `${language} on ${sheet.paper}${sheet.precut ? ', cut in advance' : ''}`;
			await page.emulateMedia({ media: 'screen' });
			await page.getByRole('radio', { name: sheet.paper }).check();
			await chooseStock(page, sheet.precut);
			await page.evaluate(() => document.fonts.ready);
			await expect(page.getByTestId('too-long'), what).toHaveCount(0);
			await measurePrint(page, sheet.paper === 'A4' ? 'a4' : 'letter');
			const sides = await page.locator('.sheet .card-face').count();
			expect(sides).toBeGreaterThanOrEqual(8);
			expect(await overflowingSides(page), `${what}: cards with more text than fits`).toEqual([]);
		}
	}
});

test('a card with too much text is caught at print size and shown in red, never silently cut', async ({
	page
}) => {
	const { content } = compileContent(readContentFiles('tests/fixtures'));
	const fixture = (locale: 'en' | 'km', id: string) =>
		content.cards[locale].find((card) => card.id === id)!;

	for (const [language, locale] of [
		['English', 'en'],
		['ខ្មែរ', 'km']
	] as const) {
		await page.emulateMedia({ media: 'screen' });
		await choose(page, { cards: 1, copies: 10, language });
		if (locale === 'km') await khmerFontReady(page);
		const faces = page.locator('.sheet[data-side="front"] .card-face');
		const id = await faces.first().getAttribute('data-card');

		// A card that fits, from the fixtures, raises nothing…
		await faces
			.nth(0)
			.locator('.face-body')
			.evaluate((body, html) => (body.innerHTML = html), fixture(locale, 'help').front);
		await page.evaluate(() => document.fonts.ready);
		await expect(page.getByTestId('too-long')).toHaveCount(0);

		// …the over-long one is measured as running past its box, and the page says so.
		await faces
			.nth(1)
			.locator('.face-body')
			.evaluate((body, html) => (body.innerHTML = html), fixture(locale, 'too-long').front);
		await page.evaluate(() => document.fonts.ready);
		await expect(faces.nth(1)).toHaveAttribute('data-overflow', /^\d/);
		await expect(faces.nth(1).getByText('Too much text')).toBeVisible();
		await expect(faces.nth(0)).not.toHaveAttribute('data-overflow');
		await expect(page.getByTestId('too-long')).toContainText(
			locale === 'en' ? '(English, Front)' : '(ខ្មែរ, Front)'
		);
		await measurePrint(page, 'a4');
		expect(await overflowingSides(page)).toEqual([`${locale}/${id}/front`]);
	}
});

test('a teacher finds the cards from the start page, sees both sides, and prints', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: /Pocket cards/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pocket cards' })).toBeVisible();
	await page.goto('/sessions');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pocket cards' })).toBeVisible();

	const cards = page.locator('section.card');
	expect(await cards.count()).toBeGreaterThanOrEqual(4);
	await expect(cards.first().getByRole('heading', { level: 2 })).toHaveText(
		'Six key messages for safe migration'
	);
	for (const side of ['front', 'back']) {
		const face = cards.first().locator(`.card-face[data-side="${side}"]`);
		const box = (await face.boundingBox())!;
		// True proportions, at the card's size in CSS millimetres.
		near(box.width / MM, CARD.width, `${side} width`);
		near(box.height / MM, CARD.height, `${side} height`);
	}
	await expect(page.locator('.card-face[data-overflow]')).toHaveCount(0);
	// The hotline's number comes from contacts.yml, printed large.
	await expect(page.locator('.card-number').first()).toHaveText('1288');

	await page.getByRole('link', { name: 'Print the cards' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Print pocket cards' })).toBeVisible();
	await page.evaluate(() => {
		window.print = () => document.body.setAttribute('data-printed', 'yes');
	});
	await page.getByRole('button', { name: 'Print' }).click();
	await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

	// The sheet's page size follows the paper chosen, and leaves with the page.
	const pageRules = () =>
		page.evaluate(() =>
			[...document.head.querySelectorAll('style')]
				.map((style) => style.textContent ?? '')
				.filter((text) => text.includes('@page'))
		);
	await expect.poll(pageRules).toEqual(['@page { size: A4 portrait; margin: 0 }']);
	await page.getByRole('radio', { name: 'US Letter' }).check();
	await expect.poll(pageRules).toEqual(['@page { size: letter portrait; margin: 0 }']);
	await page.getByRole('link', { name: 'All cards' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pocket cards' })).toBeVisible();
	await expect.poll(pageRules).toEqual([]);
});
