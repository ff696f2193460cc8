/**
 * Every slide of every lesson, in both languages, on the screens schools have: 4:3, 16:9
 * (720p projectors and mirrored laptops) and a laptop window that is not full screen.
 * One page per lesson and language: the viewport is resized in place and the slides are
 * stepped through with the keys and measured inside the page, all slides in one evaluate.
 */
import type { Page } from '@playwright/test';
import { appStarted, expect, test } from './fixtures';
import { prerenderedRoutes } from './routes';

const screens = [
	{ width: 1024, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1366, height: 657 }
];

/** The smallest slide text allowed, in stage pixels (see src/lib/present/stage.ts). */
const MIN_FONT = 32;

interface Measured {
	number: number;
	title: string;
	shown: number;
	overflow: number;
	font: number;
	/** How far the stage reaches past the window, and how far the page scrolls. */
	outside: number;
	scrolls: number;
}

/** Steps through all slides from the first with the keys, measuring each as it shows. */
function walkSlides(page: Page, count: number): Promise<Measured[]> {
	return page.evaluate(async (count) => {
		// A new window size reaches the page at its next frames; a new slide, once the
		// page's own tasks have run (it is drawn and fitted before the next task starts).
		await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
		const settled = () => new Promise((done) => setTimeout(done, 0));
		const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key }));
		press('Home');
		const found: Measured[] = [];
		for (let number = 1; number <= count; number++) {
			await settled();
			await document.fonts.ready;
			await settled();
			const slide = document.querySelector<HTMLElement>('article.slide')!;
			const stage = slide.parentElement!.getBoundingClientRect();
			const root = document.scrollingElement!;
			found.push({
				number,
				title: slide.querySelector('.slide-title')?.textContent?.trim() ?? '',
				shown: Number(document.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')),
				overflow: Math.max(
					slide.scrollHeight - slide.clientHeight,
					slide.scrollWidth - slide.clientWidth
				),
				font: parseFloat(getComputedStyle(slide).fontSize),
				outside: Math.max(
					-stage.left,
					-stage.top,
					stage.right - innerWidth,
					stage.bottom - innerHeight
				),
				scrolls: Math.max(root.scrollHeight - innerHeight, root.scrollWidth - innerWidth)
			});
			press('ArrowRight');
		}
		return found;
	}, count);
}

const lessons = prerenderedRoutes().filter((route) => /^(\/km)?\/present\/[^/]+$/.test(route));

test('there are lessons to present in both languages', () => {
	expect(lessons.filter((route) => route.startsWith('/km/')).length).toBeGreaterThanOrEqual(10);
	expect(lessons.filter((route) => !route.startsWith('/km/')).length).toBeGreaterThanOrEqual(10);
});

for (const route of lessons) {
	const lang = route.startsWith('/km/') ? 'km' : 'en';
	const lesson = route.split('/').pop()!;
	test(`every slide of ${lesson} (${lang}) fits 4:3, 16:9 and a laptop window, in large type`, async ({
		page
	}) => {
		await page.setViewportSize(screens[0]!);
		await page.goto(route);
		// The first slide is in the page's HTML; the keys work once the app has taken over.
		await appStarted(page);
		const progress = page.getByRole('progressbar');
		await expect(progress).toHaveAttribute('aria-valuenow', '1');
		const count = Number(await progress.getAttribute('aria-valuemax'));

		const problems: string[] = [];
		const shrunk = new Set<string>();
		for (const screen of screens) {
			await page.setViewportSize(screen);
			const at = `${screen.width}×${screen.height}`;
			for (const slide of await walkSlides(page, count)) {
				const name = `${lang} ${lesson} slide ${slide.number} “${slide.title}” at ${at}`;
				if (slide.shown !== slide.number) problems.push(`${name}: slide ${slide.shown} shown`);
				if (slide.overflow > 1) {
					problems.push(`${name}: ${slide.overflow}px too tall at the smallest type, shorten it`);
				}
				if (slide.font < MIN_FONT) problems.push(`${name}: text at ${slide.font}px`);
				if (slide.outside > 1) problems.push(`${name}: the stage reaches past the window`);
				if (slide.scrolls > 0) problems.push(`${name}: the page scrolls`);
				if (slide.font < 40) shrunk.add(`slide ${slide.number} at ${slide.font}px (${at})`);
			}
		}
		if (shrunk.size > 0) {
			test.info().annotations.push({ type: 'smaller type', description: [...shrunk].join(', ') });
		}
		expect(problems).toEqual([]);
	});
}
