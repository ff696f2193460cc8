import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startServer } from '../../scripts/serve';
import { appStarted, expect, test } from './fixtures';

/** A shared classroom tablet, held upright. */
test.use({ viewport: { width: 800, height: 1280 }, hasTouch: true });

const passage = (page: Page) => page.locator('article.passage');

async function choose(page: Page, label: string | RegExp) {
	await page.locator('.choices').getByRole('button', { name: label }).click();
}

/** Opens the app once, waits until it is saved for offline use, then takes the network away. */
async function goOffline(page: Page, context: import('@playwright/test').BrowserContext) {
	const server = await startServer({ dir: 'build' });
	await page.goto(`${server.url}/settings`);
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
	await server.close();
	await context.setOffline(true);
	return server.url;
}

test('a student plays to a safe ending on a tablet, offline, with big choices', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const url = await goOffline(page, context);
	await page.goto(`${url}/story/sophea`);
	await expect(page.getByRole('heading', { level: 1, name: "Sophea's choice" })).toBeVisible();
	await expect(page.getByText('inspired by')).toBeVisible();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');

	for (const button of await page.locator('.choices button').all()) {
		const box = (await button.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(48);
		expect(box.width).toBeGreaterThanOrEqual(48);
	}

	await choose(page, 'Talk it over with her family tonight');
	await expect(passage(page)).toHaveAttribute('data-passage', 'family-talk');
	await expect(page.getByRole('heading', { level: 2, name: 'A family decision' })).toBeFocused();
	await choose(page, 'Do the sums together');
	await expect(passage(page)).toContainText('300 baht a day');
	await choose(page, /stay in school, and plan to go later/);
	await choose(page, /registered recruitment agency/);
	await expect(passage(page)).toContainText('Pay USD 195 now');
	await choose(page, /dated receipt/);
	await choose(page, /read it with her, agree on the wage, and keep a copy/);
	await choose(page, 'Keep waiting for the legal way');
	await choose(page, 'Pack her bag and go');
	await choose(page, 'Show her copy of the contract to the supervisor');

	await expect(passage(page)).toHaveAttribute('data-passage', 'legal-job');
	await expect(page.locator('[data-ending]')).toHaveText(/Safe ending/);
	await expect(page.getByRole('heading', { name: 'What happened, and why' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Key messages' })).toBeVisible();
	await expect(
		page.getByText('Agree on your wages before you go, and get a copy of the contract.')
	).toBeVisible();
	await expect(page).toHaveURL(/#p=legal-job&c=2\.0\.0\.0\.1\.1\.0\.1\.0$/);
});

test('a student plays to an unsafe ending in Khmer, offline, and sees where to get help', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const url = await goOffline(page, context);
	await page.goto(`${url}/km/story/sophea`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'km');
	await expect(page.getByRole('heading', { level: 1, name: 'ជម្រើសរបស់សុភា' })).toBeVisible();

	await choose(page, 'យល់ព្រមជាមួយណារីភ្លាមៗ');
	await expect(passage(page)).toHaveAttribute('data-passage', 'broker-deal');
	await choose(page, /^ចុះហត្ថលេខា/);
	// No warning signs noticed on this way: the choice to turn back at the border is not shown.
	await expect(page.locator('.choices button')).toHaveCount(1);
	await choose(page, /ឆ្លងជាមួយអ្នកផ្សេងទៀត/);
	await choose(page, /នៅស្ងៀម/);

	await expect(passage(page)).toHaveAttribute('data-passage', 'trapped');
	await expect(page.locator('[data-ending]')).toHaveText(/ការបញ្ចប់មិនមានសុវត្ថិភាព/);
	await expect(page.getByRole('heading', { name: 'កន្លែងសុំជំនួយ' })).toBeVisible();
	await expect(page.locator('.help .number')).toHaveText('ហៅលេខ 1288');
});

test('back undoes a choice and what it set, and restart begins again', async ({ page }) => {
	await page.goto('/story/sophea');
	await choose(page, 'Ask Nary more questions first');
	await choose(page, 'The money sounds good: say yes');
	await choose(page, /^Sign the paper/);
	// Two warning signs noticed: she may turn back at the border.
	await expect(passage(page)).toHaveAttribute('data-passage', 'night-crossing');
	await expect(page.locator('.choices button')).toHaveCount(2);
	await expect(page.getByText('Step 4')).toBeVisible();

	const back = page.getByRole('button', { name: '← Back' });
	await back.click();
	await back.click();
	await back.click();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await expect(back).toBeDisabled();
	await choose(page, 'Say yes to Nary at once');
	await choose(page, /^Sign the paper/);
	// The same passage on another way, without the warnings: only one way on.
	await expect(passage(page)).toHaveAttribute('data-passage', 'night-crossing');
	await expect(page.locator('.choices button')).toHaveCount(1);
	await expect(page).toHaveURL(/#p=night-crossing&c=0\.0$/);

	// A reload comes back to the same place, with the same state.
	await page.reload();
	await expect(passage(page)).toHaveAttribute('data-passage', 'night-crossing');
	await expect(page.locator('.choices button')).toHaveCount(1);

	await page.locator('nav.controls').getByRole('button', { name: 'Start again' }).click();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await expect(page.getByText('Step 1')).toBeVisible();
	await expect(back).toBeDisabled();
});

test('an unknown passage in the address is named, and the story can start again', async ({
	page
}) => {
	await page.goto('/story/sophea#p=nonexistent');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('This story has no passage called “nonexistent”');
	await alert.getByRole('button', { name: 'Start again' }).click();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await expect(page).toHaveURL(/#p=village$/);

	await page.goto('/km/story/sophea/class#p=nonexistent');
	await expect(page.getByRole('alert')).toContainText('“nonexistent”');
});

test.describe('on the projector', () => {
	test.use({ viewport: { width: 1024, height: 768 }, hasTouch: false });

	test('the class votes with a tally, and the teacher picks by keys 1–9 and Enter', async ({
		page
	}) => {
		await page.goto('/story/sophea/class');
		await appStarted(page);
		await expect(
			page.getByRole('heading', { level: 1, name: 'A visitor in the village' })
		).toBeVisible();
		const label = page.locator('.choices .label').first();
		const size = await label.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
		expect(size).toBeGreaterThanOrEqual(30);
		await expect(page.locator('.choices .number')).toHaveText(['1', '2', '3']);

		const vote = (number: number) =>
			page.getByRole('button', { name: `Vote for choice ${number}` });
		await vote(2).click();
		await vote(2).click();
		await vote(3).click();
		await expect(vote(2).locator('[data-votes]')).toHaveText('2');
		await expect(vote(3).locator('[data-votes]')).toHaveText('1');
		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('Enter');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sophea asks questions' })
		).toBeVisible();
		// A new passage starts a new vote.
		await expect(vote(1).locator('[data-votes]')).toHaveText('0');

		await page.keyboard.press('2');
		await expect(
			page.getByRole('heading', { level: 1, name: "At the village chief's house" })
		).toBeVisible();
		await page.keyboard.press('ArrowLeft');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sophea asks questions' })
		).toBeVisible();
		await page.keyboard.press('9');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Sophea asks questions' })
		).toBeVisible();

		for (const key of ['2', '1', '1', '2', '2', '1', '1', '1']) await page.keyboard.press(key);
		await expect(page.locator('[data-ending]')).toHaveText(/Safe ending/);
		await expect(page.getByRole('heading', { level: 2, name: 'Key messages' })).toBeVisible();
		await expect(page).toHaveURL(/#p=legal-job&c=1\.1\.0\.0\.1\.1\.0\.0\.0$/);
	});
});

test('the story map draws every passage and highlights the path just played, also on paper', async ({
	page
}) => {
	await page.goto('/story/sophea');
	await choose(page, 'Ask Nary more questions first');
	await choose(page, /Ask the village chief whether/);
	await choose(page, /Go with Nary anyway, but first learn/);
	await choose(page, /^Keep her documents/);
	await choose(page, 'Stay in the van and cross with the others');
	await choose(page, 'Ask to be paid and to go home');
	await choose(page, /Borrow the neighbour's phone/);
	await expect(page.locator('[data-ending]')).toHaveText(/Mixed ending/);
	await page.getByRole('link', { name: 'See your path on the story map' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: "Story map: Sophea's choice" })
	).toBeVisible();
	const passages = await page.locator('.list > ol > li').count();
	expect(passages).toBeGreaterThanOrEqual(20);
	await expect(page.locator('svg.story-map g.node')).toHaveCount(passages);
	const played = [
		'village',
		'questions',
		'village-chief',
		'broker-deal',
		'night-crossing',
		'employer-house',
		'ask-to-leave',
		'home-with-help'
	];
	await expect(page.locator('svg.story-map g.node[data-played]')).toHaveCount(played.length);
	for (const [index, id] of played.entries()) {
		await expect(page.locator(`g.node[data-passage="${id}"]`)).toHaveAttribute(
			'data-played',
			String(index + 1)
		);
	}
	await expect(page.locator('svg.story-map path.edge.played')).toHaveCount(played.length - 1);
	await expect(page.getByText('The path just played (8 steps)')).toBeVisible();
	for (const kind of ['Safe ending', 'Unsafe ending', 'Mixed ending']) {
		await expect(page.locator('.legend')).toContainText(kind);
	}
	await expect(page.locator('g.node.unsafe').first()).toContainText('Unsafe ending');

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print the map' })).toBeHidden();
	await expect(page.locator('svg.story-map')).toBeVisible();
	await expect(page.locator('.legend')).toBeVisible();
});

test('the story is one tap away from the start page and the header', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Story' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Stories' })).toBeVisible();
	await page.getByRole('link', { name: "Sophea's choice" }).click();
	await expect(passage(page)).toHaveAttribute('data-passage', 'village');
	await page.goto('/km');
	await page.locator('.places').getByRole('link', { name: /^រឿង/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'រឿង' })).toBeVisible();
});

