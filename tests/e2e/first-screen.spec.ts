import type { APIRequestContext, Browser, Page } from '@playwright/test';
import en from '../../src/lib/i18n/en.json' with { type: 'json' };
import km from '../../src/lib/i18n/km.json' with { type: 'json' };
import { expect, test } from './fixtures';

/**
 * Tool pages arrive with their first screen in the HTML: it shows before any script has
 * run (or with scripts off), and when the app's scripts take over, nothing on it moves.
 */

type Content = { title: string; slides?: { title: string }[] };
type Read = (request: APIRequestContext, lang: string) => Promise<string>;

const json = async (request: APIRequestContext, path: string) =>
	(await (await request.get(path)).json()) as Record<string, unknown>;
const data = (lang: string, path: string) => (lang === 'km' ? `/km/data/${path}` : `/data/${path}`);

const firstSlide: Read = async (request, lang) =>
	((await json(request, data(lang, 'lessons/documents.json'))) as Content).slides![0]!.title;

const firstPassage: Read = async (request, lang) => {
	const { story } = (await json(request, data(lang, 'stories/sophea.json'))) as {
		story: { start: string; passages: { id: string; title: string }[] };
	};
	return story.passages.find((passage) => passage.id === story.start)!.title;
};

const quizTitle: Read = async (request, lang) =>
	((await json(request, data(lang, 'quizzes/before-the-sessions.json'))) as Content).title;

const heading =
	(string: (strings: typeof en) => string): Read =>
	async (_request, lang) =>
		string(lang === 'km' ? km : en);

const pages: { name: string; path: string; text: Read; viewport: [number, number] }[] = [
	{ name: 'projector', path: '/present/documents', text: firstSlide, viewport: [1280, 720] },
	{
		name: 'presenter window',
		path: '/present/documents/presenter',
		text: firstSlide,
		viewport: [1366, 768]
	},
	{ name: 'story player', path: '/story/sophea', text: firstPassage, viewport: [800, 1280] },
	{ name: 'class mode', path: '/story/sophea/class', text: firstPassage, viewport: [1024, 768] },
	{
		name: 'quiz station',
		path: '/quiz/before-the-sessions',
		text: quizTitle,
		viewport: [800, 1280]
	},
	{
		name: 'paper entry',
		path: '/quiz/before-the-sessions/paper/enter',
		text: quizTitle,
		viewport: [1280, 800]
	},
	{
		name: 'card printing',
		path: '/cards/print',
		text: heading((strings) => strings.cards.printTitle),
		viewport: [1280, 800]
	},
	{
		name: 'results',
		path: '/results',
		text: heading((strings) => strings.results.title),
		viewport: [1280, 800]
	}
];

/** Where the first screen's text and the language switch are, once the fonts are in. */
async function place(page: Page, text: string) {
	const shown = page.getByText(text, { exact: true }).first();
	await expect(shown).toBeVisible();
	await page.evaluate(() => document.fonts.ready);
	// The language switch, on the pages that have one (the station and paper entry do not).
	const english = page.getByRole('link', { name: 'English', exact: true });
	const switchBox = (await english.count()) > 0 ? await english.boundingBox() : null;
	return { text: await shown.boundingBox(), english: switchBox };
}

async function open(browser: Browser, viewport: [number, number], scripts: boolean) {
	const context = await browser.newContext({
		viewport: { width: viewport[0], height: viewport[1] }
	});
	const page = await context.newPage();
	// The app's own scripts held back: what shows is the prerendered page alone.
	if (!scripts) await page.route(/\/_app\/immutable\/.*\.js$/, (route) => route.abort());
	return { context, page };
}

for (const lang of ['en', 'km']) {
	for (const { name, path, text, viewport } of pages) {
		const address = lang === 'km' ? `/km${path}` : path;

		test(`the ${name} (${lang}) shows its first screen with scripts off`, async ({
			browser,
			baseURL,
			request
		}) => {
			const expected = await text(request, lang);
			const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
			const page = await context.newPage();
			await page.goto(address);
			await expect(page.getByText(expected, { exact: true }).first()).toBeVisible();
			await context.close();
		});

		test(`the ${name} (${lang}) is drawn before its scripts arrive, and they move nothing`, async ({
			browser,
			baseURL,
			request
		}) => {
			const expected = await text(request, lang);

			const before = await open(browser, viewport, false);
			await before.page.goto(baseURL + address);
			const drawn = await place(before.page, expected);
			await before.context.close();

			const after = await open(browser, viewport, true);
			await after.page.goto(baseURL + address, { waitUntil: 'networkidle' });
			const running = await place(after.page, expected);
			await after.context.close();

			expect(drawn.text).not.toBeNull();
			for (const what of ['text', 'english'] as const) {
				// The station's switch comes with its start screen, once storage is checked.
				if (!drawn[what] || !running[what]) continue;
				for (const side of ['x', 'y', 'width', 'height'] as const) {
					const moved = Math.abs(running[what]![side] - drawn[what]![side]);
					expect(moved, `${what} ${side}`).toBeLessThanOrEqual(1);
				}
			}
		});
	}
}
