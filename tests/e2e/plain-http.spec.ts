import { expect, test } from './fixtures';

// A laptop serving the classroom's Wi-Fi at http://192.168.… is not a secure context: no
// service worker. Here the built app is reached at such an address (not localhost), through
// the test server.
const classroom = 'http://classroom.test:8080';

test('over plain http, the start page says it cannot work offline and that answers stay tied to the address', async ({
	page,
	context,
	baseURL
}) => {
	await context.route(`${classroom}/**`, async (route) => {
		const url = new URL(route.request().url());
		const response = await route.fetch({ url: `${baseURL}${url.pathname}${url.search}` });
		await route.fulfill({ response });
	});
	await page.goto(`${classroom}/`);
	expect(await page.evaluate(() => isSecureContext)).toBe(false);
	const note = page.getByTestId('plain-http');
	await expect(note).toBeVisible();
	await expect(note).toContainText('cannot work offline');
	await expect(note).toContainText('a new IP address');
	await expect(page.getByTestId('offline-status')).toBeHidden();

	await page.goto(`${classroom}/km`);
	await expect(page.getByTestId('plain-http')).toContainText('អាសយដ្ឋាន IP ថ្មី');

	// The settings page, which runs the app's scripts, says the same.
	await page.goto(`${classroom}/settings`);
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'insecure');
	await expect(page.getByTestId('offline-status')).toContainText('cannot work offline');
});

test('on a secure address the note stays hidden, and /km/ with a slash is the Khmer start page', async ({
	page,
	request
}) => {
	await page.goto('/');
	await expect(page.getByTestId('plain-http')).toBeHidden();
	const khmer = await request.get('/km/');
	expect(khmer.status()).toBe(200);
	expect(await khmer.text()).toContain('<html lang="km">');
});