test('both stories are in the list, and the second, about a young man, plays on a tablet, with the class and on its map', async ({
	page
}) => {
	await page.goto('/story');
	const stories = page.locator('ul.stories > li');
	await expect(stories).toHaveCount(2);
	await expect(stories.getByRole('heading', { level: 2 })).toHaveText([
		"Kosal's journey",
		"Sophea's choice"
	]);
	await page.getByRole('link', { name: "Kosal's journey" }).click();
	await expect(passage(page)).toHaveAttribute('data-passage', 'dry-year');
	await expect(page.getByText('men and boys are too')).toBeVisible();
	// Checking the offer with the family, then getting help from home.
	await choose(page, 'Tell him he will talk it over with his family first');
	await choose(page, 'The debt cannot wait: go with Uncle Phal');
	await choose(page, /^Learn his mother's and Thida's phone numbers by heart/);
	await choose(page, 'Stay with the others and go to the port');
	await choose(page, /^Sign, and go on board/);
	await expect(page.locator('.choices button')).toHaveCount(3);
	await choose(page, /^Ask the engine man/);
	await expect(page.getByRole('heading', { level: 3, name: 'What happens next?' })).toBeVisible();
	await choose(page, /^Go to the commune council, and call 1288/);
	await expect(passage(page)).toHaveAttribute('data-passage', 'help-from-home');
	await expect(page.locator('[data-ending]')).toHaveText(/Mixed ending/);
	await expect(page.getByText('not someone to blame')).toBeVisible();
	await expect(page.getByTestId('local-help').locator('.number')).toHaveText('Call 1288');

	await page.getByRole('link', { name: 'See your path on the story map' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: "Story map: Kosal's journey" })
	).toBeVisible();
	await expect(page.locator('svg.story-map g.node[data-played]')).toHaveCount(8);
	await expect(page.locator('svg.story-map g.node')).toHaveCount(
		await page.locator('.list > ol > li').count()
	);

	await page.goto('/km/story/kosal/class');
	await expect(page.getByRole('heading', { level: 1, name: 'ឆ្នាំរាំងស្ងួត' })).toBeVisible();
	// Saying no is a path of its own.
	await page.keyboard.press('4');
	await expect(page.getByRole('heading', { level: 1, name: 'ការបដិសេធ' })).toBeVisible();
	await page.keyboard.press('1');
	await expect(page.locator('[data-ending]')).toHaveText(/ការបញ្ចប់ដោយសុវត្ថិភាព/);
	await expect(page.getByTestId('local-help')).toContainText('1288');
});

