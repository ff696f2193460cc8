/**
 * The local referral list, as a teacher uses it: typed once in Settings, with the network
 * gone, it shows beside 1288 on the printed "Who to call" card, at the end of both stories,
 * in the getting-help lesson (a reading page, filled by its inline script) and on the
 * projector and presenter, in English and in Khmer. What the teacher typed is text: HTML in a
 * label is shown, never run. And a trainer's file moves the list to another tablet, all or
 * nothing.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { startServer } from '../../scripts/serve';
import { expect, test } from './fixtures';

/** A name that would run a script if it were ever treated as HTML. */
const NAME = 'Commune council <img src=x onerror="window.hacked=1">';
const HELPS_WITH = '=HYPERLINK("http://example.com") <b>migration</b>';
const NUMBER = '012 345 678';

/** Opens the app once, waits until it is saved for offline use, then takes the network away. */
async function goOffline(page: Page, context: BrowserContext): Promise<string> {
	const server = await startServer({ dir: 'build' });
	await page.goto(`${server.url}/settings`);
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
	await server.close();
	await context.setOffline(true);
	return server.url;
}

/** The local contact, shown as the text typed, and nothing of it run. */
async function expectShownAsText(page: Page, list: Locator) {
	await expect(list.locator('li')).toHaveCount(1);
	await expect(list).toContainText(NUMBER);
	await expect(list).toContainText(NAME);
	await expect(list).toContainText(HELPS_WITH);
	await expect(list.locator('img, b')).toHaveCount(0);
	expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
}

/** The slide of a lesson that holds the help block, as the projector counts slides (from 1). */
async function helpSlide(page: Page, prefix: string): Promise<number> {
	const index = await page.evaluate(async (url) => {
		const lesson = (await (await fetch(url)).json()) as { slides: { html: string }[] };
		return lesson.slides.findIndex((slide) => slide.html.includes('data-local-contacts'));
	}, `${prefix}/data/lessons/getting-help.json`);
	expect(index).toBeGreaterThanOrEqual(0);
	return index + 1;
}

test('a contact typed in Settings shows beside 1288 on the card, at story endings, in the lesson and on the projector, offline, in both languages', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const url = await goOffline(page, context);

	const settings = page.getByTestId('referral-settings');
	await expect(settings.getByText('No local contacts yet')).toBeVisible();
	// Bad input first: nothing is saved, and each field says what is wrong.
	await settings.getByRole('textbox', { name: /^Name/ }).fill('   ');
	await settings.getByRole('textbox', { name: /^Phone number/ }).fill('call the chief');
	await settings.getByRole('button', { name: 'Add this contact' }).click();
	await expect(settings.getByText('Write a name.')).toBeVisible();
	await expect(settings.getByText('A phone number holds only digits')).toBeVisible();
	await expect(settings.locator('ol.contacts li')).toHaveCount(0);

	await settings.getByRole('textbox', { name: /^Name/ }).fill(NAME);
	await settings.getByRole('textbox', { name: /^What they help with/ }).fill(HELPS_WITH);
	await settings.getByRole('textbox', { name: /^Phone number/ }).fill(NUMBER);
	await settings.getByRole('button', { name: 'Add this contact' }).click();
	await expect(page.getByTestId('referral-message')).toHaveText('Saved on this device.');
	await expect(settings.locator('ol.contacts li')).toContainText(NAME);

	for (const prefix of ['', '/km']) {
		// The printed card: the who-to-call front lists 1288, then the local contact.
		await page.goto(`${url}${prefix}/cards/print`);
		const front = page
			.locator('.sheet .card-face[data-card="who-to-call"][data-side="front"]')
			.first();
		await expect(front.locator('.card-number')).toHaveText('1288');
		await expectShownAsText(page, front.locator('.local-list'));
		await expect(front.locator('.local-ask')).toBeHidden();
		await expect(front).not.toHaveAttribute('data-overflow');

		// The end of each story, whatever its kind.
		for (const ending of ['sophea#p=documents-back', 'kosal#p=years-at-sea']) {
			await page.goto(`${url}${prefix}/story/${ending}`);
			const help = page.getByTestId('local-help');
			await expect(help.locator('.number')).toContainText('1288');
			await expectShownAsText(page, help.locator('.local-list'));
		}

		// The lesson, a reading page that runs no app script: its inline script fills the place.
		await page.goto(`${url}${prefix}/lessons/getting-help`);
		const block = page.locator('.help-block');
		await expect(block.locator('.help-number')).toHaveText('1288');
		await expectShownAsText(page, block.locator('.local-list'));

		// The same slide on the projector, and in the presenter's window.
		const slide = await helpSlide(page, `${url}${prefix}`);
		await page.goto(`${url}${prefix}/present/getting-help#${slide}`);
		await expectShownAsText(page, page.locator('.help-block .local-list'));
		// The presenter follows the projector from the first slide: step to it.
		await page.goto(`${url}${prefix}/present/getting-help/presenter`);
		await expect(page.locator('.presenter')).toBeVisible();
		for (let step = 1; step < slide; step++) await page.keyboard.press('ArrowRight');
		await expectShownAsText(page, page.locator('.help-block .local-list').first());
	}
	// Khmer pages say it in Khmer around the contact.
	await expect(page.locator('.help-block .local-heading').first()).toHaveText('ជំនួយនៅក្បែរនេះ');
});

