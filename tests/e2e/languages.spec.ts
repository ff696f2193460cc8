import { expect, test } from './fixtures';

test('a Khmer page arrives already in Khmer, before any script runs', async ({ request }) => {
	const html = await (await request.get('/km/sessions')).text();
	expect(html).toContain('<html lang="km">');
	expect(html).toContain('វគ្គ');
	expect(html).not.toContain('>Sessions<');
	expect(html).not.toContain('>Settings<');
});

test('the language switch changes the page, and the app remembers the choice', async ({ page }) => {
	await page.goto('/sessions');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await page
		.getByRole('navigation', { name: 'Language' })
		.getByRole('link', { name: 'ខ្មែរ' })
		.click();
	await expect(page).toHaveURL(/\/km\/sessions$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'km');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('វគ្គ');

	// Opening the app at its start address brings a Khmer reader to the Khmer pages.
	await page.goto('/');
	await expect(page).toHaveURL(/\/km$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'ចំណាកស្រុកដោយសុវត្ថិភាព នៅក្នុងថ្នាក់រៀន'
	);

	await page
		.getByRole('navigation', { name: 'ភាសា' })
		.getByRole('link', { name: 'English' })
		.click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Safe migration, in class');
	await page.goto('/');
	await expect(page).toHaveURL(/\/$/);
});

test('Khmer text is drawn with the app’s own Khmer font, from the app’s own address', async ({
	page,
	baseURL
}) => {
	const fonts: string[] = [];
	const elsewhere: string[] = [];
	page.on('request', (request) => {
		if (!request.url().startsWith(baseURL!)) elsewhere.push(request.url());
		if (request.resourceType() === 'font') fonts.push(request.url());
	});
	await page.goto('/km');
	await expect
		.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans Khmer"', 'ក')))
		.toBe(true);
	await page.evaluate(() => document.fonts.ready);
	expect(fonts.some((url) => url.includes('noto-sans-khmer-khmer'))).toBe(true);
	expect(elsewhere).toEqual([]);
});

test('a Khmer page asks for its font before its stylesheet, so the text is not drawn twice', async ({
	request
}) => {
	const khmer = await (await request.get('/km/lessons/documents')).text();
	const head = khmer.slice(0, khmer.indexOf('</head>'));
	const preloads = [...head.matchAll(/<link rel="preload" href="([^"]+)" as="font"[^>]*>/g)];
	expect(preloads.map((match) => match[1])).toEqual([
		expect.stringMatching(/noto-sans-khmer-khmer-400-normal\.[\w-]+\.woff2$/),
		expect.stringMatching(/noto-sans-khmer-khmer-700-normal\.[\w-]+\.woff2$/)
	]);
	expect(head.indexOf('as="font"')).toBeLessThan(head.indexOf('rel="stylesheet"'));
	for (const [, href] of preloads) {
		const font = await request.get(href!);
		expect(font.status()).toBe(200);
		expect(font.headers()['content-type']).toContain('font/woff2');
	}
	// The boot script after it still runs as a script, and English pages load no Khmer font.
	expect(head).toMatch(/<script>\s*try\{/);
	const english = await (await request.get('/lessons/documents')).text();
	expect(english).not.toContain('as="font"');
});

test('a Khmer page is in Khmer before its scripts run and after, and never fetches English strings', async ({
	page
}) => {
	// The page's strings are held back until the prerendered page has been checked, so that
	// what is seen first is the HTML alone; then the scripts take over with their own strings.
	const fetched: string[] = [];
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/data/messages.json', async (route) => {
		// The service worker saves both languages for offline use; only the page counts here.
		if (!route.request().serviceWorker()) fetched.push(new URL(route.request().url()).pathname);
		await held;
		await route.continue();
	});
	await page.goto('/km/settings', { waitUntil: 'domcontentloaded' });
	const offline = page.getByTestId('offline-status');
	const heading = page.getByRole('heading', { level: 1 });
	const main = page.getByRole('navigation', { name: 'ម៉ឺនុយចម្បង' });
	await expect(offline).toHaveAttribute('data-state', 'checking');
	await expect(heading).toHaveText('ការកំណត់');
	await expect(main.getByRole('link', { name: 'វគ្គ' })).toBeVisible();

	release();
	// The page has started in the browser once it has asked how much is saved offline.
	await expect(offline).not.toHaveAttribute('data-state', 'checking');
	await expect(heading).toHaveText('ការកំណត់');
	await expect(main.getByRole('link', { name: 'វគ្គ' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sessions', exact: true })).toHaveCount(0);
	await expect(page.locator('html')).toHaveAttribute('lang', 'km');
	expect(fetched).toEqual(['/km/data/messages.json']);

	// A tool page, drawn in the browser, is in Khmer too.
	await page.goto('/km/story/sophea');
	await expect(page.getByRole('link', { name: 'វគ្គ' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sessions', exact: true })).toHaveCount(0);
});