for (const lang of ['', '/km']) {
	test(`axe finds nothing at an ending, in class mode with votes, or on a map with a path (${lang || '/'})`, async ({
		page
	}) => {
		// Five pages, each checked by axe: more than the default minute on a busy machine.
		test.setTimeout(180_000);
		const unsafeEnding = '#p=trapped&c=0.0.1.1';
		const check = async () => {
			const { violations } = await new AxeBuilder({ page }).analyze();
			expect(violations.map((violation) => `${page.url()}: ${violation.id}`)).toEqual([]);
		};
		await page.goto(`${lang}/story/sophea${unsafeEnding}`);
		await expect(page.locator('[data-ending]')).toBeVisible();
		await check();
		await page.goto(`${lang}/story/sophea/class`);
		await page.locator('.vote').first().click();
		await check();
		await page.goto(`${lang}/story/sophea/class${unsafeEnding}`);
		await expect(page.locator('[data-ending]')).toBeVisible();
		await check();
		await page.goto(`${lang}/story/sophea/map${unsafeEnding}`);
		await expect(page.locator('g.node[data-played]')).toHaveCount(5);
		await check();
		await page.goto(`${lang}/story/sophea#p=nonexistent`);
		await expect(page.getByRole('alert')).toBeVisible();
		await check();
	});
}
