import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve';
import { expect, test } from './fixtures';
import { hydrates, precachedUrls, prerenderedRoutes } from './routes';

test('after one visit, every page opens with the network gone, and so does an unknown address', async ({
	page,
	context
}) => {
	const routes = prerenderedRoutes();
	test.setTimeout(60_000 + routes.length * 5_000);
	// A server of its own, so that this test can take it away.
	const server = await startServer({ dir: 'build' });
	// The first visit is a deep link, as from a shared address: the worker must be found
	// from there too, not only from the start page.
	const missing: string[] = [];
	page.on('response', (response) => {
		if (response.status() === 404) missing.push(response.url());
	});
	const deepLink = routes.find((route) => /^\/present\/[^/]+$/.test(route))!;
	await page.goto(`${server.url}${deepLink}`);
	// The worker takes control once it has saved the whole app: allow a slow tablet's time.
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			timeout: 60_000
		})
		.toBe(true);
	expect(missing).toEqual([]);
	await page.goto(`${server.url}/settings`);
	await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
		timeout: 60_000
	});
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

	await server.close();
	await context.setOffline(true);

	expect(routes.length).toBeGreaterThan(6);
	for (const route of routes) {
		const response = await page.goto(`${server.url}${route}`);
		expect(response?.fromServiceWorker(), route).toBe(true);
		await expect(page.getByRole('heading', { level: 1 }).first(), route).toBeVisible();
		await expect(page.getByText('Page not found'), route).toHaveCount(0);
		await expect(page.locator('html'), route).toHaveAttribute(
			'lang',
			route === '/km' || route.startsWith('/km/') ? 'km' : 'en'
		);
	}

	// Moving around inside the app loads each page's data from the cache too.
	await page.goto(`${server.url}/`);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Sessions' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
	await page.locator('ol.sessions > li a').first().click();
	await expect(page.getByRole('link', { name: 'Present on the projector' })).toBeVisible();

	await page.goto(`${server.url}/no-such-page`);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await page.goto(`${server.url}/km/no-such-page`);
	await expect(page.getByRole('heading', { level: 1, name: 'រកមិនឃើញទំព័រ' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'km');
});

test('the precache holds the data of every page that navigates in the browser, and only theirs', () => {
	const precached = new Set(precachedUrls());
	for (const route of prerenderedRoutes()) {
		const page = route === '/' ? '/' : route.slice(1);
		const data = `${route === '/' ? '' : route.slice(1) + '/'}__data.json`;
		expect(precached.has(page), `${route} is precached`).toBe(true);
		if (!existsSync(join('build', data))) continue;
		expect(precached.has(data), `${data} precached exactly when ${route} runs scripts`).toBe(
			hydrates(route)
		);
	}
});