test('with no local contacts, every place says where to ask, and the card prints lines to write on', async ({
	page
}) => {
	await page.goto('/story/kosal#p=near-home');
	const help = page.getByTestId('local-help');
	await expect(page.locator('[data-ending]')).toHaveText(/Safe ending/);
	await expect(help.locator('.number')).toContainText('1288');
	await expect(help).toContainText('their family at home can call for them');
	await expect(help.locator('.local-ask')).toContainText('Ask your commune council');

	await page.goto('/km/cards/print');
	const front = page
		.locator('.sheet .card-face[data-card="who-to-call"][data-side="front"]')
		.first();
	await expect(front.locator('.local-ask')).toHaveText('ជំនួយនៅក្បែរនេះ៖ សួរក្រុមប្រឹក្សាឃុំរបស់អ្នក។');
	await expect(front.locator('.local-blank')).toHaveCount(2);
	await expect(front).not.toHaveAttribute('data-overflow');

	await page.goto('/lessons/getting-help');
	await expect(page.locator('.help-block .local-ask')).toContainText('Ask your commune council');
});

test("a trainer's file sets another tablet alike, and a bad file changes nothing", async ({
	page,
	browser
}) => {
	await page.goto('/km/settings');
	const settings = page.getByTestId('referral-settings');
	await settings.getByRole('textbox', { name: /^ឈ្មោះ/ }).fill('មណ្ឌលសុខភាព');
	await settings.getByRole('textbox', { name: /^លេខទូរស័ព្ទ/ }).fill('+855 12 345 678');
	await settings.getByRole('button', { name: 'បន្ថែមលេខទំនាក់ទំនងនេះ' }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		settings.getByRole('button', { name: 'រក្សាទុកបញ្ជីជាឯកសារ' }).click()
	]);
	const file = await download.path();

	// Another tablet: a fresh browser context, with a list of its own.
	const other = await (await browser.newContext()).newPage();
	await other.goto(page.url().replace('/km/settings', '/settings'));
	const there = other.getByTestId('referral-settings');
	await there.getByRole('textbox', { name: /^Name/ }).fill('Police post');
	await there.getByRole('button', { name: 'Add this contact' }).click();
	const contacts = there.locator('ol.contacts li');
	await expect(contacts).toHaveCount(1);

	const picker = there.getByTestId('referral-file');
	const refused = async (name: string, text: string, says: string | RegExp) => {
		await picker.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
		await expect(other.getByTestId('referral-message')).toHaveText(says);
		await expect(contacts).toHaveCount(1);
		await expect(contacts).toContainText('Police post');
	};
	const results = { format: 'safe-migration-classroom-results', version: 1, attempts: [] };
	await refused(
		'results.json',
		JSON.stringify(results),
		/not a list of local contacts from this app/
	);
	await refused(
		'list.csv',
		'name,number\n=cmd|calc,123',
		/could not be read as a list of local contacts/
	);
	const many = Array.from({ length: 200 }, (_, index) => ({
		name: `Post ${index}`,
		helpsWith: '',
		number: '123'
	}));
	const list = (entries: unknown[]) =>
		JSON.stringify({ format: 'safe-migration-classroom-referrals', version: 1, contacts: entries });
	await refused('many.json', list(many), /holds 200 contacts, but at most 12/);
	await refused(
		'letters.json',
		list([{ name: 'Police', helpsWith: '', number: 'one two three' }]),
		'Contact 1 in the file, Phone number: A phone number holds only digits, spaces, “-” and a “+” at the start. Nothing was loaded.'
	);
	await refused(
		'nameless.json',
		list([...many.slice(0, 2), { name: '', helpsWith: '', number: '123' }]),
		/^Contact 3 in the file, Name: Write a name\./
	);

	// The trainer's file replaces the list, once confirmed.
	await picker.setInputFiles(file!);
	await there.getByRole('alert').getByRole('button', { name: 'Replace them' }).click();
	await expect(other.getByTestId('referral-message')).toHaveText(
		'Loaded the list from the file (1 in all), in place of the one that was here.'
	);
	await expect(contacts).toHaveCount(1);
	await expect(contacts).toContainText('មណ្ឌលសុខភាព');
	await expect(contacts).toContainText('+855 12 345 678');
	await other.context().close();
});
