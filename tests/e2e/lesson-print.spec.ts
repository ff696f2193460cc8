/**
 * A lesson printed to prepare at home, as Chromium prints it to PDF (pages counted with
 * pdf-lib): the plan alone fits one A4 side, the whole lesson a few pages, with no app
 * header or menu on paper; in both languages. Each language's longest plan and longest
 * lesson are printed, chosen from the built lessons, so every shorter one fits too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import type { Lesson } from '../../src/lib/content/types';
import { expect, test } from './fixtures';

const buttons = {
	en: { lesson: 'Print the lesson', plan: 'Print the plan only (one page)' },
	km: { lesson: 'បោះពុម្ពមេរៀន', plan: 'បោះពុម្ពតែផែនការ (មួយទំព័រ)' }
};

function longest(lang: 'en' | 'km', size: (lesson: Lesson) => number): string {
	const dir = lang === 'km' ? 'build/km/data/lessons' : 'build/data/lessons';
	const lessons = readdirSync(dir).map(
		(file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Lesson
	);
	expect(lessons.length).toBeGreaterThanOrEqual(10);
	const id = lessons.reduce((best, lesson) => (size(lesson) > size(best) ? lesson : best)).id;
	return `${lang === 'km' ? '/km' : ''}/lessons/${id}`;
}

const planText = (lesson: Lesson) =>
	[...lesson.objectives, ...lesson.parts.map((part) => part.title)].join('').length +
	40 * lesson.parts.length;
const lessonText = (lesson: Lesson) =>
	JSON.stringify(lesson.slides).length + 200 * lesson.slides.length;

/** Presses one of the page's print buttons, with the print dialog kept shut, and prints. */
async function printPages(page: Page, lang: 'en' | 'km', what: 'lesson' | 'plan') {
	await page.evaluate(() => {
		window.print = () => undefined;
	});
	await page.getByRole('button', { name: buttons[lang][what] }).click();
	await expect(page.locator('html')).toHaveAttribute('data-print', what);
	await page.evaluate(() => document.fonts.ready);
	const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true }));
	return pdf.getPageCount();
}

for (const lang of ['en', 'km'] as const) {
	test(`the longest plan prints on one A4 side and the longest lesson on a few pages (${lang})`, async ({
		page
	}) => {
		const plan = longest(lang, planText);
		await page.goto(plan);
		expect(await printPages(page, lang, 'plan'), `${plan}, plan only`).toBe(1);

		const lesson = longest(lang, lessonText);
		await page.goto(lesson);
		expect(await printPages(page, lang, 'lesson'), `${lesson}, whole`).toBeLessThanOrEqual(7);
	});
}

test('on paper, a lesson has no app header, menu or buttons, and has the advice on disclosures', async ({
	page
}) => {
	for (const route of ['/lessons/documents', '/km/lessons/documents']) {
		await page.goto(route);
		const chrome = [page.locator('header nav').first(), page.locator('.actions')];
		for (const box of chrome) await expect(box).toBeVisible();
		const advice = page.locator('section.disclosure');
		await expect(advice).toBeHidden();

		await page.emulateMedia({ media: 'print' });
		for (const box of chrome) await expect(box).toBeHidden();
		await expect(advice).toBeVisible();
		await expect(advice.locator('li')).not.toHaveCount(0);
		// Each slide's box stays whole on its page.
		await expect(page.locator('article.slide').first()).toHaveCSS('break-inside', 'avoid');
		await page.emulateMedia({ media: 'screen' });

		// On screen it is one tap away, in the teacher's guide.
		const title = (await advice.locator('h2').textContent())!;
		await page.getByRole('link', { name: title, exact: true }).click();
		await expect(page).toHaveURL(/\/guides\/teachers-guide#disclosure$/);
		await expect(page.locator('h2#disclosure')).toHaveText(title);
		await expect(page.locator('h2#disclosure')).toBeInViewport();
	}
});
