/**
 * Every browser test runs against the real build (`build/`), served by the project's own
 * static server, one per worker, on a free port; and fails if any page of its browser
 * context throws an uncaught error, even one the test did not look for.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../scripts/serve';

export const test = base.extend<object, { server: RunningServer }>({
	server: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = await startServer({ dir: 'build' });
			await use(server);
			await server.close();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ server }, use) => {
		await use(server.url);
	},
	context: async ({ context }, use) => {
		const thrown: string[] = [];
		context.on('weberror', (error) => thrown.push(error.error().stack ?? String(error.error())));
		await use(context);
		expect(thrown, 'uncaught errors in the pages').toEqual([]);
	}
});

export { expect };

/**
 * Waits until the app has taken over a prerendered page (the root layout marks <html> once
 * mounted): before that its first screen is drawn, but keys and taps do nothing.
 */
export async function appStarted(page: Page): Promise<void> {
	await expect(page.locator('html[data-started]')).toHaveCount(1);
}
